import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  DEFAULT_FIELD_ROLES,
  EntityFieldRoles,
  FieldRoleAssignment,
  FieldRoleCoverage,
  FieldRoleType,
  EntityHealth,
  EntitySignalSummary,
  EntityTrustEvaluation,
  HealthListResponse,
  HealthRollup,
  SloEvaluation,
  StoredSignal,
} from '@user-trust/plugin-user-trust-common';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
};

export const entityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'checkout-api',
};

/** 28 days of budget history from 100% down to `end`, with a gap. */
function history(end: number, gapAt?: number) {
  return Array.from({ length: 28 }, (_, i) => ({
    day: `2026-11-${String(i + 1).padStart(2, '0')}`,
    errorBudgetRemaining:
      i === gapAt ? null : Number((1 - ((1 - end) * i) / 27).toFixed(4)),
  }));
}

export function slo(overrides: Partial<SloEvaluation> = {}): SloEvaluation {
  return {
    name: 'csat-good',
    displayName: 'CSAT of 4 or 5',
    source: {
      type: 'annotation',
      location: 'url:https://github.com/brightcart/checkout/blob/main/slo.yaml',
    },
    status: 'healthy',
    target: 0.9,
    budgetingMethod: 'Occurrences',
    window: {
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-28T23:59:59Z',
      duration: '28d',
    },
    attainment: 0.95,
    confidence: { lower: 0.91, upper: 0.973 },
    total: 200,
    good: 190,
    errorBudgetRemaining: 0.5,
    burnRates: [
      { window: '1d', rate: 0.5, threshold: 3 },
      { window: '7d', rate: 0.8, threshold: 1 },
    ],
    excludedDays: [],
    budgetHistory: history(0.5),
    ...overrides,
  };
}

export function trust(
  overrides: Partial<EntityTrustEvaluation> = {},
): EntityTrustEvaluation {
  return {
    entityRef: 'component:default/checkout-api',
    evaluatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    score: 61.6,
    status: 'breached',
    slos: [
      slo(),
      slo({
        name: 'cases-without-escalation',
        displayName: 'Cases resolved without escalation',
        source: { type: 'config', rule: 'tier-1-services' },
        status: 'breached',
        target: 0.95,
        attainment: 0.93,
        confidence: undefined,
        total: 100,
        good: 93,
        errorBudgetRemaining: -0.4,
        burnRates: [
          { window: '1d', rate: 2.4, threshold: 3 },
          { window: '7d', rate: 1.6, threshold: 1 },
        ],
        excludedDays: ['2026-11-27'],
        budgetHistory: history(-0.4, 10),
      }),
      slo({
        name: 'incident-free-launches',
        displayName: undefined,
        source: {
          type: 'api',
          updatedBy: 'user:default/jane.doe',
          updatedAt: '2026-11-20T10:00:00Z',
        },
        status: 'no-data',
        budgetingMethod: 'Timeslices',
        attainment: null,
        confidence: undefined,
        total: 0,
        good: 0,
        errorBudgetRemaining: null,
        burnRates: [
          { window: '1d', rate: null, threshold: 3 },
          { window: '7d', rate: null, threshold: 1 },
        ],
        budgetHistory: history(1).map(p => ({
          ...p,
          errorBudgetRemaining: null,
        })),
      }),
    ],
    dissonance: [],
    ...overrides,
  };
}

export function summary(
  overrides: Partial<EntitySignalSummary> = {},
): EntitySignalSummary {
  return {
    entityRef: 'component:default/checkout-api',
    generatedAt: new Date().toISOString(),
    lastSignalAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    windows: [
      {
        window: '7d',
        days: 7,
        total: 5,
        byKind: { support_case: 4, incident: 1 },
      },
      {
        window: '28d',
        days: 28,
        total: 17,
        byKind: { support_case: 15, incident: 2 },
      },
      {
        window: '90d',
        days: 90,
        total: 52,
        byKind: { support_case: 40, incident: 3, csat_response: 9 },
      },
    ],
    ...overrides,
  };
}

export function signals(count: number, offset = 0): StoredSignal[] {
  return Array.from({ length: count }, (_, i) => ({
    source: 'zendesk',
    externalId: `ZD-${1000 + offset + i}`,
    kind: 'support_case',
    entityRef: 'component:default/checkout-api',
    occurredAt: new Date(
      Date.UTC(2026, 10, 27, 12) - (offset + i) * 3600_000,
    ).toISOString(),
    severity: 'high',
    account: `account-${offset + i}`,
    fieldRole: 'support',
    handledBy: 'user:default/sam.support',
  }));
}

/** An error answer of the backend, as the client throws it. */
function errorResponse(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}

export async function notFound(message: string): Promise<ResponseError> {
  return errorResponse(404, 'NotFoundError', message);
}

/** A 400 of the backend (an InputError). */
export async function badRequest(message: string): Promise<ResponseError> {
  return errorResponse(400, 'InputError', message);
}

/** The default role types: TAM, CSM, DevRel and support lead. */
export const fieldRoleTypes: FieldRoleType[] = DEFAULT_FIELD_ROLES;

/** Users and groups of the catalog that hold field roles. */
export const people: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'rachel.kim', namespace: 'default' },
    spec: {
      profile: {
        displayName: 'Rachel Kim',
        email: 'rachel.kim@brightcart.example',
        picture: 'https://avatars.example/rachel.png',
      },
      memberOf: ['customer-success'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'sam.support', namespace: 'default' },
    spec: {
      profile: {
        displayName: 'Sam Support',
        email: 'sam@brightcart.example',
      },
      memberOf: [],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'customer-success',
      namespace: 'default',
      title: 'Customer Success',
    },
    spec: { type: 'team', children: [] },
  },
];

