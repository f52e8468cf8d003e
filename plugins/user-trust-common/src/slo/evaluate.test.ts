import fc from 'fast-check';
import {
  DailyBucket,
  SignalSeries,
  evaluateEntity,
  evaluateSlo,
} from './evaluate';
import { signalQueryKey } from './query';
import {
  DEFAULT_EVALUATION_SETTINGS,
  EvaluationSettings,
  SignalQuery,
  SloSource,
  UserTrustSlo,
} from './types';
import { addDays, dayKey } from './windows';

const NOW = new Date('2024-05-28T15:00:00Z');
const TODAY = dayKey(NOW);
/** The i-th day of a 28-day rolling window ending today (0 = oldest). */
const day = (i: number) => addDays(TODAY, i - 27);
const source: SloSource = { type: 'config', rule: 'tier-1' };
const settings = DEFAULT_EVALUATION_SETTINGS;

const csatTotal: SignalQuery = { kind: 'csat_response' };
const csatGood: SignalQuery = { kind: 'csat_response', valueAtLeast: 4 };
const incidents: SignalQuery = { kind: 'incident' };
const cases: SignalQuery = { kind: 'support_case' };
const customers: SignalQuery = { kind: 'customer_activity' };

type Buckets = Record<string, number | DailyBucket>;

/** A series answering from fixed daily counts, per query. */
function fakeSeries(...entries: Array<[SignalQuery, Buckets]>): SignalSeries {
  const byKey = new Map(
    entries.map(([query, buckets]) => [
      signalQueryKey(query),
      new Map(
        Object.entries(buckets).map(([d, v]) => [
          d,
          typeof v === 'number' ? { count: v, sum: 0 } : v,
        ]),
      ),
    ]),
  );
  return query => byKey.get(signalQueryKey(query)) ?? new Map();
}

function csatSlo(overrides: Partial<UserTrustSlo> = {}): UserTrustSlo {
  return {
    name: 'csat',
    displayName: 'Satisfied customers',
    indicator: { type: 'ratio', good: csatGood, total: csatTotal },
    timeWindow: { type: 'rolling', duration: '28d', days: 28 },
    budgetingMethod: 'Occurrences',
    objective: { target: 0.95 },
    weight: 1,
    ...overrides,
  };
}

function zeroSlo(overrides: Partial<UserTrustSlo> = {}): UserTrustSlo {
  return {
    name: 'no-incidents',
    indicator: { type: 'count', events: incidents },
    timeWindow: { type: 'rolling', duration: '28d', days: 28 },
    budgetingMethod: 'Timeslices',
    objective: { target: 0.9, op: 'lte', value: 0, timeSliceDays: 1 },
    weight: 1,
    ...overrides,
  };
}

/** CSAT answers: `total` per day on the given days, `bad` of them below 4. */
function csat(perDay: Array<[number, number, number]>): SignalSeries {
  const total: Buckets = {};
  const good: Buckets = {};
  for (const [i, t, bad] of perDay) {
    total[day(i)] = t;
    good[day(i)] = t - bad;
  }
  return fakeSeries([csatTotal, total], [csatGood, good]);
}

const evaluate = (
  slo: UserTrustSlo,
  series: SignalSeries,
  more: Partial<{
    excludedDays: Set<string>;
    settings: EvaluationSettings;
    now: Date;
  }> = {},
) =>
  evaluateSlo({
    slo,
    source,
    series,
    excludedDays: more.excludedDays ?? new Set(),
    now: more.now ?? NOW,
    settings: more.settings ?? settings,
  });

