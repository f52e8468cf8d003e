import {
  DemoEntity,
  demoSliQuery,
  generateDemoSignals,
} from './generateDemoSignals';

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-27T15:30:00Z');
const options = {
  now,
  days: 90,
  supportEngineers: ['user:default/omar.farouk'],
};
const checkout = {
  entityRef: 'component:default/checkout-api',
  tier: 'tier-1',
  system: 'system:default/checkout',
};

describe('generateDemoSignals', () => {
  it('is deterministic, so re-seeding creates nothing new', () => {
    expect(generateDemoSignals(checkout, options)).toEqual(
      generateDemoSignals(checkout, options),
    );
  });

  it('keeps the signals of past days when run again later', () => {
    const first = generateDemoSignals(checkout, options);
    const later = generateDemoSignals(checkout, {
      ...options,
      now: new Date(now.getTime() + 5 * 3600_000),
    });
    const laterIds = new Set(later.map(s => s.externalId));
    const pastDays = first.filter(
      s => new Date(s.occurredAt).getTime() < now.getTime() - 2 * DAY_MS,
    );
    expect(pastDays.length).toBeGreaterThan(100);
    for (const signal of pastDays) {
      expect(laterIds.has(signal.externalId)).toBe(true);
    }
  });

  it('produces unique ids within the history window, none in the future', () => {
    const signals = generateDemoSignals(checkout, options);
    expect(new Set(signals.map(s => s.externalId)).size).toBe(signals.length);
    for (const signal of signals) {
      const at = new Date(signal.occurredAt).getTime();
      expect(at).toBeGreaterThan(now.getTime() - 90 * DAY_MS);
      expect(at).toBeLessThanOrEqual(now.getTime());
    }
    const resolvedAt = signals
      .filter(s => s.resolvedAt)
      .map(s => new Date(s.resolvedAt!).getTime());
    expect(resolvedAt.length).toBeGreaterThan(0);
    expect(Math.max(...resolvedAt)).toBeLessThanOrEqual(now.getTime());
  });

  it('has weekly seasonality: fewer cases per day at weekends', () => {
    const cases = generateDemoSignals(checkout, options).filter(
      s => s.kind === 'support_case',
    );
    const weekend = cases.filter(s =>
      [0, 6].includes(new Date(s.occurredAt).getUTCDay()),
    ).length;
    const weekdays = cases.length - weekend;
    // Per day: 2 weekend days and 5 weekdays a week.
    expect(weekend / 2).toBeLessThan((weekdays / 5) * 0.7);
  });

  it('reports daily customer activity and SLIs, and CSAT scores of 1 to 5', () => {
    const signals = generateDemoSignals(checkout, options);
    const count = (kind: string) => signals.filter(s => s.kind === kind).length;
    expect(count('customer_activity')).toBe(90);
    expect(count('sli_report')).toBe(90);
    const scores = signals
      .filter(s => s.kind === 'csat_response')
      .map(s => s.value);
    expect(scores.length).toBeGreaterThan(0);
    for (const score of scores) {
      expect([1, 2, 3, 4, 5]).toContain(score);
    }
    expect(
      signals
        .filter(s => s.kind === 'support_case')
        .every(s => s.handledBy === 'user:default/omar.farouk'),
    ).toBe(true);
  });

  it('places the known event on the storefront system only', () => {
    const storefront = generateDemoSignals(
      {
        entityRef: 'component:default/storefront-web',
        system: 'system:default/storefront',
      },
      options,
    );
    const events = storefront.filter(s => s.kind === 'known_event');
    expect(events).toHaveLength(1);
    expect(events[0].attributes).toMatchObject({ type: 'sales-peak' });
    expect(
      generateDemoSignals(checkout, options).some(
        s => s.kind === 'known_event',
      ),
    ).toBe(false);
  });

  it('gives some services an incident spike with many cases that day', () => {
    const refs = Array.from(
      { length: 30 },
      (_, i) => `component:default/svc-${i}`,
    );
    const spiky = refs
      .map(entityRef => generateDemoSignals({ entityRef }, options))
      .filter(signals =>
        signals.some(
          s =>
            s.kind === 'incident' && ['critical', 'high'].includes(s.severity!),
        ),
      );
    expect(spiky.length).toBeGreaterThan(3);
    expect(spiky.length).toBeLessThan(25);
    for (const signals of spiky) {
      const incident = signals.find(
        s =>
          s.kind === 'incident' && ['critical', 'high'].includes(s.severity!),
      )!;
      const day = incident.occurredAt.slice(0, 10);
      const casesThatDay = signals.filter(
        s => s.kind === 'support_case' && s.occurredAt.startsWith(day),
      ).length;
      const cases = signals.filter(s => s.kind === 'support_case').length;
      expect(casesThatDay).toBeGreaterThan((cases / 90) * 2);
    }
  });

  it('says which Prometheus query its SLI reports stand in for, with the same ids', () => {
    const good =
      'sum(increase(http_requests_total{job="checkout-api",code!~"5.."}[1d]))';
    const total = 'sum(increase(http_requests_total{job="checkout-api"}[1d]))';
    const sliQuery = demoSliQuery({
      'prometheus.io/sli-good': ` ${good} `,
      'prometheus.io/sli-total': total,
    });
    expect(sliQuery).toEqual({ good, total });
    const reports = (entity: DemoEntity) =>
      generateDemoSignals(entity, options).filter(s => s.kind === 'sli_report');
    const plain = reports(checkout);
    const annotated = reports({ ...checkout, sliQuery });
    // Same ids and values: an annotation updates the stored reports.
    expect(annotated.map(s => [s.externalId, s.value])).toEqual(
      plain.map(s => [s.externalId, s.value]),
    );
    expect(plain[0].attributes).toEqual({ sli: 'availability', target: 0.999 });
    for (const report of annotated) {
      expect(report.source).toBe('demo');
      expect(report.attributes).toEqual({
        sli: 'availability',
        target: 0.999,
        standsInFor: 'prometheus',
        goodQuery: good,
        totalQuery: total,
      });
    }

    const ratio = 'avg_over_time(slo:availability:ratio_rate5m[1d])';
    const [ratioReport] = reports({
      ...checkout,
      sliQuery: demoSliQuery({ 'prometheus.io/sli-ratio': ratio }),
    });
    expect(ratioReport.attributes).toMatchObject({
      standsInFor: 'prometheus',
      ratioQuery: ratio,
    });
    expect(ratioReport.attributes).not.toHaveProperty('goodQuery');
    // Half a pair is no query (the Prometheus module refuses it too).
    expect(demoSliQuery({ 'prometheus.io/sli-good': good })).toBeUndefined();
    expect(demoSliQuery(undefined)).toBeUndefined();
  });
});
