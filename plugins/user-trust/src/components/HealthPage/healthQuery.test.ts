import {
  DEFAULT_PAGE_SIZE,
  healthQueryToParams,
  hasFilters,
  parseHealthQuery,
} from './healthQuery';

const parse = (search: string) => parseHealthQuery(new URLSearchParams(search));

describe('healthQuery', () => {
  it('reads defaults from an empty URL', () => {
    expect(parse('')).toEqual({
      filter: {},
      sort: 'burn',
      order: 'desc',
      view: 'services',
      page: 0,
      pageSize: DEFAULT_PAGE_SIZE,
    });
    expect(healthQueryToParams(parse('')).toString()).toBe('');
  });

  it('round-trips every filter, the sort, the view and the page', () => {
    const search = [
      'kind=component',
      'type=service',
      'type=website',
      'owner=group%3Adefault%2Fpayments',
      'owner=group%3Adefault%2Fsearch',
      'system=system%3Adefault%2Fcheckout',
      'domain=domain%3Adefault%2Fcommerce',
      'lifecycle=production',
      'status=breached',
      'status=at-risk',
      'holder=me',
      'dissonance=true',
      'blindSpot=true',
      'q=checkout+api',
      'sort=score',
      'order=desc',
      'view=system',
      'page=2',
      'pageSize=50',
    ].join('&');
    const query = parse(search);
    expect(query).toEqual({
      filter: {
        kind: ['component'],
        type: ['service', 'website'],
        owner: ['group:default/payments', 'group:default/search'],
        system: ['system:default/checkout'],
        domain: ['domain:default/commerce'],
        lifecycle: ['production'],
        status: ['breached', 'at-risk'],
        holder: ['me'],
        dissonance: true,
        blindSpot: true,
        q: 'checkout api',
      },
      sort: 'score',
      order: 'desc',
      view: 'system',
      page: 2,
      pageSize: 50,
    });
    expect(healthQueryToParams(query).toString()).toBe(search);
  });

  it('starts each sort worst first and leaves that order out of the URL', () => {
    expect(parse('sort=score')).toMatchObject({ sort: 'score', order: 'asc' });
    expect(parse('sort=cases')).toMatchObject({ sort: 'cases', order: 'desc' });
    expect(
      healthQueryToParams({
        ...parse(''),
        sort: 'name',
        order: 'asc',
      }).toString(),
    ).toBe('sort=name');
    expect(healthQueryToParams({ ...parse(''), order: 'asc' }).toString()).toBe(
      'order=asc',
    );
  });

  it('drops values the page would not send', () => {
    expect(
      parse(
        'status=broken&status=healthy&sort=owner&order=up&view=table&page=-1&pageSize=7&dissonance=yes&q=+&owner=',
      ),
    ).toEqual(parse('status=healthy'));
  });

  it('tells whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ owner: [], q: ' ', dissonance: false })).toBe(false);
    expect(hasFilters({ blindSpot: true })).toBe(true);
  });
});