describe('evaluateSlo: hand-computed CSAT example', () => {
  // 28 days of CSAT: 100 answers (4 a day over the last 25 days), 90 of them
  // 4 or 5 stars, against 95%: attainment 0.9, so twice the allowed 5% of
  // bad answers: budget remaining 1 − 0.1 / 0.05 = −1, burn rate 2.
  const series = csat(
    Array.from({ length: 25 }, (_, k) => [k + 3, 4, k % 5 < 2 ? 1 : 0]),
  );
  const result = evaluate(csatSlo(), series, {
    settings: {
      ...settings,
      burnWindows: [
        { window: '7d', days: 7, threshold: 1 },
        { window: '28d', days: 28, threshold: 1 },
      ],
    },
  });

  it('computes attainment, budget and burn rate', () => {
    expect(result.total).toBe(100);
    expect(result.good).toBe(90);
    expect(result.attainment).toBe(0.9);
    expect(result.errorBudgetRemaining).toBeCloseTo(-1, 10);
    expect(result.burnRates[1]).toEqual({
      window: '28d',
      rate: expect.any(Number),
      threshold: 1,
    });
    expect(result.burnRates[1].rate).toBeCloseTo(2, 10);
    // The last 7 days hold 28 answers, 2 of them bad.
    expect(result.burnRates[0].rate).toBeCloseTo(2 / 28 / 0.05, 10);
  });

  it('is breached: the shortfall is significant (Wilson upper < target)', () => {
    expect(result.confidence!.lower).toBeCloseTo(0.8256, 4);
    expect(result.confidence!.upper).toBeCloseTo(0.9448, 4);
    expect(result.status).toBe('breached');
  });

  it('describes the window and the burn-down', () => {
    expect(result).toMatchObject({
      name: 'csat',
      displayName: 'Satisfied customers',
      source,
      target: 0.95,
      budgetingMethod: 'Occurrences',
      window: {
        from: `${day(0)}T00:00:00.000Z`,
        to: '2024-05-28T15:00:00.000Z',
        duration: '28d',
      },
      excludedDays: [],
      weight: 1,
    });
    expect(result.budgetHistory).toHaveLength(28);
    expect(
      result.budgetHistory.slice(0, 3).map(h => h.errorBudgetRemaining),
    ).toEqual([null, null, null]);
    // Day 3 alone: 4 answers, 1 bad → 1 − 0.25 / 0.05 = −4.
    expect(result.budgetHistory[3].day).toBe(day(3));
    expect(result.budgetHistory[3].errorBudgetRemaining).toBeCloseTo(-4, 10);
    expect(result.budgetHistory[27].errorBudgetRemaining).toBe(
      result.errorBudgetRemaining,
    );
  });
});

describe('evaluateSlo: statuses', () => {
  it('no-data without signals', () => {
    const result = evaluate(csatSlo(), fakeSeries());
    expect(result).toMatchObject({
      status: 'no-data',
      attainment: null,
      errorBudgetRemaining: null,
      total: 0,
      good: 0,
    });
    expect(result.confidence).toBeUndefined();
    expect(result.burnRates.map(b => b.rate)).toEqual([null, null]);
    expect(
      result.budgetHistory.every(h => h.errorBudgetRemaining === null),
    ).toBe(true);
  });

  it('insufficient-data below minEvents', () => {
    const result = evaluate(csatSlo(), csat([[27, 5, 2]]));
    expect(result.status).toBe('insufficient-data');
    expect(result.attainment).toBe(0.6);
  });

  it('healthy when every answer is good', () => {
    const result = evaluate(
      csatSlo(),
      csat(Array.from({ length: 28 }, (_, i) => [i, 5, 0])),
    );
    expect(result.status).toBe('healthy');
    expect(result.errorBudgetRemaining).toBe(1);
    expect(result.burnRates.map(b => b.rate)).toEqual([0, 0]);
  });

  it('at-risk when a burn rate reaches its threshold, budget left', () => {
    // 1000 answers, 50 bad, all of them today (100 answers): the window is
    // within its 10% allowance (budget 0.5) but today burns at 0.5 / 0.1 = 5.
    const perDay: Array<[number, number, number]> = Array.from(
      { length: 27 },
      (_, i) => [i, i < 9 ? 34 : 33, 0],
    );
    perDay.push([27, 100, 50]);
    const result = evaluate(
      csatSlo({ objective: { target: 0.9 } }),
      csat(perDay),
    );
    expect(result.total).toBe(1000);
    expect(result.errorBudgetRemaining).toBeCloseTo(0.5, 10);
    expect(result.burnRates[0]).toEqual({
      window: '1d',
      rate: expect.closeTo(5, 10),
      threshold: 3,
    });
    expect(result.status).toBe('at-risk');
  });

  it('at-risk, not breached, when the shortfall is not significant', () => {
    // 10 of 12 good against 90%: budget −0.67, but 12 answers cannot tell.
    const result = evaluate(
      csatSlo({ objective: { target: 0.9 } }),
      csat([
        [20, 6, 1],
        [21, 6, 1],
      ]),
    );
    expect(result.errorBudgetRemaining).toBeLessThan(0);
    expect(result.confidence!.upper).toBeGreaterThan(0.9);
    expect(result.status).toBe('at-risk');
  });

  it('breached for Timeslices as soon as the budget is overspent', () => {
    const result = evaluate(
      zeroSlo(),
      fakeSeries([
        incidents,
        { [day(1)]: 1, [day(5)]: 2, [day(9)]: 1, [day(20)]: 1 },
      ]),
    );
    expect(result).toMatchObject({ total: 28, good: 24, status: 'breached' });
    expect(result.errorBudgetRemaining).toBeCloseTo(1 - 4 / 28 / 0.1, 10);
    expect(result.confidence).toBeUndefined();
  });
});

