import { alertPolicyWindows, alertStateOf, budgetForecast } from './alerting';
import {
  budgetFromAttainment,
  burnRate,
  compareThreshold,
  trustScore,
  wilsonInterval,
  worstStatus,
} from './math';
import {
  EntityTrustEvaluation,
  EvaluationSettings,
  PerceptionDissonance,
  SignalQuery,
  SloEvaluation,
  SloSource,
  SloStatus,
  TechnicalSli,
  UserTrustSlo,
} from './types';
import { calendarPeriod, windowDays, windowLengthDays } from './windows';

/**
 * Signals of one query on one UTC day: how many matched and the sum of
 * their `value` (signals without a value add 0).
 *
 * @public
 */
export type DailyBucket = { count: number; sum: number };

/**
 * Daily buckets of a query, keyed by `YYYY-MM-DD` UTC day; missing days
 * have no signal. The backend answers it from its rollups, keyed by
 * `signalQueryKey(query)`.
 *
 * @public
 */
export type SignalSeries = (
  query: SignalQuery,
) => ReadonlyMap<string, DailyBucket>;

/** @public */
export type EvaluateSloInput = {
  slo: UserTrustSlo;
  source: SloSource;
  series: SignalSeries;
  /** UTC days with a known event (launch, sales peak) of the entity. */
  excludedDays: ReadonlySet<string>;
  now: Date;
  settings: EvaluationSettings;
};

/** @public */
export type EvaluateEntityInput = Omit<EvaluateSloInput, 'slo' | 'source'> & {
  entityRef: string;
  slos: ReadonlyArray<{ slo: UserTrustSlo; source: SloSource }>;
  technical?: TechnicalSli;
};

type Tally = { good: number; total: number };

/** Counts good and total (events or slices) over ranges of window days. */
type Counter = {
  /** Over window days `from`..`to` (indices, both included). */
  tally(from: number, to: number): Tally;
  /** `tally(0, i)` for every day i, in one pass (burn-down chart). */
  prefixTallies(): Tally[];
  /** Occurrences of a ratio: events; otherwise time slices. */
  unit: 'events' | 'slices';
  sliceDays: number;
};

/** Prefix sums of a per-day quantity, for O(1) sums over day ranges. */
function prefixSums(values: number[]): (from: number, to: number) => number {
  const sums = [0];
  for (const value of values) {
    sums.push(sums[sums.length - 1] + value);
  }
  return (from, to) => (to < from ? 0 : sums[to + 1] - sums[from]);
}

function createCounter(
  slo: UserTrustSlo,
  days: string[],
  excluded: ReadonlySet<string>,
  series: SignalSeries,
): Counter {
  const { indicator, objective } = slo;
  const included = days.map(day => (excluded.has(day) ? 0 : 1));
  // Excluded days read as empty, so they drop out of every sum below.
  const daily = (query: SignalQuery, field: keyof DailyBucket) => {
    const buckets = series(query);
    return days.map((day, i) =>
      included[i] ? buckets.get(day)?.[field] ?? 0 : 0,
    );
  };

  if (indicator.type === 'ratio') {
    const total = daily(indicator.total, 'count');
    // Good events are a subset of total ones; clamp per day in case the
    // queries are not nested, so that good never exceeds total.
    let good: number[];
    if (indicator.good) {
      good = daily(indicator.good, 'count').map((g, i) =>
        Math.max(0, Math.min(g, total[i])),
      );
    } else if (indicator.bad) {
      good = daily(indicator.bad, 'count').map((b, i) =>
        Math.max(0, total[i] - b),
      );
    } else {
      throw new Error(`SLO ${slo.name}: a ratio indicator needs good or bad`);
    }
    const totalSum = prefixSums(total);
    const goodSum = prefixSums(good);
    if (slo.budgetingMethod === 'Occurrences') {
      const tally = (from: number, to: number) => ({
        good: goodSum(from, to),
        total: totalSum(from, to),
      });
      return {
        unit: 'events',
        sliceDays: 1,
        tally,
        prefixTallies: () => days.map((_, i) => tally(0, i)),
      };
    }
    const sliceTarget = objective.timeSliceTarget;
    if (sliceTarget === undefined) {
      throw new Error(
        `SLO ${slo.name}: Timeslices of a ratio need objective.timeSliceTarget`,
      );
    }
    return sliceCounter(days.length, objective.timeSliceDays ?? 1, (a, b) => {
      const t = totalSum(a, b);
      return t > 0 ? goodSum(a, b) / t >= sliceTarget : undefined;
    });
  }

  const { op, value } = objective;
  if (op === undefined || value === undefined) {
    throw new Error(
      `SLO ${slo.name}: ${indicator.type} indicators need objective.op and objective.value`,
    );
  }
  // Occurrences of a threshold indicator (the parser rejects it) would have
  // no events to count: each day is then judged as a 1-day slice.
  const sliceDays =
    slo.budgetingMethod === 'Timeslices' ? objective.timeSliceDays ?? 1 : 1;

  if (indicator.type === 'rate') {
    const events = prefixSums(daily(indicator.events, 'count'));
    const exposureCount = prefixSums(daily(indicator.exposure, 'count'));
    const exposureSum = prefixSums(daily(indicator.exposure, 'sum'));
    return sliceCounter(days.length, sliceDays, (a, b) => {
      const reports = exposureCount(a, b);
      // Exposure is the average reported value (e.g. active customers).
      const exposure = reports > 0 ? exposureSum(a, b) / reports : 0;
      if (exposure <= 0) {
        return undefined;
      }
      const rate = (events(a, b) / exposure) * indicator.per;
      return compareThreshold(rate, op, value);
    });
  }

  const events = prefixSums(daily(indicator.events, 'count'));
  const includedDays = prefixSums(included);
  return sliceCounter(days.length, sliceDays, (a, b) =>
    // No event is data here: every slice counts unless wholly excluded.
    includedDays(a, b) > 0
      ? compareThreshold(events(a, b), op, value)
      : undefined,
  );
}

