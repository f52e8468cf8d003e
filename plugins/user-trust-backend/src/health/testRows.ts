import {
  EntityHealth,
  emptyStatusCounts,
} from '@user-trust/plugin-user-trust-common';

/** A health row for tests: a healthy service with defaults overridden. */
export function healthRow(
  name: string,
  overrides: Partial<EntityHealth> = {},
): EntityHealth {
  return {
    entityRef: `component:default/${name}`,
    kind: 'component',
    namespace: 'default',
    name,
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    score: 90,
    status: 'healthy',
    sloCounts: { ...emptyStatusCounts(), healthy: 1 },
    worstBudget: 0.5,
    fastestBurn: { rate: 0.5, window: '1d', slo: 'csat' },
    dissonance: false,
    supportCases: { last7d: 0, previous7d: 0 },
    incidents: { last7d: 0, previous7d: 0 },
    missingRoles: [],
    fieldRoles: [],
    evaluatedAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}
