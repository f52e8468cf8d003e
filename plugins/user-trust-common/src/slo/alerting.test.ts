import fc from 'fast-check';
import {
  ALERT_STATE_ORDER,
  AlertState,
  alertStateOf,
  alertWindowDays,
  budgetForecast,
  DEFAULT_ALERT_POLICY,
  nextAlertState,
} from './alerting';
import { DailyBucket, evaluateSlo, SignalSeries } from './evaluate';
import { signalQueryKey } from './query';
import {
  DEFAULT_EVALUATION_SETTINGS,
  SignalQuery,
  UserTrustSlo,
} from './types';
import { addDays, dayKey } from './windows';

const NOW = new Date('2024-05-28T15:00:00Z');
const TODAY = dayKey(NOW);
/** The i-th day of a 28-day rolling window ending today (0 = oldest). */
const day = (i: number) => addDays(TODAY, i - 27);
const settings = {
  ...DEFAULT_EVALUATION_SETTINGS,
  alerting: DEFAULT_ALERT_POLICY,
};

const total: SignalQuery = { kind: 'csat_response' };
const good: SignalQuery = { kind: 'csat_response', valueAtLeast: 4 };

/** CSAT at 80% over a rolling 28 days: the budget is 20% bad answers. */
const slo: UserTrustSlo = {
  name: 'csat',
  indicator: { type: 'ratio', good, total },
  timeWindow: { type: 'rolling', duration: '28d', days: 28 },
  budgetingMethod: 'Occurrences',
  objective: { target: 0.8 },
  weight: 1,
};

/** 20 answers a day; `bad[i]` of them bad on window day i (default 0). */
function answers(bad: Record<number, number>): SignalSeries {
  const totals = new Map<string, DailyBucket>();
  const goods = new Map<string, DailyBucket>();
  for (let i = 0; i < 28; i++) {
    totals.set(day(i), { count: 20, sum: 0 });
    goods.set(day(i), { count: 20 - (bad[i] ?? 0), sum: 0 });
  }
  return query =>
    signalQueryKey(query) === signalQueryKey(total) ? totals : goods;
}

const evaluate = (bad: Record<number, number>) =>
  evaluateSlo({
    slo,
    source: { type: 'config', rule: 'test' },
    series: answers(bad),
    excludedDays: new Set(),
    now: NOW,
    settings,
  });

/** The same number of bad answers on each of the given window days. */
const onDays = (from: number, to: number, count: number) =>
  Object.fromEntries(
    Array.from({ length: to - from + 1 }, (_, k) => [from + k, count]),
  );

describe('alert state of an evaluation (hand-computed burn rates)', () => {
  it('is breached when both windows burn at 2× or more', () => {
    // Days 21–27 (the last 7) half bad: 7d = 70/140 = 0.5 → 0.5 / 0.2 =
    // 2.5×; 2d = 20/40 → 2.5×. Budget: 70 bad of 560 = 0.125 → 1 − 0.125 /
    // 0.2 = 0.375. The status is only at-risk (the budget is not spent).
    const result = evaluate(onDays(21, 27, 10));
    expect(result.status).toBe('at-risk');
    expect(result.errorBudgetRemaining).toBeCloseTo(0.375, 10);
    expect(result.alert!.state).toBe('breached');
    expect(result.alert!.burnRates).toEqual([
      { window: '2d', rate: expect.closeTo(2.5, 10) },
      { window: '7d', rate: expect.closeTo(2.5, 10) },
    ]);
    // 0.375 of a 28-day budget at 2.5× lasts 0.375 × 28 / 2.5 = 4.2 days.
    expect(result.alert!.forecast).toEqual({
      spent: false,
      runsOutAt: '2024-06-01T19:48:00.000Z',
    });
  });

  it('is at-risk between 1× and 2×', () => {
    // 5 of 20 bad on the last 7 days: 35/140 = 0.25 → 1.25× on both
    // windows; budget 1 − (35 / 560) / 0.2 = 0.6875, lasting 0.6875 × 28 /
    // 1.25 = 15.4 days.
    const result = evaluate(onDays(21, 27, 5));
    expect(result.alert!.state).toBe('at-risk');
    expect(result.alert!.burnRates.map(b => b.rate)).toEqual([
      expect.closeTo(1.25, 10),
      expect.closeTo(1.25, 10),
    ]);
    expect(result.alert!.forecast.runsOutAt).toBe('2024-06-13T00:36:00.000Z');
  });

  it('is ok once the short window stops burning, though the long one still does', () => {
    // Days 21–25 half bad, the last 2 days clean: 7d = 50/140 → 1.79×,
    // 2d = 0×. No forecast: nothing burns now.
    const result = evaluate(onDays(21, 25, 10));
    expect(result.alert!.burnRates).toEqual([
      { window: '2d', rate: 0 },
      { window: '7d', rate: expect.closeTo(50 / 140 / 0.2, 10) },
    ]);
    expect(result.alert!.state).toBe('ok');
    expect(result.alert!.forecast).toEqual({ spent: false, runsOutAt: null });
  });

  it('is ok when a single bad day burns the short window only', () => {
    // Today all bad: 2d = 20/40 → 2.5×, 7d = 20/140 → 0.71×.
    expect(evaluate({ 27: 20 }).alert!.state).toBe('ok');
  });

  it('is breached with a spent budget, whatever the burn', () => {
    // 140 bad of 560 = 0.25 > 0.2: budget −0.25, significantly (Wilson).
    const result = evaluate(onDays(0, 6, 20));
    expect(result.status).toBe('breached');
    expect(result.alert!.state).toBe('breached');
    expect(result.alert!.forecast).toEqual({ spent: true, runsOutAt: null });
  });

  it('carries no alert without a policy', () => {
    const result = evaluateSlo({
      slo,
      source: { type: 'config', rule: 'test' },
      series: answers({}),
      excludedDays: new Set(),
      now: NOW,
      settings: DEFAULT_EVALUATION_SETTINGS,
    });
    expect(result.alert).toBeUndefined();
  });
});

