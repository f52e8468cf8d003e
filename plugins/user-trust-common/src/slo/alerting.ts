import type { UserTrustApiSchemas as Schemas } from '../schema';
import { SloStatus } from './types';

/**
 * Alert state of an SLO: `ok`, `at-risk` or `breached`, judged by
 * multi-window burn (see {@link alertStateOf}).
 *
 * @public
 */
export type AlertState = Schemas['AlertState'];

/** A burn rate over a window of the alert policy. @public */
export type AlertBurnRate = Schemas['AlertBurnRate'];

/** When an error budget runs out at the current burn. @public */
export type AlertForecast = Schemas['AlertForecast'];

/** The alert state of one SLO, as part of its evaluation. @public */
export type SloAlert = Schemas['SloAlert'];

/** A stored change of an SLO's alert state. @public */
export type AlertTransition = Schemas['AlertTransition'];

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/alerts`.
 *
 * @public
 */
export type EntityAlertsResponse = Schemas['EntityAlertsResponse'];

/**
 * A multi-window burn condition (SRE Workbook, "Alerting on SLOs"): it holds
 * when the burn rate over the long window and the one over the short window
 * both reach the threshold. The long window keeps one noisy day from
 * alerting; the short one lets the alert end soon after the burn stops.
 * Windows are days or weeks (`2d`, `7d`, `1w`): signals are rolled up per
 * UTC day.
 *
 * @public
 */
export type AlertCondition = {
  longWindow: string;
  shortWindow: string;
  threshold: number;
};

/**
 * The alert policy: the conditions of `breached` and `at-risk`
 * (`userTrust.alerting`).
 *
 * @public
 */
export type AlertPolicy = {
  breached: AlertCondition;
  atRisk: AlertCondition;
};

/**
 * The default policy, for 28-day windows of slow user signals:
 * - `breached`: 2× over 7 days and over the last 2 days — half a 28-day
 *   budget gone in a week, and still burning;
 * - `at-risk`: 1× over 7 days and over the last 2 days — a quarter of the
 *   budget gone in a week (the pace that spends all of it by the window's
 *   end), and still burning.
 * The short window is 2 days, not 1: the 1-day window is today so far,
 * which holds no signal just after midnight UTC for a slow source, so an
 * alert would end every night.
 *
 * @public
 */
export const DEFAULT_ALERT_POLICY: AlertPolicy = {
  breached: { longWindow: '7d', shortWindow: '2d', threshold: 2 },
  atRisk: { longWindow: '7d', shortWindow: '2d', threshold: 1 },
};

/** Alert states, worst first. @public */
export const ALERT_STATE_ORDER: readonly AlertState[] = [
  'breached',
  'at-risk',
  'ok',
];

/**
 * Days of a window written `<n>d` or `<n>w`; throws otherwise.
 *
 * @public
 */
export function alertWindowDays(window: string): number {
  const match = /^([1-9][0-9]*)([dw])$/.exec(window);
  if (!match) {
    throw new Error(`Window '${window}' must be days or weeks, like 2d or 1w`);
  }
  return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}

/**
 * The distinct windows of a policy, shortest first, with their days.
 *
 * @public
 */
export function alertPolicyWindows(
  policy: AlertPolicy,
): Array<{ window: string; days: number }> {
  const windows = new Map<string, number>();
  for (const condition of [policy.atRisk, policy.breached]) {
    for (const window of [condition.shortWindow, condition.longWindow]) {
      windows.set(window, alertWindowDays(window));
    }
  }
  return [...windows]
    .map(([window, days]) => ({ window, days }))
    .sort((a, b) => a.days - b.days || a.window.localeCompare(b.window));
}

/** Whether both windows of a condition burn at or above its threshold. */
function holds(
  condition: AlertCondition,
  burnRates: ReadonlyArray<AlertBurnRate>,
): boolean {
  const rate = (window: string) =>
    burnRates.find(b => b.window === window)?.rate ?? null;
  const long = rate(condition.longWindow);
  const short = rate(condition.shortWindow);
  return (
    long !== null &&
    short !== null &&
    long >= condition.threshold &&
    short >= condition.threshold
  );
}

/**
 * The alert state of an SLO, first match wins:
 * - `ok` when the SLO has no judgement (`no-data`, `insufficient-data`):
 *   a handful of events gives burn rates that mean nothing;
 * - `breached` when its status is `breached` (the budget is spent, for
 *   Occurrences significantly) or the breached condition holds;
 * - `at-risk` when the at-risk condition holds;
 * - `ok` otherwise.
 *
 * @param burnRates - burn rates over (at least) the policy's windows
 * @public
 */
export function alertStateOf(
  status: SloStatus,
  burnRates: ReadonlyArray<AlertBurnRate>,
  policy: AlertPolicy,
): AlertState {
  if (status === 'no-data' || status === 'insufficient-data') return 'ok';
  if (status === 'breached' || holds(policy.breached, burnRates)) {
    return 'breached';
  }
  return holds(policy.atRisk, burnRates) ? 'at-risk' : 'ok';
}

/**
 * When the error budget runs out if the burn goes on at `burnRate`: a burn
 * rate of 1 spends a whole budget in `windowLengthDays`, so what is left
 * lasts `budget × windowLengthDays / burnRate` days. Linear: days leaving a
 * rolling window give nothing back, so the forecast errs early. `runsOutAt`
 * is null ("not at this rate") without a burn, without data, or when the
 * budget would outlast `horizonDays` (the window's length for rolling
 * windows; what is left of the period for calendar ones).
 *
 * @public
 */
export function budgetForecast(input: {
  errorBudgetRemaining: number | null;
  burnRate: number | null;
  windowLengthDays: number;
  horizonDays: number;
  now: Date;
}): AlertForecast {
  const { errorBudgetRemaining: budget, burnRate: rate } = input;
  if (budget === null) return { spent: false, runsOutAt: null };
  if (budget <= 0) return { spent: true, runsOutAt: null };
  if (rate === null || !(rate > 0)) return { spent: false, runsOutAt: null };
  const days = (budget * input.windowLengthDays) / rate;
  if (days > input.horizonDays) return { spent: false, runsOutAt: null };
  return {
    spent: false,
    runsOutAt: new Date(
      input.now.getTime() + Math.round(days * 86_400_000),
    ).toISOString(),
  };
}

/**
 * What one evaluation does to a stored alert state: the state to store and
 * the transition to record, if any. A state that does not change records
 * nothing, so evaluating again (on another replica, after a restart) never
 * repeats a transition. No stored state counts as `ok`.
 *
 * @public
 */
export function nextAlertState(
  stored: AlertState | undefined,
  evaluated: AlertState,
): { state: AlertState; transition?: { from: AlertState; to: AlertState } } {
  const from = stored ?? 'ok';
  return from === evaluated
    ? { state: from }
    : { state: evaluated, transition: { from, to: evaluated } };
}
