import { entityFilterValues, matchesEntityFilter } from './entityFilter';

const entity = (
  spec: Record<string, unknown>,
  labels?: Record<string, string>,
) => ({
  kind: 'Component',
  metadata: { name: 'checkout-api', ...(labels ? { labels } : {}) },
  spec,
});

const TIER = 'user-trust.io/tier';

describe('matchesEntityFilter', () => {
  const service = entity(
    { type: 'Service', lifecycle: 'production' },
    { [TIER]: 'Tier-1' },
  );

  it('holds for every entity without conditions', () => {
    expect(matchesEntityFilter({}, service)).toBe(true);
    expect(matchesEntityFilter({}, entity({}))).toBe(true);
  });

  it('needs every condition given, compared case-insensitively', () => {
    const options = { tierLabel: TIER };
    expect(
      matchesEntityFilter(
        {
          kind: ['component'],
          type: ['website', 'service'],
          lifecycle: ['production'],
          tier: ['tier-1'],
        },
        service,
        options,
      ),
    ).toBe(true);
    expect(matchesEntityFilter({ kind: ['API'] }, service, options)).toBe(
      false,
    );
    expect(matchesEntityFilter({ type: ['SERVICE'] }, service)).toBe(true);
    expect(
      matchesEntityFilter(
        { kind: ['component'], lifecycle: ['experimental'] },
        service,
      ),
    ).toBe(false);
    expect(matchesEntityFilter({ tier: ['tier-2'] }, service, options)).toBe(
      false,
    );
  });

  it('fails a condition when the entity has no such value', () => {
    const bare = entity({});
    expect(matchesEntityFilter({ type: ['service'] }, bare)).toBe(false);
    expect(matchesEntityFilter({ lifecycle: ['production'] }, bare)).toBe(
      false,
    );
    expect(
      matchesEntityFilter({ tier: ['tier-1'] }, bare, { tierLabel: TIER }),
    ).toBe(false);
    expect(matchesEntityFilter({ type: [''] }, entity({ type: '' }))).toBe(
      false,
    );
    expect(matchesEntityFilter({ type: ['1'] }, entity({ type: 1 }))).toBe(
      false,
    );
  });

  it('holds for no entity with an empty list', () => {
    expect(matchesEntityFilter({ kind: [] }, service)).toBe(false);
  });

  it('does not check the tier without a tier label', () => {
    expect(matchesEntityFilter({ tier: ['tier-9'] }, service)).toBe(true);
    expect(
      matchesEntityFilter({ tier: ['tier-1'] }, service, {
        tierLabel: 'other/tier',
      }),
    ).toBe(false);
  });
});

describe('entityFilterValues', () => {
  it('takes one value or a list, lower-cased', () => {
    expect(entityFilterValues('Service')).toEqual(['service']);
    expect(entityFilterValues(['A', 'b'])).toEqual(['a', 'b']);
    expect(entityFilterValues([1])).toEqual(['1']);
  });
});