describe('evaluateSlo: Timeslices', () => {
  it('ratio: judges each slice against timeSliceTarget; empty slices do not count', () => {
    const slo = csatSlo({
      budgetingMethod: 'Timeslices',
      objective: { target: 0.5, timeSliceTarget: 0.8, timeSliceDays: 7 },
    });
    // Week 0: 10 answers, 9 good (0.9, good). Week 1: none. Week 2: 10
    // answers, 7 good (bad). Week 3: 5 answers, all good (good).
    const result = evaluate(
      slo,
      csat([
        [0, 10, 1],
        [15, 5, 1],
        [16, 5, 2],
        [27, 5, 0],
      ]),
    );
    expect(result).toMatchObject({ total: 3, good: 2 });
    expect(result.attainment).toBeCloseTo(2 / 3, 10);
    expect(result.errorBudgetRemaining).toBeCloseTo(1 / 3, 10);
    // 1d burn: today's slice cut to today (5 of 5 good); 7d: days 21–27,
    // the same slice, good.
    expect(result.burnRates.map(b => b.rate)).toEqual([0, 0]);
    // The window holds 4 weekly slices: fewer than min(minEvents, 4)
    // counted is insufficient; with minEvents 3 it is judged.
    expect(result.status).toBe('insufficient-data');
    const judged = evaluate(
      slo,
      csat([
        [0, 10, 1],
        [15, 5, 1],
        [16, 5, 2],
        [27, 5, 0],
      ]),
      { settings: { ...settings, minEvents: 3 } },
    );
    expect(judged.status).toBe('healthy');
  });

  it('rate: events per 1,000 of average exposure per weekly slice', () => {
    const slo: UserTrustSlo = {
      name: 'support-load',
      indicator: {
        type: 'rate',
        events: cases,
        exposure: customers,
        per: 1000,
      },
      timeWindow: { type: 'rolling', duration: '4w', days: 28 },
      budgetingMethod: 'Timeslices',
      objective: { target: 0.7, op: 'lte', value: 5, timeSliceDays: 7 },
      weight: 1,
    };
    // Exposure: two reports a day of 2,000 and 1,000 customers (average
    // 1,500).
    const exposure: Buckets = {};
    for (let i = 0; i < 28; i++) {
      exposure[day(i)] = { count: 2, sum: 3000 };
    }
    // Week 0: 7 cases (4.67 per 1,000, good); week 1: 8 cases (5.33, bad);
    // week 2: 0 cases (good); week 3: 100 cases (bad).
    const caseCounts = { [day(0)]: 7, [day(10)]: 8, [day(25)]: 100 };
    const result = evaluate(
      slo,
      fakeSeries([cases, caseCounts], [customers, exposure]),
    );
    expect(result).toMatchObject({ total: 4, good: 2, attainment: 0.5 });
    expect(result.errorBudgetRemaining).toBeCloseTo(1 - 0.5 / 0.3, 10);
    // 4 slices < minEvents 10, but a 28-day window only holds 4 weekly
    // slices: it is judged, not insufficient-data.
    expect(result.status).toBe('breached');
    // 1d: today alone, no case (good); 7d: week 3 (bad) → 1 / 0.3.
    expect(result.burnRates[0].rate).toBe(0);
    expect(result.burnRates[1].rate).toBeCloseTo(1 / 0.3, 10);

    // A slice without exposure reports does not count.
    for (let i = 7; i < 14; i++) {
      delete exposure[day(i)];
    }
    const withoutWeek1 = evaluate(
      slo,
      fakeSeries([cases, caseCounts], [customers, exposure]),
    );
    expect(withoutWeek1).toMatchObject({
      total: 3,
      good: 2,
      status: 'insufficient-data',
    });
  });

  it('count: a zero-SLO without incidents is healthy, never insufficient on a rolling window', () => {
    const result = evaluate(zeroSlo(), fakeSeries());
    expect(result).toMatchObject({
      status: 'healthy',
      total: 28,
      good: 28,
      attainment: 1,
      errorBudgetRemaining: 1,
    });
  });

  it('count: insufficient-data early in a calendar period', () => {
    const slo = zeroSlo({
      timeWindow: {
        type: 'calendar',
        duration: '1M',
        startTime: '2024-01-01T00:00:00.000Z',
        timeZone: 'UTC',
      },
    });
    const early = evaluate(slo, fakeSeries(), {
      now: new Date('2024-05-03T10:00:00Z'),
    });
    expect(early).toMatchObject({ status: 'insufficient-data', total: 3 });
    expect(early.window.from).toBe('2024-05-01T00:00:00.000Z');
    expect(early.budgetHistory.map(h => h.day)).toEqual([
      '2024-05-01',
      '2024-05-02',
      '2024-05-03',
    ]);
    const later = evaluate(slo, fakeSeries(), {
      now: new Date('2024-05-10T10:00:00Z'),
    });
    expect(later.status).toBe('healthy');
  });

  it('count: a slice of burn window cut by its start is judged on its days inside it', () => {
    const slo = zeroSlo({
      objective: { target: 0.5, op: 'lte', value: 0, timeSliceDays: 7 },
    });
    // An incident today, in the last weekly slice (days 21–27).
    const result = evaluate(slo, fakeSeries([incidents, { [TODAY]: 1 }]));
    expect(result).toMatchObject({ total: 4, good: 3, status: 'at-risk' });
    expect(result.errorBudgetRemaining).toBeCloseTo(0.5, 10);
    expect(result.burnRates.map(b => b.rate)).toEqual([2, 2]);
  });

  it('keeps burn-window slices aligned to the window start', () => {
    const slo = zeroSlo({
      objective: { target: 0.5, op: 'lte', value: 0, timeSliceDays: 5 },
    });
    // Slices: days 0–4, …, 20–24, 25–27. Incidents on days 24 and 25 spoil
    // slices 20–24 and 25–27. The 7d burn window (days 21–27) sees the first
    // cut to 21–24, still bad, and 25–27: all bad. The 1d window sees
    // today only.
    const result = evaluate(
      slo,
      fakeSeries([incidents, { [day(24)]: 1, [day(25)]: 1 }]),
    );
    expect(result).toMatchObject({ total: 6, good: 4 });
    expect(result.burnRates).toEqual([
      { window: '1d', rate: 0, threshold: 3 }, // today alone: no incident
      { window: '7d', rate: 2, threshold: 1 },
    ]);
  });

  it('evaluates hand-built Occurrences of a count as 1-day slices', () => {
    const result = evaluate(
      zeroSlo({
        budgetingMethod: 'Occurrences',
        objective: { target: 0.9, op: 'lte', value: 0 },
      }),
      fakeSeries([incidents, { [day(3)]: 2 }]),
    );
    expect(result).toMatchObject({
      total: 28,
      good: 27,
      budgetingMethod: 'Occurrences',
    });
    expect(result.confidence).toBeUndefined();
  });

  it('refuses hand-built SLOs missing what their indicator needs', () => {
    expect(() =>
      evaluate(zeroSlo({ objective: { target: 0.9 } }), fakeSeries()),
    ).toThrow(
      'SLO no-incidents: count indicators need objective.op and objective.value',
    );
    expect(() =>
      evaluate(csatSlo({ budgetingMethod: 'Timeslices' }), fakeSeries()),
    ).toThrow('SLO csat: Timeslices of a ratio need objective.timeSliceTarget');
  });
});

