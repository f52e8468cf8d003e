import { SloStatus, ThresholdOp } from './types';

/**
 * Burn rate: how fast the error budget is spent relative to the pace that
 * would spend exactly all of it by the end of the window. 1 means "on
 * budget", 2 means the budget runs out at half the window.
 *
 * @param errorRatio - bad / total over some period, in [0, 1]
 * @param target - the objective, in [0, 1)
 * @public
 */
export function burnRate(errorRatio: number, target: number): number {
  return errorRatio / (1 - target);
}

/**
 * Fraction of a whole period's error budget consumed by burning at
 * `burnRate` for `windowDays` (SRE Workbook, chapter 5: 14.4× for one hour
 * of a 30-day period consumes 2%).
 *
 * @param windowDays - how long the burn lasted, in days (1 hour = 1/24)
 * @param periodDays - the SLO window, in days
 * @public
 */
export function budgetConsumed(
  rate: number,
  windowDays: number,
  periodDays: number,
): number {
  return (rate * windowDays) / periodDays;
}

/**
 * Fraction of the error budget left: 1 − (bad / total) / (1 − target).
 * 1 means untouched, 0 spent, negative overspent; null when there is no
 * event to judge (total = 0).
 *
 * @public
 */
export function errorBudgetRemaining(
  good: number,
  total: number,
  target: number,
): number | null {
  if (total <= 0) {
    return null;
  }
  return budgetFromAttainment(good / total, target);
}

/**
 * Budget left for an attainment (good fraction): 1 − (1 − attainment) /
 * (1 − target). Shared by Occurrences (events) and Timeslices (slices).
 *
 * @public
 */
export function budgetFromAttainment(
  attainment: number,
  target: number,
): number {
  // Written so that attainment = 1 gives exactly 1, whatever the target.
  return 1 - (1 - attainment) / (1 - target);
}

/** Two-sided 95% normal quantile, the default of {@link wilsonInterval}. */
const Z_95 = 1.959964;

/**
 * Wilson score interval of a proportion good / total. Unlike the plain
 * normal approximation it stays inside [0, 1] and behaves at low volumes,
 * which matters for slow field signals (a dozen CSAT answers a week).
 * With total = 0 nothing is known: [0, 1].
 *
 * @param z - normal quantile; the default gives a 95% interval
 * @public
 */
export function wilsonInterval(
  good: number,
  total: number,
  z: number = Z_95,
): { lower: number; upper: number } {
  if (total <= 0) {
    return { lower: 0, upper: 1 };
  }
  const p = good / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = p + z2 / (2 * total);
  const margin =
    z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  // Rounding can push a bound a hair past the point estimate at p = 0 or 1.
  return {
    lower: Math.min(p, clamp((centre - margin) / denominator)),
    upper: Math.max(p, clamp((centre + margin) / denominator)),
  };
}

/**
 * Whether `value op threshold` holds (OpenSLO objective `op`).
 *
 * @public
 */
export function compareThreshold(
  value: number,
  op: ThresholdOp,
  threshold: number,
): boolean {
  switch (op) {
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    default:
      throw new Error(`Unknown threshold operator ${op}`);
  }
}

/** Statuses that carry a judgement, and so count in the trust score. */
const JUDGED: ReadonlySet<SloStatus> = new Set([
  'healthy',
  'at-risk',
  'breached',
]);

/**
 * Trust score of an entity, 0–100.
 *
 * Each SLO whose status is `healthy`, `at-risk` or `breached` scores
 * 100 × its error budget remaining, clamped to [0, 1] (an untouched budget
 * scores 100, a spent or overspent one 0). The entity score is the mean of
 * these, weighted by the SLO weights (default 1), rounded to an integer.
 * SLOs with `no-data` or `insufficient-data` are left out so that silence
 * neither raises nor lowers trust; null when no SLO is left.
 *
 * @public
 */
export function trustScore(
  evaluations: ReadonlyArray<{
    status: SloStatus;
    errorBudgetRemaining: number | null;
    weight?: number;
  }>,
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const evaluation of evaluations) {
    if (
      !JUDGED.has(evaluation.status) ||
      evaluation.errorBudgetRemaining === null
    ) {
      continue;
    }
    const weight = evaluation.weight ?? 1;
    if (!(weight > 0)) {
      continue;
    }
    const budget = Math.min(1, Math.max(0, evaluation.errorBudgetRemaining));
    weighted += weight * 100 * budget;
    weights += weight;
  }
  return weights > 0 ? Math.round(weighted / weights) : null;
}

/**
 * Every status of an SLO or an entity, worst first: the order of
 * {@link worstStatus} and of status lists and counts in the UI.
 *
 * @public
 */
export const SLO_STATUS_ORDER: readonly SloStatus[] = [
  'breached',
  'at-risk',
  'healthy',
  'insufficient-data',
  'no-data',
];

/**
 * The worst of several statuses: breached, then at-risk, healthy,
 * insufficient-data, no-data. A judged SLO outranks the ones without enough
 * data, so an entity is `no-data` only when all its SLOs are (or it has
 * none).
 *
 * @public
 */
export function worstStatus(statuses: Iterable<SloStatus>): SloStatus {
  let worst = SLO_STATUS_ORDER.length - 1;
  for (const status of statuses) {
    const index = SLO_STATUS_ORDER.indexOf(status);
    if (index >= 0) {
      worst = Math.min(worst, index);
    }
  }
  return SLO_STATUS_ORDER[worst];
}