/**
 * Time slices of `sliceDays` window days, aligned to the window's first day
 * (the last slice may be shorter). `judge` says whether the slice made of
 * days a..b is good, or undefined when it does not count.
 */
function sliceCounter(
  dayCount: number,
  sliceDays: number,
  judge: (from: number, to: number) => boolean | undefined,
): Counter {
  const add = (tally: Tally, verdict: boolean | undefined) => {
    if (verdict !== undefined) {
      tally.total += 1;
      tally.good += verdict ? 1 : 0;
    }
  };
  return {
    unit: 'slices',
    sliceDays,
    tally(from, to) {
      const tally = { good: 0, total: 0 };
      // Slices cut by the range are judged on their days inside it.
      for (let start = from - (from % sliceDays); start <= to; ) {
        const end = Math.min(start + sliceDays - 1, to);
        add(tally, judge(Math.max(start, from), end));
        start += sliceDays;
      }
      return tally;
    },
    prefixTallies() {
      const result: Tally[] = [];
      const complete = { good: 0, total: 0 };
      for (let i = 0; i < dayCount; i++) {
        const start = i - (i % sliceDays);
        const current = { ...complete };
        add(current, judge(start, i));
        result.push(current);
        if (i - start === sliceDays - 1) {
          add(complete, judge(start, i));
        }
      }
      return result;
    },
  };
}

const budgetOf = (tally: Tally, target: number): number | null =>
  tally.total > 0
    ? budgetFromAttainment(tally.good / tally.total, target)
    : null;

/**
 * Evaluates one user-trust SLO over its current window.
 *
 * - **Window**: the UTC days of the current window, ending with today
 *   (see `windowDays`). With `settings.knownEvents: exclude`, days in
 *   `excludedDays` are left out of every count (window, burn rates,
 *   history) and listed in the result's `excludedDays`.
 * - **Occurrences** (ratio indicators): total = total-query signals;
 *   good = good-query signals, or total − bad-query signals (per day,
 *   clamped to [0, total]). attainment = good / total, with its Wilson 95%
 *   interval as `confidence`.
 * - **Timeslices**: the window days are cut into slices of `timeSliceDays`
 *   (default 1) from the window's first day; the last may be partial and is
 *   judged on what has happened so far. `good` and `total` then count
 *   slices, attainment = good slices / counted slices.
 *   - ratio: a slice counts when it has total signals; it is good when
 *     good / total ≥ `timeSliceTarget`.
 *   - rate: exposure = average `value` of the exposure signals of the slice
 *     (Σ value / count, e.g. active customers); a slice counts when the
 *     exposure is positive; rate = events / exposure × `per`; good when
 *     `rate op value`.
 *   - count: every slice counts (no event is an observation too); good when
 *     `count op value`. `op: lte, value: 0` makes a zero-SLO.
 *   Rate and count indicators with `Occurrences` are rejected by
 *   `parseOpenSlo`; built by hand, they are evaluated as 1-day slices.
 * - **errorBudgetRemaining** = 1 − (1 − attainment) / (1 − target); 1 is
 *   untouched, negative overspent; null without data.
 * - **burnRates**: per `settings.burnWindows` entry, the error ratio
 *   (1 − attainment) over the last `days` window days, counted the same
 *   way (slices cut at the burn window's start), divided by 1 − target;
 *   null when that range has no data.
 * - **status**, first match wins:
 *   `no-data` when nothing was counted;
 *   `insufficient-data` when fewer than `settings.minEvents` events were
 *   counted (Occurrences) or fewer than min(`minEvents`, slices in the full
 *   window) slices (Timeslices, so that 4 weekly slices of a 28-day window
 *   can be judged; for count indicators this happens only early in a
 *   calendar period or when known events exclude many days);
 *   `breached` when the budget is overspent — for Occurrences only if the
 *   shortfall is significant (Wilson upper bound below target), otherwise
 *   `at-risk`; `at-risk` when a burn rate reaches its threshold;
 *   `healthy` otherwise.
 * - **budgetHistory**: for each window day, the budget over the window days
 *   up to and including it (a burn-down); null until there is data.
 * - **window**: from 00:00 UTC of the first window day to `now`.
 * - **alert** (with `settings.alerting`): the alert state by
 *   `alertStateOf` on burn rates over the policy's windows (counted like
 *   `burnRates`), and `budgetForecast` at the burn of the at-risk
 *   condition's short window.
 *
 * @public
 */