describe('evaluateSlo: known events', () => {
  // A launch on day 20 brought 30 answers, 20 of them bad; otherwise 5 good
  // answers a day.
  const perDay: Array<[number, number, number]> = Array.from(
    { length: 28 },
    (_, i) => (i === 20 ? [i, 30, 20] : [i, 5, 0]),
  );
  const excludedDays = new Set([day(20), '2020-01-01']);

  it('leaves excluded days out of everything and lists them', () => {
    const result = evaluate(csatSlo(), csat(perDay), { excludedDays });
    expect(result).toMatchObject({
      excludedDays: [day(20)],
      total: 135,
      good: 135,
      status: 'healthy',
      errorBudgetRemaining: 1,
    });
    expect(result.budgetHistory[20].errorBudgetRemaining).toBe(1);
  });

  it('counts them with knownEvents: include', () => {
    const result = evaluate(csatSlo(), csat(perDay), {
      excludedDays,
      settings: { ...settings, knownEvents: 'include' },
    });
    expect(result).toMatchObject({ excludedDays: [], total: 165, good: 145 });
    expect(result.status).toBe('breached');
    expect(result.budgetHistory[19].errorBudgetRemaining).toBe(1);
    expect(result.budgetHistory[20].errorBudgetRemaining).toBeLessThan(0);
  });

  it('does not count a zero-SLO slice made only of excluded days', () => {
    const result = evaluate(
      zeroSlo(),
      fakeSeries([incidents, { [day(20)]: 3 }]),
      {
        excludedDays,
      },
    );
    expect(result).toMatchObject({ total: 27, good: 27, status: 'healthy' });
  });
});

