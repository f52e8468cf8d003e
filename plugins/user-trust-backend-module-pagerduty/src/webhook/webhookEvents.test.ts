import {
  fakeIncident,
  webhookIncidentData,
  webhookPayload,
} from '../__testUtils__/fakePagerDuty';
import { ServiceEntityMapping } from '../mapping/ServiceEntityMapping';
import {
  interpretPagerDutyWebhookEvent,
  parsePagerDutyWebhookPayload,
  PagerDutyWebhookEvent,
} from './webhookEvents';

const mapping = ServiceEntityMapping.create({
  configured: [
    {
      accountId: 'acme',
      services: { PSVC001: 'component:default/checkout-api' },
    },
  ],
});
const context = { accountId: 'acme', mapping };

const incident = fakeIncident({
  id: 'PINC001',
  number: 42,
  createdAt: '2026-11-30T10:00:00Z',
  priority: 'P1',
  urgency: 'high',
  title: 'Checkout fails for card payments',
});

function event(
  eventType: string,
  occurredAt: string,
  data: unknown = webhookIncidentData(incident),
): PagerDutyWebhookEvent {
  const parsed = parsePagerDutyWebhookPayload(
    JSON.stringify(
      webhookPayload({
        eventId: `ev-${eventType}`,
        eventType,
        occurredAt,
        data,
      }),
    ),
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.event;
}

describe('parsePagerDutyWebhookPayload', () => {
  it('names what is wrong with a body that is no v3 event', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"event":', /not JSON/],
      ['[]', /no "event" object/],
      ['{"messages":[]}', /no "event" object/],
      ['{"event":{"event_type":"incident.triggered"}}', /event\.id/],
      [
        '{"event":{"id":"e","event_type":"incident.triggered","resource_type":"incident","occurred_at":"yesterday"}}',
        /event\.occurred_at/,
      ],
    ];
    for (const [body, message] of cases) {
      const result = parsePagerDutyWebhookPayload(Buffer.from(body));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(message);
    }
  });
});

