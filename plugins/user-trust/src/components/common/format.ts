import { BurnRate, SloStatus } from '@user-trust/plugin-user-trust-common';

/** The typographic minus, so that negative numbers read as such. */
const MINUS = '\u2212';

/** Human-readable names of the SLO statuses. */
export const SLO_STATUS_LABELS: Record<SloStatus, string> = {
  healthy: 'healthy',
  'at-risk': 'at risk',
  breached: 'breached',
  'no-data': 'no data',
  'insufficient-data': 'insufficient data',
};

function withSign(value: number, text: string): string {
  return value < 0 ? `${MINUS}${text}` : text;
}

/**
 * A fraction as a percentage with at most `maxDigits` decimals and no
 * trailing zeros: 0.995 → "99.5%", 0.9 → "90%", −0.4 → "−40%".
 */
export function formatPercent(fraction: number, maxDigits = 0): string {
  const rounded = Number((fraction * 100).toFixed(maxDigits));
  // Number(...) drops trailing zeros; the sign is added back as a real minus.
  return withSign(rounded, `${Math.abs(rounded)}%`);
}

/** An SLO target or an attainment: precise enough to tell 99.9% from 99.5%. */
export function formatRatio(fraction: number): string {
  return formatPercent(fraction, 2);
}

/** "−40% budget left"; null means the budget could not be computed. */
export function formatBudgetLeft(remaining: number | null): string {
  return remaining === null
    ? 'No budget data'
    : `${formatPercent(remaining)} budget left`;
}

/** The error budget left as a 0–100 bar value: overspent budgets show empty. */
export function budgetBarValue(remaining: number): number {
  return Math.min(100, Math.max(0, remaining * 100));
}

/** A burn rate as a multiple of the sustainable rate: "2.4×". */
export function formatBurnRate(rate: number): string {
  const digits = Math.abs(rate) >= 100 ? 0 : 1;
  const text = Math.abs(rate).toFixed(digits);
  return withSign(rate, `${text}\u00d7`);
}

/** The burn rate with the highest rate; undefined when none has a rate. */
export function fastestBurnRate(
  burnRates: BurnRate[],
): (BurnRate & { rate: number }) | undefined {
  let fastest: (BurnRate & { rate: number }) | undefined;
  for (const burnRate of burnRates) {
    if (burnRate.rate !== null && (!fastest || burnRate.rate > fastest.rate)) {
      fastest = burnRate as BurnRate & { rate: number };
    }
  }
  return fastest;
}

/** "2.4× (1d)", or undefined when no window has a rate. */
export function formatFastestBurnRate(
  burnRates: BurnRate[],
): string | undefined {
  const fastest = fastestBurnRate(burnRates);
  return fastest
    ? `${formatBurnRate(fastest.rate)} (${fastest.window})`
    : undefined;
}

/** Whether a burn rate has reached its alerting threshold. */
export function isOverThreshold(burnRate: BurnRate): boolean {
  return burnRate.rate !== null && burnRate.rate >= burnRate.threshold;
}

const dayFormat = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

const shortDayFormat = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/**
 * A calendar day ("2026-11-27") or the day of a timestamp, as "Nov 27, 2026".
 * Days are UTC days, as the backend counts them.
 */
export function formatDay(dayOrTimestamp: string): string {
  const date = new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(dayOrTimestamp)
      ? `${dayOrTimestamp}T00:00:00Z`
      : dayOrTimestamp,
  );
  return Number.isNaN(date.getTime()) ? dayOrTimestamp : dayFormat.format(date);
}

/** A day as "Nov 27", for chart axes. */
export function formatShortDay(day: string): string {
  const date = new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day,
  );
  return Number.isNaN(date.getTime()) ? day : shortDayFormat.format(date);
}

/** A point in time in the viewer's locale and time zone. */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime())
    ? timestamp
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

/**
 * The http(s) address of an annotation location, if it has one: either the
 * location itself or a Backstage `url:` location.
 */
export function sourceLocationUrl(location: string): string | undefined {
  const target = location.startsWith('url:')
    ? location.slice('url:'.length)
    : location;
  return /^https?:\/\//i.test(target) ? target : undefined;
}