export function assignment(
  overrides: Partial<FieldRoleAssignment> = {},
): FieldRoleAssignment {
  return {
    entityRef: 'component:default/checkout-api',
    role: 'tam',
    holderRef: 'user:default/rachel.kim',
    accounts: ['Acme', 'Globex'],
    note: 'Covers the EU enterprise accounts',
    since: '2026-03-01',
    source: 'registry',
    registeredBy: 'user:default/pat.platform',
    registeredAt: '2026-03-01T09:00:00Z',
    ...overrides,
  };
}

/** Checkout API: a registry TAM, a catalog-seeded support group, no CSM. */
export function entityFieldRoles(
  overrides: Partial<EntityFieldRoles> = {},
): EntityFieldRoles {
  return {
    entityRef: 'component:default/checkout-api',
    roles: fieldRoleTypes,
    assignments: [
      assignment(),
      assignment({
        role: 'support',
        holderRef: 'group:default/customer-success',
        accounts: [],
        note: undefined,
        since: '',
        source: 'catalog',
        registeredBy: undefined,
        registeredAt: undefined,
      }),
    ],
    missingRequired: ['csm'],
    ...overrides,
  };
}

export function coverage(
  overrides: Partial<FieldRoleCoverage> = {},
): FieldRoleCoverage {
  return {
    blindSpots: [
      {
        entityRef: 'component:default/checkout-api',
        title: 'Checkout API',
        missingRoles: ['csm'],
        recentSupportCases: 17,
        recentIncidents: 2,
        weight: 28,
      },
      {
        entityRef: 'component:default/search',
        missingRoles: ['tam', 'csm', 'support'],
        recentSupportCases: 3,
        recentIncidents: 0,
        weight: 4,
      },
    ],
    holders: [
      {
        holderRef: 'user:default/rachel.kim',
        assignments: [
          {
            entityRef: 'component:default/checkout-api',
            role: 'tam',
            accounts: ['Acme'],
          },
          {
            entityRef: 'component:default/cart-service',
            role: 'tam',
            accounts: [],
          },
          {
            entityRef: 'api:default/payments-api',
            role: 'devrel',
            accounts: ['Globex'],
          },
        ],
      },
      {
        holderRef: 'group:default/customer-success',
        assignments: [
          {
            entityRef: 'component:default/checkout-api',
            role: 'support',
            accounts: [],
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** Checkout API: breached, burning fast, a missing CSM, more cases. */
export function entityHealth(
  overrides: Partial<EntityHealth> = {},
): EntityHealth {
  return {
    entityRef: 'component:default/checkout-api',
    kind: 'component',
    namespace: 'default',
    name: 'checkout-api',
    title: 'Checkout API',
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
    system: 'system:default/checkout',
    domain: 'domain:default/commerce',
    score: 61.6,
    status: 'breached',
    sloCounts: {
      breached: 1,
      'at-risk': 0,
      healthy: 1,
      'insufficient-data': 0,
      'no-data': 1,
    },
    worstBudget: -0.4,
    fastestBurn: { rate: 14.23, window: '1d', slo: 'cases-without-escalation' },
    dissonance: true,
    supportCases: { last7d: 12, previous7d: 8 },
    incidents: { last7d: 1, previous7d: 3 },
    missingRoles: ['csm'],
    fieldRoles: [{ role: 'tam', holderRef: 'user:default/rachel.kim' }],
    evaluatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

/** Search: healthy, not burning, every required role held. */
export function calmEntityHealth(
  overrides: Partial<EntityHealth> = {},
): EntityHealth {
  return entityHealth({
    entityRef: 'component:default/search',
    name: 'search',
    title: undefined,
    owner: 'group:default/discovery',
    system: undefined,
    domain: undefined,
    score: 97.2,
    status: 'healthy',
    worstBudget: 0.8,
    fastestBurn: null,
    dissonance: false,
    supportCases: { last7d: 2, previous7d: 2 },
    incidents: { last7d: 0, previous7d: 0 },
    missingRoles: [],
    fieldRoles: [],
    ...overrides,
  });
}

export function healthList(
  overrides: Partial<HealthListResponse> = {},
): HealthListResponse {
  const items = overrides.items ?? [entityHealth(), calmEntityHealth()];
  return {
    items,
    totalCount: 60,
    offset: 0,
    limit: 25,
    statusCounts: {
      breached: 4,
      'at-risk': 7,
      healthy: 40,
      'insufficient-data': 3,
      'no-data': 6,
    },
    facets: {
      kind: [{ value: 'component', count: 60 }],
      type: [{ value: 'service', count: 48 }],
      owner: [
        { value: 'group:default/payments', count: 12 },
        { value: 'group:default/discovery', count: 9 },
      ],
      system: [{ value: 'system:default/checkout', count: 5 }],
      domain: [{ value: 'domain:default/commerce', count: 20 }],
      lifecycle: [{ value: 'production', count: 50 }],
    },
    oldestEvaluatedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    ...overrides,
  };
}

export function healthRollup(
  overrides: Partial<HealthRollup> = {},
): HealthRollup {
  return {
    key: 'group:default/payments',
    entities: 12,
    meanScore: 71.4,
    statusCounts: {
      breached: 2,
      'at-risk': 1,
      healthy: 9,
      'insufficient-data': 0,
      'no-data': 0,
    },
    blindSpots: 3,
    dissonant: 1,
    supportCases: { last7d: 30, previous7d: 21 },
    incidents: { last7d: 2, previous7d: 2 },
    fastestBurn: 14.23,
    ...overrides,
  };
}