export function evaluateSlo(input: EvaluateSloInput): SloEvaluation {
  const { slo, settings, now } = input;
  const target = slo.objective.target;
  const days = windowDays(slo.timeWindow, now);
  const excluded =
    settings.knownEvents === 'exclude'
      ? days.filter(day => input.excludedDays.has(day))
      : [];
  const counter = createCounter(slo, days, new Set(excluded), input.series);
  const last = days.length - 1;

  const whole = counter.tally(0, last);
  const attainment = whole.total > 0 ? whole.good / whole.total : null;
  const errorBudgetRemaining = budgetOf(whole, target);
  const confidence =
    counter.unit === 'events' && whole.total > 0
      ? wilsonInterval(whole.good, whole.total)
      : undefined;

  const burnRates = settings.burnWindows.map(
    ({ window, days: n, threshold }) => {
      const tally = counter.tally(Math.max(0, days.length - n), last);
      return {
        window,
        rate:
          tally.total > 0
            ? burnRate((tally.total - tally.good) / tally.total, target)
            : null,
        threshold,
      };
    },
  );

  let status: SloStatus;
  const minimum =
    counter.unit === 'events'
      ? settings.minEvents
      : Math.min(
          settings.minEvents,
          Math.ceil(windowLengthDays(slo.timeWindow, now) / counter.sliceDays),
        );
  if (whole.total === 0) {
    status = 'no-data';
  } else if (whole.total < minimum) {
    status = 'insufficient-data';
  } else if (errorBudgetRemaining !== null && errorBudgetRemaining < 0) {
    status = !confidence || confidence.upper < target ? 'breached' : 'at-risk';
  } else if (
    burnRates.some(({ rate, threshold }) => rate !== null && rate >= threshold)
  ) {
    status = 'at-risk';
  } else {
    status = 'healthy';
  }

  let alert: SloEvaluation['alert'];
  if (settings.alerting) {
    const policy = settings.alerting;
    const alertBurnRates = alertPolicyWindows(policy).map(
      ({ window, days: n }) => {
        const tally = counter.tally(Math.max(0, days.length - n), last);
        return {
          window,
          rate:
            tally.total > 0
              ? burnRate((tally.total - tally.good) / tally.total, target)
              : null,
        };
      },
    );
    const lengthDays = windowLengthDays(slo.timeWindow, now);
    const periodEnd =
      slo.timeWindow.type === 'calendar'
        ? Date.parse(`${calendarPeriod(slo.timeWindow, now).next}T00:00:00Z`)
        : undefined;
    alert = {
      state: alertStateOf(status, alertBurnRates, policy),
      burnRates: alertBurnRates,
      forecast: budgetForecast({
        errorBudgetRemaining,
        burnRate:
          alertBurnRates.find(b => b.window === policy.atRisk.shortWindow)
            ?.rate ?? null,
        windowLengthDays: lengthDays,
        horizonDays:
          periodEnd === undefined
            ? lengthDays
            : (periodEnd - now.getTime()) / 86_400_000,
        now,
      }),
    };
  }

  const history = counter.prefixTallies();
  return {
    name: slo.name,
    ...(slo.displayName !== undefined && { displayName: slo.displayName }),
    source: input.source,
    status,
    target,
    budgetingMethod: slo.budgetingMethod,
    window: {
      from: `${days[0]}T00:00:00.000Z`,
      to: now.toISOString(),
      duration: slo.timeWindow.duration,
    },
    attainment,
    ...(confidence && { confidence }),
    total: whole.total,
    good: whole.good,
    errorBudgetRemaining,
    burnRates,
    excludedDays: excluded,
    budgetHistory: days.map((day, i) => ({
      day,
      errorBudgetRemaining: budgetOf(history[i], target),
    })),
    weight: slo.weight,
    ...(alert && { alert }),
  };
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/** Statuses judged on enough data. */
const JUDGED: ReadonlySet<SloStatus> = new Set([
  'healthy',
  'at-risk',
  'breached',
]);

/**
 * Perception dissonance between a technical SLI and the user-trust SLOs,
 * judged on the longest burn window.
 * - `technical-green-users-burning`: the SLI meets its target while a
 *   user-trust SLO is breached or at-risk, or burns faster than 1× over the
 *   long window; one entry per such SLO. SLOs without enough data
 *   (`no-data`, `insufficient-data`) never count.
 * - `technical-red-users-fine`: the SLI misses its target while every
 *   judged SLO (healthy, at-risk or breached; at least one) is healthy; one
 *   entry per SLO.
 *
 * @public
 */
export function findDissonance(
  technical: TechnicalSli,
  evaluations: ReadonlyArray<SloEvaluation>,
  settings: EvaluationSettings,
): PerceptionDissonance[] {
  const longWindow = settings.burnWindows.reduce<
    EvaluationSettings['burnWindows'][number] | undefined
  >(
    (longest, w) => (!longest || w.days > longest.days ? w : longest),
    undefined,
  );
  const longBurn = (evaluation: SloEvaluation) =>
    evaluation.burnRates.find(b => b.window === longWindow?.window)?.rate ??
    null;
  const describe = (evaluation: SloEvaluation, state: string) => {
    const rate = longBurn(evaluation);
    const burn =
      rate === null
        ? ''
        : ` (${longWindow!.window} burn rate ${rate.toFixed(1)}×)`;
    return `user-trust SLO "${
      evaluation.displayName ?? evaluation.name
    }" ${state}${burn}`;
  };
  const entry = (
    kind: PerceptionDissonance['kind'],
    evaluation: SloEvaluation,
    message: string,
  ): PerceptionDissonance => ({
    kind,
    technical: { ...technical },
    userTrust: {
      slo: evaluation.name,
      status: evaluation.status,
      burnRate: longBurn(evaluation),
    },
    message,
  });
  const judged = evaluations.filter(e => JUDGED.has(e.status));

  if (technical.attainment >= technical.target) {
    const green = `Technical SLI "${technical.sli}" meets its target (${percent(
      technical.attainment,
    )} ≥ ${percent(technical.target)})`;
    return judged
      .filter(e => e.status !== 'healthy' || (longBurn(e) ?? 0) > 1)
      .map(e =>
        entry(
          'technical-green-users-burning',
          e,
          `${green}, but ${describe(
            e,
            e.status === 'healthy'
              ? 'is burning its error budget'
              : `is ${e.status}`,
          )}`,
        ),
      );
  }
  if (judged.length === 0 || judged.some(e => e.status !== 'healthy')) {
    return [];
  }
  const red = `Technical SLI "${technical.sli}" misses its target (${percent(
    technical.attainment,
  )} < ${percent(technical.target)})`;
  return judged.map(e =>
    entry(
      'technical-red-users-fine',
      e,
      `${red}, but ${describe(e, 'is healthy')}`,
    ),
  );
}

/**
 * Evaluates every SLO of an entity ({@link evaluateSlo}) and combines them:
 * `score` by `trustScore`, `status` by `worstStatus` (no-data when the
 * entity has no SLO), and `dissonance` by {@link findDissonance} when a
 * technical SLI is given (then also returned as `technical`).
 *
 * @public
 */
export function evaluateEntity(
  input: EvaluateEntityInput,
): EntityTrustEvaluation {
  const { slos, technical, entityRef, ...common } = input;
  const evaluations = slos.map(({ slo, source }) =>
    evaluateSlo({ ...common, slo, source }),
  );
  return {
    entityRef,
    evaluatedAt: input.now.toISOString(),
    score: trustScore(evaluations),
    status: worstStatus(evaluations.map(e => e.status)),
    slos: evaluations,
    dissonance: technical
      ? findDissonance(technical, evaluations, input.settings)
      : [],
    ...(technical ? { technical: { ...technical } } : {}),
  };
}
