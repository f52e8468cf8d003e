import { fakeIncident, fakeMaintenance } from '../__testUtils__/fakeStatuspage';
import {
  attributeStatuspageSignal,
  buildStatuspageSignal,
  componentsOfIncident,
  severityOfImpact,
  statuspageExternalId,
} from './incidentSignals';

const PAGE = 'pg1';
const now = new Date('2026-12-01T12:00:00Z');

function signalOf(incident: Parameters<typeof buildStatuspageSignal>[1]) {
  const built = buildStatuspageSignal(PAGE, incident, now);
  if (built.type !== 'signal') throw new Error(`not a signal: ${built.type}`);
  return built.signal;
}

describe('severityOfImpact', () => {
  it.each([
    ['critical', 'critical'],
    ['major', 'high'],
    ['minor', 'medium'],
    ['none', 'low'],
    ['maintenance', undefined],
    ['whatever', undefined],
    [null, undefined],
  ])('%s → %s', (impact, severity) => {
    expect(severityOfImpact(impact)).toBe(severity);
  });
});

describe('buildStatuspageSignal', () => {
  it('makes an incident signal from started_at to resolved_at with its attributes', () => {
    const signal = signalOf(
      fakeIncident({
        pageId: PAGE,
        id: 'inc1',
        name: 'Checkout errors',
        createdAt: '2026-11-30T10:05:00-02:00',
        startedAt: '2026-11-30T11:55:00Z',
        resolvedAt: '2026-11-30T13:00:00Z',
        impact: 'critical',
        components: [
          { id: 'cmpB', name: 'Payments' },
          { id: 'cmpA', name: 'Checkout' },
        ],
      }),
    );
    expect(signal).toEqual({
      source: 'statuspage',
      externalId: 'inc1',
      kind: 'incident',
      occurredAt: '2026-11-30T11:55:00.000Z',
      resolvedAt: '2026-11-30T13:00:00.000Z',
      severity: 'critical',
      attributes: {
        statuspagePage: PAGE,
        incidentId: 'inc1',
        name: 'Checkout errors',
        status: 'resolved',
        impact: 'critical',
        url: 'https://stspg.io/inc1',
        componentIds: 'cmpA,cmpB',
        componentNames: 'Checkout,Payments',
      },
    });
  });

  it('falls back to created_at, prefers impact_override, and has no end while open', () => {
    const incident = {
      ...fakeIncident({
        pageId: PAGE,
        id: 'inc2',
        createdAt: '2026-11-30T10:00:00Z',
        impact: 'minor',
        impactOverride: 'major',
      }),
      started_at: null,
    };
    const signal = signalOf(incident);
    expect(signal.occurredAt).toBe('2026-11-30T10:00:00.000Z');
    expect(signal.resolvedAt).toBeUndefined();
    expect(signal.severity).toBe('high');
  });

  it('drops the end of a reopened incident and never ends before it began', () => {
    const reopened = fakeIncident({
      pageId: PAGE,
      id: 'inc3',
      createdAt: '2026-11-30T10:00:00Z',
      resolvedAt: '2026-11-30T11:00:00Z',
      status: 'investigating',
    });
    expect(signalOf(reopened).resolvedAt).toBeUndefined();
    const backwards = fakeIncident({
      pageId: PAGE,
      id: 'inc4',
      createdAt: '2026-11-30T10:00:00Z',
      resolvedAt: '2026-11-30T09:00:00Z',
      status: 'postmortem',
    });
    expect(signalOf(backwards).resolvedAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('makes a past maintenance a known_event over its scheduled window', () => {
    const signal = signalOf(
      fakeMaintenance({
        pageId: PAGE,
        id: 'mnt1',
        createdAt: '2026-11-20T08:00:00Z',
        scheduledFor: '2026-11-29T02:00:00Z',
        scheduledUntil: '2026-11-29T04:00:00Z',
        status: 'in_progress',
      }),
    );
    expect(signal).toMatchObject({
      kind: 'known_event',
      externalId: 'mnt1',
      occurredAt: '2026-11-29T02:00:00.000Z',
      resolvedAt: '2026-11-29T04:00:00.000Z',
      attributes: {
        maintenance: true,
        impact: 'maintenance',
        scheduledUntil: '2026-11-29T04:00:00.000Z',
      },
    });
    expect(signal.severity).toBeUndefined();
  });

  it('ends a completed maintenance when it was completed', () => {
    const signal = signalOf(
      fakeMaintenance({
        pageId: PAGE,
        id: 'mnt2',
        createdAt: '2026-11-20T08:00:00Z',
        scheduledFor: '2026-11-29T02:00:00Z',
        scheduledUntil: '2026-11-29T04:00:00Z',
        status: 'completed',
        resolvedAt: '2026-11-29T05:30:00Z',
      }),
    );
    expect(signal.resolvedAt).toBe('2026-11-29T05:30:00.000Z');
  });

  it('leaves out an end ahead of the clock, and defers a maintenance not started', () => {
    const running = signalOf(
      fakeMaintenance({
        pageId: PAGE,
        id: 'mnt3',
        createdAt: '2026-11-20T08:00:00Z',
        scheduledFor: '2026-12-01T11:00:00Z',
        scheduledUntil: '2026-12-01T15:00:00Z',
        status: 'in_progress',
      }),
    );
    expect(running.resolvedAt).toBeUndefined();
    expect(running.attributes?.scheduledUntil).toBe('2026-12-01T15:00:00.000Z');

    expect(
      buildStatuspageSignal(
        PAGE,
        fakeMaintenance({
          pageId: PAGE,
          id: 'mnt4',
          createdAt: '2026-11-20T08:00:00Z',
          scheduledFor: '2026-12-05T02:00:00Z',
          scheduledUntil: '2026-12-05T04:00:00Z',
        }),
        now,
      ),
    ).toEqual({ type: 'upcoming', startsAt: '2026-12-05T02:00:00.000Z' });
  });
});

describe('components and attribution', () => {
  it('joins components with the affected components of updates', () => {
    const incident = fakeIncident({
      pageId: PAGE,
      id: 'inc5',
      createdAt: '2026-11-30T10:00:00Z',
      components: [{ id: 'c1', name: 'API' }],
    });
    incident.incident_updates.push({
      ...incident.incident_updates[0],
      id: 'u2',
      affected_components: [
        { code: 'c2', name: 'Web', old_status: 'a', new_status: 'b' },
        { code: 'c1', name: 'API', old_status: 'a', new_status: 'b' },
      ],
    });
    expect(componentsOfIncident(incident)).toEqual([
      { id: 'c1', name: 'API' },
      { id: 'c2', name: 'Web' },
    ]);
  });

  it('gives each entity its own stable external id', () => {
    const signal = signalOf(
      fakeIncident({
        pageId: PAGE,
        id: 'inc6',
        createdAt: '2026-11-30T10:00:00Z',
      }),
    );
    const a = attributeStatuspageSignal(signal, 'component:default/a');
    expect(a).toMatchObject({
      externalId: 'inc6:component:default/a',
      entityRef: 'component:default/a',
    });
    expect(attributeStatuspageSignal(signal, 'component:default/a')).toEqual(a);
    const long = `component:default/${'x'.repeat(300)}`;
    const hashed = statuspageExternalId('inc6', long);
    expect(hashed).toMatch(/^inc6:sha256:[0-9a-f]{64}$/);
    expect(hashed).toBe(statuspageExternalId('inc6', long));
  });
});
