import {
  AlertForecast,
  AlertState,
  AlertTransition,
} from '@user-trust/plugin-user-trust-common';
import { formatDay } from './format';

/** How alert states read in the UI. */
export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  ok: 'OK',
  'at-risk': 'At risk',
  breached: 'Breached',
};

const DAY_MS = 86_400_000;

/**
 * When the budget runs out at the current burn: "Budget spent", "Runs out
 * in 4 days (Jun 1, 2024)", "Runs out within a day (…)", or "Not at this
 * rate".
 */
export function formatForecast(
  forecast: AlertForecast,
  now: Date = new Date(),
): string {
  if (forecast.spent) return 'Budget spent';
  if (!forecast.runsOutAt) return 'Not at this rate';
  const days = Math.floor(
    (Date.parse(forecast.runsOutAt) - now.getTime()) / DAY_MS,
  );
  const when =
    days < 1 ? 'within a day' : `in ${days} ${days === 1 ? 'day' : 'days'}`;
  return `Runs out ${when} (${formatDay(forecast.runsOutAt)})`;
}

/** One marker on the burn-down chart: the day of a transition of the SLO. */
export type AlertMarker = { day: string; from: AlertState; to: AlertState };

/**
 * The transitions of one SLO that fall on days of its chart, oldest first;
 * of several on one day, the last one.
 */
export function alertMarkers(
  transitions: ReadonlyArray<AlertTransition>,
  slo: string,
  days: ReadonlyArray<string>,
): AlertMarker[] {
  const shown = new Set(days);
  const byDay = new Map<string, AlertMarker>();
  for (const t of [...transitions]
    .filter(candidate => candidate.slo === slo)
    .sort((a, b) => a.at.localeCompare(b.at))) {
    const day = t.at.slice(0, 10);
    if (shown.has(day)) byDay.set(day, { day, from: t.from, to: t.to });
  }
  return [...byDay.values()];
}

/** "at-risk → breached". */
export function describeTransition(t: { from: AlertState; to: AlertState }) {
  return `${ALERT_STATE_LABELS[t.from]} → ${ALERT_STATE_LABELS[t.to]}`;
}
