import { fakeTicket } from '../__testUtils__/fakeZendesk';
import {
  ticketSignals,
  zendeskCsatValue,
  zendeskSeverity,
} from './ticketSignals';
import {
  resolveZendeskService,
  ticketServiceId,
  zendeskCatalogIndex,
} from './TicketEntityMapping';

const sideloads = {
  users: new Map([['7', { id: 7, email: 'Jane@Example.com' }]]),
  organizations: new Map([['9', { id: 9, name: 'Globex' }]]),
  metricSets: new Map([
    ['1', { ticket_id: 1, solved_at: '2026-10-02T00:00:00Z' }],
  ]),
};

describe('ticket signals', () => {
  it('maps priority to severity and ratings onto the 1–5 CSAT scale', () => {
    expect(
      ['urgent', 'HIGH', 'normal', 'low', null].map(zendeskSeverity),
    ).toEqual(['critical', 'high', 'medium', 'low', undefined]);
    expect(
      [
        'good',
        'bad',
        'good_with_comment',
        'offered',
        'unoffered',
        4,
        '2',
        7,
        0,
      ].map(s => zendeskCsatValue(s)),
    ).toEqual([5, 1, 5, undefined, undefined, 4, 2, undefined, undefined]);
  });

  it('makes a support case, an escalation and a CSAT response of one ticket', () => {
    const ticket = fakeTicket({
      id: 1,
      created_at: '2026-10-01T00:00:00Z',
      updated_at: '2026-10-03T00:00:00Z',
      status: 'solved',
      priority: 'urgent',
      assignee_id: 7,
      organization_id: 9,
      satisfaction_rating: { id: 5, score: 'bad' },
    });
    const signals = ticketSignals(ticket, {
      sideloads,
      account: 'acme',
      userByEmail: email =>
        email === 'jane@example.com' ? 'user:default/jane' : undefined,
      escalated: true,
      escalatedAt: '2026-10-01T06:00:00Z',
      ratedAt: '2026-10-03T00:00:00Z',
    });
    expect(signals).toEqual([
      expect.objectContaining({
        externalId: '1',
        kind: 'support_case',
        occurredAt: '2026-10-01T00:00:00Z',
        resolvedAt: '2026-10-02T00:00:00Z',
        severity: 'critical',
        account: 'Globex',
        handledBy: 'user:default/jane',
      }),
      expect.objectContaining({
        externalId: '1:escalation',
        kind: 'escalation',
        occurredAt: '2026-10-01T06:00:00Z',
      }),
      expect.objectContaining({
        externalId: '1:csat',
        kind: 'csat_response',
        value: 1,
      }),
    ]);
    expect(
      ticketSignals(
        { ...ticket, status: 'deleted' },
        {
          account: 'acme',
          userByEmail: () => undefined,
          escalated: false,
        },
      ),
    ).toEqual([]);
  });
});

describe('ticket → entity mapping', () => {
  const index = zendeskCatalogIndex([
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout-api' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'payments',
        annotations: { 'zendesk.com/tags': 'billing, refunds' },
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'jane' },
      spec: { profile: { email: 'Jane@example.com' } },
    },
  ]);
  const mapping = { fieldId: '360001', tagPrefix: 'service_', services: {} };

  it('reads the field, then the prefixed tag, then an annotated tag', () => {
    expect(
      ticketServiceId(
        {
          custom_fields: [{ id: 360001, value: 'checkout-api' }],
          tags: ['service_x'],
        },
        mapping,
        index,
      ),
    ).toBe('checkout-api');
    expect(
      ticketServiceId(
        { tags: ['vip', 'service_checkout-api'] },
        mapping,
        index,
      ),
    ).toBe('service_checkout-api');
    expect(ticketServiceId({ tags: ['refunds'] }, mapping, index)).toBe(
      'refunds',
    );
    expect(ticketServiceId({ tags: ['vip'] }, mapping, index)).toBeUndefined();
  });

  it('resolves by config, annotation, then an existing entity', () => {
    expect(resolveZendeskService('service_checkout-api', mapping, index)).toBe(
      'component:default/checkout-api',
    );
    expect(resolveZendeskService('refunds', mapping, index)).toBe(
      'component:default/payments',
    );
    expect(
      resolveZendeskService('service_search', mapping, index),
    ).toBeUndefined();
    expect(
      resolveZendeskService(
        'service_search',
        { ...mapping, services: { service_search: 'system:default/search' } },
        index,
      ),
    ).toBe('system:default/search');
    expect(index.usersByEmail.get('jane@example.com')).toBe(
      'user:default/jane',
    );
  });
});