describe('alertStateOf', () => {
  const burns = (long: number | null, short: number | null) => [
    { window: '7d', rate: long },
    { window: '2d', rate: short },
  ];

  it.each([
    ['healthy', 2, 2, 'breached'],
    ['healthy', 2, 1.99, 'at-risk'],
    ['at-risk', 1.99, 5, 'at-risk'],
    ['healthy', 1, 1, 'at-risk'],
    ['healthy', 0.99, 3, 'ok'],
    ['healthy', 3, 0.99, 'ok'],
    ['healthy', 3, null, 'ok'],
    ['breached', 0, 0, 'breached'],
    ['insufficient-data', 9, 9, 'ok'],
    ['no-data', null, null, 'ok'],
  ] as const)('%s with 7d %p and 2d %p is %s', (status, long, short, state) => {
    expect(alertStateOf(status, burns(long, short), DEFAULT_ALERT_POLICY)).toBe(
      state,
    );
  });

  it('follows a configured policy', () => {
    const policy = {
      breached: { longWindow: '3d', shortWindow: '1d', threshold: 6 },
      atRisk: { longWindow: '14d', shortWindow: '2d', threshold: 1 },
    };
    const rates = [
      { window: '1d', rate: 7 },
      { window: '3d', rate: 6 },
      { window: '2d', rate: 0.5 },
      { window: '14d', rate: 2 },
    ];
    expect(alertStateOf('healthy', rates, policy)).toBe('breached');
    expect(alertStateOf('healthy', rates.slice(2), policy)).toBe('ok');
  });
});

describe('budgetForecast', () => {
  const base = {
    windowLengthDays: 28,
    horizonDays: 28,
    now: NOW,
  };

  it('divides what is left by the burn', () => {
    // Half a 28-day budget at 7×: 0.5 × 28 / 7 = 2 days.
    expect(
      budgetForecast({ ...base, errorBudgetRemaining: 0.5, burnRate: 7 }),
    ).toEqual({ spent: false, runsOutAt: '2024-05-30T15:00:00.000Z' });
  });

  it('says "not at this rate" beyond the horizon, without a burn or data', () => {
    // 0.5 × 28 / 0.4 = 35 days > 28.
    for (const [budget, rate] of [
      [0.5, 0.4],
      [0.5, 0],
      [0.5, null],
      [null, 3],
    ] as const) {
      expect(
        budgetForecast({
          ...base,
          errorBudgetRemaining: budget,
          burnRate: rate,
        }),
      ).toEqual({ spent: false, runsOutAt: null });
    }
  });

  it('stops at the end of a calendar period', () => {
    // 10 days at this burn, but the period ends in 3: the budget resets.
    expect(
      budgetForecast({
        ...base,
        horizonDays: 3,
        errorBudgetRemaining: 0.5,
        burnRate: 1.4,
      }),
    ).toEqual({ spent: false, runsOutAt: null });
  });

  it('says spent for an empty or overspent budget', () => {
    expect(
      budgetForecast({ ...base, errorBudgetRemaining: 0, burnRate: 1 }),
    ).toEqual({ spent: true, runsOutAt: null });
  });
});

describe('alertWindowDays', () => {
  it('reads days and weeks', () => {
    expect(alertWindowDays('2d')).toBe(2);
    expect(alertWindowDays('1w')).toBe(7);
    expect(() => alertWindowDays('6h')).toThrow(/days or weeks/);
  });
});

describe('nextAlertState', () => {
  const state = fc.constantFrom<AlertState>(...ALERT_STATE_ORDER);

  it('keeps at most one current state per entity and SLO, and records a transition only on a change', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), state), {
          maxLength: 60,
        }),
        evaluations => {
          const current = new Map<string, AlertState>();
          const transitions: Array<{
            key: string;
            from: AlertState;
            to: AlertState;
          }> = [];
          for (const [key, evaluated] of evaluations) {
            const next = nextAlertState(current.get(key), evaluated);
            current.set(key, next.state);
            if (next.transition) transitions.push({ key, ...next.transition });
          }
          for (const key of ['a', 'b', 'c']) {
            const seen = evaluations
              .filter(([k]) => k === key)
              .map(([, s]) => s);
            const changes = seen.filter(
              (s, i) => s !== (i === 0 ? 'ok' : seen[i - 1]),
            ).length;
            const mine = transitions.filter(t => t.key === key);
            expect(mine).toHaveLength(changes);
            // A chain: each transition starts where the previous ended.
            mine.forEach((t, i) => {
              expect(t.from).not.toBe(t.to);
              expect(t.from).toBe(i === 0 ? 'ok' : mine[i - 1].to);
            });
            expect(current.get(key) ?? 'ok').toBe(seen.at(-1) ?? 'ok');
          }
        },
      ),
    );
  });
});