describe('interpretPagerDutyWebhookEvent', () => {
  it('maps a triggered incident to one incident signal of its entity', () => {
    const outcome = interpretPagerDutyWebhookEvent(
      event('incident.triggered', '2026-11-30T10:00:05Z'),
      context,
    );
    expect(outcome).toEqual({
      type: 'signals',
      eventId: 'ev-incident.triggered',
      eventType: 'incident.triggered',
      incidentId: 'PINC001',
      entityRef: 'component:default/checkout-api',
      via: 'config',
      needsTimeline: false,
      signals: [
        {
          source: 'pagerduty',
          externalId: 'PINC001',
          kind: 'incident',
          entityRef: 'component:default/checkout-api',
          occurredAt: '2026-11-30T10:00:00.000Z',
          severity: 'critical',
          attributes: {
            pagerdutyAccount: 'acme',
            incidentId: 'PINC001',
            incidentNumber: 42,
            status: 'triggered',
            urgency: 'high',
            priority: 'P1',
            customerImpacting: true,
            serviceId: 'PSVC001',
            serviceName: 'Checkout API',
            url: 'https://acme.pagerduty.com/incidents/PINC001',
            title: 'Checkout fails for card payments',
            assigneeId: 'PUSER01',
            assigneeName: 'User PUSER01',
          },
        },
      ],
    });
  });

  it('keeps one externalId over the life of the incident, with its times', () => {
    const acknowledged = interpretPagerDutyWebhookEvent(
      event('incident.acknowledged', '2026-11-30T10:03:00Z', {
        ...webhookIncidentData(incident),
        status: 'acknowledged',
      }),
      context,
    );
    const resolved = interpretPagerDutyWebhookEvent(
      event('incident.resolved', '2026-11-30T11:00:00Z', {
        ...webhookIncidentData(incident),
        status: 'resolved',
        assignees: [],
      }),
      context,
    );
    if (acknowledged.type !== 'signals' || resolved.type !== 'signals') {
      throw new Error('expected signals');
    }
    expect(acknowledged.signals[0].externalId).toBe('PINC001');
    expect(acknowledged.signals[0].attributes?.acknowledgedAt).toBe(
      '2026-11-30T10:03:00.000Z',
    );
    expect(acknowledged.signals[0].resolvedAt).toBeUndefined();
    expect(resolved.signals[0].externalId).toBe('PINC001');
    expect(resolved.signals[0].occurredAt).toBe('2026-11-30T10:00:00.000Z');
    expect(resolved.signals[0].resolvedAt).toBe('2026-11-30T11:00:00.000Z');
    expect(resolved.signals[0].attributes?.status).toBe('resolved');
    // Webhooks carry no acknowledgements: the log entries must say.
    expect(resolved.needsTimeline).toBe(true);

    const withTimeline = interpretPagerDutyWebhookEvent(
      event('incident.resolved', '2026-11-30T11:00:00Z', {
        ...webhookIncidentData(incident),
        status: 'resolved',
      }),
      { ...context, timeline: { acknowledgedAt: '2026-11-30T10:03:00Z' } },
    );
    expect(withTimeline.type === 'signals' && withTimeline.needsTimeline).toBe(
      false,
    );
    expect(
      withTimeline.type === 'signals' &&
        withTimeline.signals[0].attributes?.acknowledgedAt,
    ).toBe('2026-11-30T10:03:00.000Z');
  });

  it('names the catalog User of the assignee, or of the acknowledger once resolved, as handledBy', () => {
    const handledBy = {
      resolve: (accountId: string, userId: string) =>
        accountId === 'acme' && userId === 'PUSER01'
          ? 'user:default/ada'
          : undefined,
    };
    const open = interpretPagerDutyWebhookEvent(
      event('incident.triggered', '2026-11-30T10:00:05Z'),
      { ...context, handledBy },
    );
    expect(open.type === 'signals' && open.signals[0].handledBy).toBe(
      'user:default/ada',
    );
    const resolved = interpretPagerDutyWebhookEvent(
      event('incident.resolved', '2026-11-30T11:00:00Z', {
        ...webhookIncidentData(incident),
        status: 'resolved',
        assignees: [],
      }),
      {
        ...context,
        handledBy,
        timeline: {
          acknowledgedAt: '2026-11-30T10:03:00Z',
          acknowledgedBy: 'PUSER01',
        },
      },
    );
    expect(resolved.type === 'signals' && resolved.signals[0].handledBy).toBe(
      'user:default/ada',
    );
    const unknown = interpretPagerDutyWebhookEvent(
      event('incident.triggered', '2026-11-30T10:00:05Z'),
      { ...context, handledBy: { resolve: () => undefined } },
    );
    expect(unknown.type === 'signals' && unknown.signals[0]).not.toHaveProperty(
      'handledBy',
    );
  });

  it('drops the resolution of a reopened incident', () => {
    const reopened = interpretPagerDutyWebhookEvent(
      event('incident.reopened', '2026-11-30T12:00:00Z', {
        ...webhookIncidentData(incident),
        status: 'triggered',
      }),
      context,
    );
    expect(reopened.type === 'signals' && reopened.signals[0].resolvedAt).toBe(
      undefined,
    );
  });

  it('adds an escalation signal for escalations and reassignments', () => {
    for (const [eventType, escalationType] of [
      ['incident.escalated', 'escalated'],
      ['incident.delegated', 'escalated'],
      ['incident.reassigned', 'reassigned'],
    ]) {
      const outcome = interpretPagerDutyWebhookEvent(
        event(eventType, '2026-11-30T10:20:00Z'),
        context,
      );
      if (outcome.type !== 'signals') throw new Error('expected signals');
      expect(outcome.signals.map(s => [s.kind, s.externalId])).toEqual([
        ['incident', 'PINC001'],
        ['escalation', 'PINC001:escalation'],
      ]);
      expect(outcome.signals[1]).toMatchObject({
        occurredAt: '2026-11-30T10:20:00.000Z',
        entityRef: 'component:default/checkout-api',
        attributes: { escalationType, incidentId: 'PINC001' },
      });
      expect(outcome.signals[0].attributes?.escalatedAt).toBe(
        '2026-11-30T10:20:00.000Z',
      );
    }
  });

  it('builds the same signals from the same event (deliveries are at least once)', () => {
    const once = interpretPagerDutyWebhookEvent(
      event('incident.priority_updated', '2026-11-30T10:10:00Z'),
      context,
    );
    const twice = interpretPagerDutyWebhookEvent(
      event('incident.priority_updated', '2026-11-30T10:10:00Z'),
      context,
    );
    expect(twice).toEqual(once);
  });

  it('ignores event types it does not use, without calling them errors', () => {
    for (const eventType of [
      'incident.annotated',
      'incident.responder.added',
      'incident.status_update_published',
      'service.updated',
      'incident.something_new',
    ]) {
      expect(
        interpretPagerDutyWebhookEvent(
          event(eventType, '2026-11-30T10:10:00Z', { id: 'x' }),
          context,
        ),
      ).toEqual({
        type: 'ignored',
        eventId: `ev-${eventType}`,
        eventType,
        reason: 'event type not used',
      });
    }
  });

  it('keeps an incident of an unmapped service, with what is needed to show and attribute it', () => {
    const other = fakeIncident({
      id: 'PINC009',
      createdAt: '2026-11-30T09:00:00Z',
      serviceId: 'PSVC999',
      serviceName: 'Legacy Billing',
      urgency: 'low',
    });
    const outcome = interpretPagerDutyWebhookEvent(
      event(
        'incident.triggered',
        '2026-11-30T09:00:01Z',
        webhookIncidentData(other),
      ),
      context,
    );
    expect(outcome).toMatchObject({
      type: 'unmapped',
      incidentId: 'PINC009',
      service: {
        accountId: 'acme',
        serviceId: 'PSVC999',
        serviceName: 'Legacy Billing',
        serviceUrl: 'https://acme.pagerduty.com/services/PSVC999',
      },
    });
    if (outcome.type !== 'unmapped') throw new Error('expected unmapped');
    expect(outcome.signals).toHaveLength(1);
    expect(outcome.signals[0]).not.toHaveProperty('entityRef');
    expect(outcome.signals[0]).toMatchObject({
      externalId: 'PINC009',
      severity: 'low',
      attributes: { customerImpacting: false },
    });
  });

  it('calls an incident event without a usable incident invalid', () => {
    const outcome = interpretPagerDutyWebhookEvent(
      event('incident.triggered', '2026-11-30T10:00:00Z', {
        id: 'PINC001',
        status: 'triggered',
        created_at: '2026-11-30T10:00:00Z',
      }),
      context,
    );
    expect(outcome).toMatchObject({
      type: 'invalid',
      message: 'event.data.service.id must be a string',
    });
  });
});