describe('evaluateSlo: budget history', () => {
  it('is the budget over the window days up to each day', () => {
    const slo = csatSlo({
      timeWindow: { type: 'rolling', duration: '4d', days: 4 },
      objective: { target: 0.9 },
    });
    const series = fakeSeries(
      [
        csatTotal,
        { [addDays(TODAY, -2)]: 10, [addDays(TODAY, -1)]: 10, [TODAY]: 20 },
      ],
      [
        csatGood,
        { [addDays(TODAY, -2)]: 10, [addDays(TODAY, -1)]: 8, [TODAY]: 20 },
      ],
    );
    const history = evaluate(slo, series).budgetHistory;
    expect(history.map(h => h.day)).toEqual([
      addDays(TODAY, -3),
      addDays(TODAY, -2),
      addDays(TODAY, -1),
      TODAY,
    ]);
    expect(history[0].errorBudgetRemaining).toBeNull();
    expect(history[1].errorBudgetRemaining).toBe(1);
    expect(history[2].errorBudgetRemaining).toBeCloseTo(0, 10); // 18 of 20
    expect(history[3].errorBudgetRemaining).toBeCloseTo(0.5, 10); // 38 of 40
  });

  it('equals, day by day, the evaluation made on that day (property)', () => {
    // In a calendar window the window on day i is the history's prefix, with
    // the same slice alignment, so the two must agree exactly.
    const month: UserTrustSlo['timeWindow'] = {
      type: 'calendar',
      duration: '1M',
      startTime: '2024-05-01T00:00:00.000Z',
      timeZone: 'UTC',
    };
    const slos: UserTrustSlo[] = [
      csatSlo({ timeWindow: month }),
      ...[1, 3, 7].map(sliceDays =>
        zeroSlo({
          timeWindow: month,
          objective: {
            target: 0.8,
            op: 'lte',
            value: 2,
            timeSliceDays: sliceDays,
          },
        }),
      ),
      csatSlo({
        timeWindow: month,
        budgetingMethod: 'Timeslices',
        objective: { target: 0.8, timeSliceTarget: 0.9, timeSliceDays: 2 },
      }),
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc
            .integer({ min: 0, max: 6 })
            .chain(total =>
              fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })),
            ),
          { minLength: 10, maxLength: 10 },
        ),
        fc.constantFrom(...slos),
        (perDay, slo) => {
          const date = (i: number) =>
            `2024-05-${String(i + 1).padStart(2, '0')}`;
          const total: Buckets = {};
          const good: Buckets = {};
          perDay.forEach(([t, bad], i) => {
            total[date(i)] = t;
            good[date(i)] = t - bad;
          });
          const series = fakeSeries(
            [csatTotal, total],
            [csatGood, good],
            [incidents, total],
          );
          const history = evaluate(slo, series, {
            now: new Date('2024-05-10T12:00:00Z'),
          }).budgetHistory;
          expect(history).toHaveLength(10);
          history.forEach((entry, i) => {
            expect(entry.day).toBe(date(i));
            const thatDay = evaluate(slo, series, {
              now: new Date(`${date(i)}T23:00:00Z`),
            });
            expect(entry.errorBudgetRemaining).toBe(
              thatDay.errorBudgetRemaining,
            );
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('evaluateSlo: properties', () => {
  /** Per day of a 28-day window: total answers and bad ones among them. */
  const dailyCounts = fc.array(
    fc
      .integer({ min: 0, max: 20 })
      .chain(total =>
        fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })),
      ),
    { minLength: 28, maxLength: 28 },
  );
  const asSeries = (perDay: Array<[number, number]>) =>
    csat(perDay.map(([total, bad], i) => [i, total, bad]));

  it('more bad events never raise the budget or the attainment', () => {
    fc.assert(
      fc.property(
        dailyCounts,
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom<UserTrustSlo['budgetingMethod']>(
          'Occurrences',
          'Timeslices',
        ),
        (perDay, where, extra, method) => {
          const slo = csatSlo({
            budgetingMethod: method,
            objective: { target: 0.9, timeSliceTarget: 0.8, timeSliceDays: 3 },
          });
          const worse = perDay.map(([t, b], i): [number, number] =>
            i === where ? [t + extra, b + extra] : [t, b],
          );
          const before = evaluate(slo, asSeries(perDay));
          const after = evaluate(slo, asSeries(worse));
          fc.pre(before.errorBudgetRemaining !== null);
          expect(after.errorBudgetRemaining!).toBeLessThanOrEqual(
            before.errorBudgetRemaining!,
          );
          expect(after.attainment!).toBeLessThanOrEqual(before.attainment!);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('more incidents never raise the budget of a zero-SLO', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), {
          minLength: 28,
          maxLength: 28,
        }),
        fc.integer({ min: 0, max: 27 }),
        fc.constantFrom(1, 7),
        (perDay, where, sliceDays) => {
          const slo = zeroSlo({
            objective: {
              target: 0.9,
              op: 'lte',
              value: 0,
              timeSliceDays: sliceDays,
            },
          });
          const series = (counts: number[]) =>
            fakeSeries([
              incidents,
              Object.fromEntries(counts.map((c, i) => [day(i), c])),
            ]);
          const before = evaluate(slo, series(perDay));
          const after = evaluate(
            slo,
            series(perDay.map((c, i) => (i === where ? c + 1 : c))),
          );
          expect(after.errorBudgetRemaining!).toBeLessThanOrEqual(
            before.errorBudgetRemaining!,
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('Occurrences and Timeslices agree when every slice has the same ratio', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 20 })
          .chain(total =>
            fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })),
          ),
        fc.array(fc.integer({ min: 1, max: 5 }), {
          minLength: 28,
          maxLength: 28,
        }),
        fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99),
        fc.constantFrom(1, 7),
        ([total, good], multipliers, target, sliceDays) => {
          // Each slice holds k × (good of total) for some k: the same ratio.
          const perDay: Array<[number, number, number]> = multipliers.map(
            (k, i) => [i, k * total, k * (total - good)],
          );
          const occurrences = evaluate(
            csatSlo({ objective: { target } }),
            csat(perDay),
          );
          const timeslices = evaluate(
            csatSlo({
              budgetingMethod: 'Timeslices',
              objective: {
                target,
                timeSliceTarget: target,
                timeSliceDays: sliceDays,
              },
            }),
            csat(perDay),
          );
          expect(occurrences.attainment).toBe(good / total);
          const met = good / total >= target;
          expect(timeslices.attainment).toBe(met ? 1 : 0);
          expect(occurrences.errorBudgetRemaining! >= 0).toBe(
            timeslices.errorBudgetRemaining! >= 0,
          );
        },
      ),
    );
  });
});

