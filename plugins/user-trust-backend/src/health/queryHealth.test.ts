import { EntityHealth } from '@user-trust/plugin-user-trust-common';
import { HealthQuery, queryHealth } from './queryHealth';
import { healthRow } from './testRows';

const rows: EntityHealth[] = [
  healthRow('checkout', {
    title: 'Checkout API',
    status: 'breached',
    score: 20,
    worstBudget: -0.4,
    fastestBurn: { rate: 14, window: '1d', slo: 'incidents' },
    supportCases: { last7d: 9, previous7d: 2 },
    dissonance: true,
    fieldRoles: [{ role: 'tam', holderRef: 'user:default/rachel.kim' }],
    evaluatedAt: '2026-11-27T09:00:00.000Z',
  }),
  healthRow('payments', {
    status: 'at-risk',
    score: 60,
    worstBudget: 0.1,
    fastestBurn: { rate: 3, window: '7d', slo: 'csat' },
    supportCases: { last7d: 4, previous7d: 4 },
    missingRoles: ['tam'],
    owner: 'group:default/team-b',
    system: 'system:default/billing',
  }),
  healthRow('search', {
    score: null,
    status: 'no-data',
    worstBudget: null,
    fastestBurn: null,
    kind: 'api',
    entityRef: 'api:default/search',
    domain: undefined,
    system: undefined,
    fieldRoles: [{ role: 'csm', holderRef: 'group:default/customer-success' }],
  }),
  healthRow('catalog', { score: 95 }),
];

const query = (overrides: Partial<HealthQuery> = {}): HealthQuery => ({
  sort: 'burn',
  limit: 50,
  offset: 0,
  ...overrides,
});
const names = (q: Partial<HealthQuery>) =>
  queryHealth(rows, query(q)).items.map(r => r.name);

describe('queryHealth', () => {
  it('sorts worst first by default for each column, rows without a value last', () => {
    expect(names({ sort: 'burn' })).toEqual([
      'checkout',
      'payments',
      'catalog',
      'search',
    ]);
    expect(names({ sort: 'score' })).toEqual([
      'checkout',
      'payments',
      'catalog',
      'search',
    ]);
    expect(names({ sort: 'budget' })).toEqual([
      'checkout',
      'payments',
      'catalog',
      'search',
    ]);
    expect(names({ sort: 'cases' })).toEqual([
      'checkout',
      'payments',
      // Equal counts: by ref.
      'search',
      'catalog',
    ]);
    // Title when there is one, else name.
    expect(names({ sort: 'name' })).toEqual([
      'catalog',
      'checkout',
      'payments',
      'search',
    ]);
  });

  it('sorts by when the first budget runs out: spent first, then soonest, then none', () => {
    const alert = (
      spent: boolean,
      runsOutAt: string | null,
    ): EntityHealth['alert'] => ({
      state: 'at-risk',
      slo: 'csat',
      spent,
      runsOutAt,
    });
    const forecasts = [
      healthRow('late', { alert: alert(false, '2026-12-20T00:00:00.000Z') }),
      healthRow('never', { alert: alert(false, null) }),
      healthRow('unrefreshed'),
      healthRow('soon', { alert: alert(false, '2026-12-01T00:00:00.000Z') }),
      healthRow('spent', { alert: alert(true, null) }),
    ];
    const sorted = (order?: 'asc' | 'desc') =>
      queryHealth(forecasts, query({ sort: 'runout', order })).items.map(
        r => r.name,
      );
    expect(sorted()).toEqual(['spent', 'soon', 'late', 'never', 'unrefreshed']);
    expect(sorted('desc')).toEqual([
      'late',
      'soon',
      'spent',
      'never',
      'unrefreshed',
    ]);
  });

  it('reverses on request, keeping rows without a value last', () => {
    expect(names({ sort: 'burn', order: 'asc' })).toEqual([
      'catalog',
      'payments',
      'checkout',
      'search',
    ]);
    expect(names({ sort: 'score', order: 'desc' })).toEqual([
      'catalog',
      'payments',
      'checkout',
      'search',
    ]);
  });

  it('pages, counting every matching row', () => {
    const page = queryHealth(rows, query({ limit: 2, offset: 1 }));
    expect(page.items.map(r => r.name)).toEqual(['payments', 'catalog']);
    expect(page).toMatchObject({ totalCount: 4, offset: 1, limit: 2 });
    expect(queryHealth(rows, query({ offset: 100 })).items).toEqual([]);
  });

  it('filters by each column, values of one filter with OR', () => {
    expect(names({ owner: ['group:default/team-b'] })).toEqual(['payments']);
    expect(names({ kind: ['api'] })).toEqual(['search']);
    expect(names({ system: ['system:default/billing'] })).toEqual(['payments']);
    expect(
      names({ domain: ['domain:default/commerce'], sort: 'name' }),
    ).toEqual(['catalog', 'checkout', 'payments']);
    expect(names({ status: ['breached', 'at-risk'] })).toEqual([
      'checkout',
      'payments',
    ]);
    expect(names({ dissonance: true })).toEqual(['checkout']);
    expect(names({ blindSpot: true })).toEqual(['payments']);
    expect(names({ blindSpot: false }).length).toBe(3);
    expect(
      names({
        holder: ['user:default/rachel.kim', 'group:default/customer-success'],
      }),
    ).toEqual(['checkout', 'search']);
    expect(names({ holder: [] })).toEqual([]);
    expect(names({ lifecycle: ['experimental'] })).toEqual([]);
  });

  it('combines filters with AND and searches title, ref, owner and system', () => {
    expect(names({ q: 'checkout api' })).toEqual(['checkout']);
    expect(names({ q: 'BILLING' })).toEqual(['payments']);
    expect(names({ q: 'api:default' })).toEqual(['search']);
    expect(names({ q: 'team-a', status: ['healthy'] })).toEqual(['catalog']);
    // Text that means something elsewhere is only text here.
    expect(names({ q: "' OR 1=1 --" })).toEqual([]);
  });

  it('counts statuses over every filter but status, and facets over all rows', () => {
    const result = queryHealth(
      rows,
      query({ status: ['breached'], owner: ['group:default/team-a'] }),
    );
    expect(result.items.map(r => r.name)).toEqual(['checkout']);
    expect(result.statusCounts).toEqual({
      breached: 1,
      'at-risk': 0,
      healthy: 1,
      'insufficient-data': 0,
      'no-data': 1,
    });
    expect(result.facets.owner).toEqual([
      { value: 'group:default/team-a', count: 3 },
      { value: 'group:default/team-b', count: 1 },
    ]);
    expect(result.facets.kind).toEqual([
      { value: 'component', count: 3 },
      { value: 'api', count: 1 },
    ]);
    expect(result.facets.domain).toEqual([
      { value: 'domain:default/commerce', count: 3 },
    ]);
  });

  it('tells when the oldest row shown was computed', () => {
    expect(queryHealth(rows, query()).oldestEvaluatedAt).toBe(
      '2026-11-27T09:00:00.000Z',
    );
    expect(
      queryHealth(rows, query({ owner: ['group:default/none'] }))
        .oldestEvaluatedAt,
    ).toBeNull();
  });
});