describe('evaluateEntity', () => {
  const technicalGreen = {
    sli: 'availability',
    attainment: 0.9995,
    target: 0.999,
  };
  const technicalRed = {
    sli: 'availability',
    attainment: 0.985,
    target: 0.999,
  };
  const breachedCsat = csat(
    Array.from({ length: 25 }, (_, k) => [k + 3, 4, k % 5 < 2 ? 1 : 0]),
  );
  const goodCsat = csat(Array.from({ length: 28 }, (_, i) => [i, 5, 0]));
  const base = {
    entityRef: 'component:default/checkout-api',
    excludedDays: new Set<string>(),
    now: NOW,
    settings,
  };

  it('combines SLOs into a weighted score and the worst status', () => {
    const result = evaluateEntity({
      ...base,
      slos: [
        { slo: csatSlo({ weight: 3 }), source },
        {
          slo: zeroSlo(),
          source: { type: 'api', updatedAt: '2024-05-01T00:00:00Z' },
        },
        {
          slo: csatSlo({
            name: 'silent',
            indicator: { type: 'ratio', good: cases, total: cases },
          }),
          source,
        },
      ],
      series: fakeSeries(
        [
          csatTotal,
          Object.fromEntries(Array.from({ length: 28 }, (_, i) => [day(i), 5])),
        ],
        [
          csatGood,
          Object.fromEntries(Array.from({ length: 28 }, (_, i) => [day(i), 5])),
        ],
        [incidents, { [day(2)]: 1, [day(3)]: 1, [day(4)]: 1, [day(5)]: 1 }],
      ),
    });
    expect(result.entityRef).toBe('component:default/checkout-api');
    expect(result.evaluatedAt).toBe(NOW.toISOString());
    expect(result.slos.map(s => s.status)).toEqual([
      'healthy',
      'breached',
      'no-data',
    ]);
    // (3 × 100 + 1 × 0) / 4 = 75; the no-data SLO is left out.
    expect(result.score).toBe(75);
    expect(result.status).toBe('breached');
    expect(result.dissonance).toEqual([]);
  });

  it('has no score and status no-data without SLOs', () => {
    expect(
      evaluateEntity({
        ...base,
        slos: [],
        series: fakeSeries(),
        technical: technicalRed,
      }),
    ).toMatchObject({
      score: null,
      status: 'no-data',
      slos: [],
      dissonance: [],
      // The technical SLI is returned even when nothing contradicts it.
      technical: technicalRed,
    });
    expect(
      evaluateEntity({ ...base, slos: [], series: fakeSeries() }),
    ).not.toHaveProperty('technical');
  });

  it('technical green while users burn: one entry per burning SLO', () => {
    const result = evaluateEntity({
      ...base,
      slos: [
        { slo: csatSlo(), source },
        { slo: zeroSlo(), source },
        {
          slo: csatSlo({
            name: 'quiet',
            indicator: { type: 'ratio', good: cases, total: cases },
          }),
          source,
        },
      ],
      series: fakeSeries(
        [
          csatTotal,
          Object.fromEntries(
            Array.from({ length: 25 }, (_, k) => [day(k + 3), 4]),
          ),
        ],
        [
          csatGood,
          Object.fromEntries(
            Array.from({ length: 25 }, (_, k) => [
              day(k + 3),
              k % 5 < 2 ? 3 : 4,
            ]),
          ),
        ],
      ),
      technical: technicalGreen,
    });
    expect(result.dissonance).toEqual([
      {
        kind: 'technical-green-users-burning',
        technical: technicalGreen,
        userTrust: {
          slo: 'csat',
          status: 'breached',
          burnRate: expect.closeTo(2 / 28 / 0.05, 10),
        },
        message:
          'Technical SLI "availability" meets its target (99.95% ≥ 99.90%), but user-trust SLO "Satisfied customers" is breached (7d burn rate 1.4×)',
      },
    ]);
  });

  it('technical green with a healthy SLO burning faster than 1× over the long window', () => {
    // The last week: 7 of 100 answers bad every day against 95%, a 1.4×
    // burn, below the 7d threshold of 2 here (and 1d of 3), and the 21,000
    // good answers before keep the budget: healthy, but burning.
    const perDay: Array<[number, number, number]> = Array.from(
      { length: 28 },
      (_, i) => [i, i >= 21 ? 100 : 1000, i >= 21 ? 7 : 0],
    );
    const result = evaluateEntity({
      ...base,
      settings: {
        ...settings,
        burnWindows: [
          { window: '1d', days: 1, threshold: 3 },
          { window: '7d', days: 7, threshold: 2 },
        ],
      },
      slos: [{ slo: csatSlo(), source }],
      series: csat(perDay),
      technical: technicalGreen,
    });
    expect(result.slos[0].status).toBe('healthy');
    expect(result.dissonance).toHaveLength(1);
    expect(result.dissonance[0].userTrust).toEqual({
      slo: 'csat',
      status: 'healthy',
      burnRate: expect.closeTo(0.07 / 0.05, 10),
    });
    expect(result.dissonance[0].message).toBe(
      'Technical SLI "availability" meets its target (99.95% ≥ 99.90%), but user-trust SLO "Satisfied customers" is burning its error budget (7d burn rate 1.4×)',
    );
  });

  it('technical red while users are fine', () => {
    const result = evaluateEntity({
      ...base,
      slos: [
        { slo: csatSlo(), source },
        { slo: zeroSlo(), source },
        {
          slo: csatSlo({
            name: 'quiet',
            indicator: { type: 'ratio', good: cases, total: cases },
          }),
          source,
        },
      ],
      series: goodCsat,
      technical: technicalRed,
    });
    expect(result.dissonance).toEqual([
      {
        kind: 'technical-red-users-fine',
        technical: technicalRed,
        userTrust: { slo: 'csat', status: 'healthy', burnRate: 0 },
        message:
          'Technical SLI "availability" misses its target (98.50% < 99.90%), but user-trust SLO "Satisfied customers" is healthy (7d burn rate 0.0×)',
      },
      {
        kind: 'technical-red-users-fine',
        technical: technicalRed,
        userTrust: { slo: 'no-incidents', status: 'healthy', burnRate: 0 },
        message:
          'Technical SLI "availability" misses its target (98.50% < 99.90%), but user-trust SLO "no-incidents" is healthy (7d burn rate 0.0×)',
      },
    ]);
  });

  it('no dissonance when both views agree, or without judged SLOs', () => {
    expect(
      evaluateEntity({
        ...base,
        slos: [{ slo: csatSlo(), source }],
        series: goodCsat,
        technical: technicalGreen,
      }).dissonance,
    ).toEqual([]);
    expect(
      evaluateEntity({
        ...base,
        slos: [{ slo: csatSlo(), source }],
        series: breachedCsat,
        technical: technicalRed,
      }).dissonance,
    ).toEqual([]);
    expect(
      evaluateEntity({
        ...base,
        slos: [{ slo: csatSlo(), source }],
        series: csat([[27, 3, 3]]),
        technical: technicalGreen,
      }).dissonance,
    ).toEqual([]);
  });
});
