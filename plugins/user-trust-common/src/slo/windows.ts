import { SloTimeWindow } from './types';

// Signals are rolled up per UTC day, so every window is a list of UTC days
// written `YYYY-MM-DD`; such keys sort chronologically as plain strings.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The UTC day of an instant, `YYYY-MM-DD`.
 *
 * @public
 */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Milliseconds since the epoch of 00:00 UTC of a `YYYY-MM-DD` day. */
function dayMs(day: string): number {
  return Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
  );
}

/**
 * The UTC day `days` days after `day` (before it when negative).
 *
 * @public
 */
export function addDays(day: string, days: number): string {
  return dayKey(new Date(dayMs(day) + days * DAY_MS));
}

/**
 * Number of days from `from` to `to` (0 when equal, negative when `to` is
 * earlier).
 *
 * @public
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/**
 * Every UTC day from `from` through `to`, both included; empty when `to` is
 * before `from`.
 *
 * @public
 */
export function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  const count = daysBetween(from, to);
  for (let i = 0; i <= count; i++) {
    days.push(addDays(from, i));
  }
  return days;
}

/** `from`, shifted by whole months, keeping the day of month when it exists. */
function addMonths(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const shifted = index + months;
  const year = Math.floor(shifted / 12);
  const month = shifted - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // A calendar started on the 31st starts on the last day of shorter months.
  const date = Math.min(Number(day.slice(8, 10)), lastDay);
  return dayKey(new Date(Date.UTC(year, month, date)));
}

const CALENDAR_MONTHS: Record<string, number> = { '1M': 1, '1Q': 3, '1Y': 12 };

/**
 * The calendar period of a calendar-aligned window that contains `now`:
 * its first day and the first day of the next period. Periods of `1w`,
 * `1M`, `1Q` or `1Y` follow one another from `calendar.startTime`, also
 * before it; only its date counts (periods start at 00:00 UTC) because
 * signals are counted per UTC day.
 *
 * @public
 */
export function calendarPeriod(
  timeWindow: Extract<SloTimeWindow, { type: 'calendar' }>,
  now: Date,
): { start: string; next: string } {
  const anchor = dayKey(new Date(timeWindow.startTime));
  const today = dayKey(now);
  if (timeWindow.duration === '1w') {
    const k = Math.floor(daysBetween(anchor, today) / 7);
    return { start: addDays(anchor, 7 * k), next: addDays(anchor, 7 * k + 7) };
  }
  const months = CALENDAR_MONTHS[timeWindow.duration];
  if (!months) {
    throw new Error(
      `Unsupported calendar window ${timeWindow.duration}: use 1w, 1M, 1Q or 1Y`,
    );
  }
  const elapsedMonths =
    (Number(today.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 +
    Number(today.slice(5, 7)) -
    Number(anchor.slice(5, 7));
  let k = Math.floor(elapsedMonths / months);
  // The month arithmetic is off by one period when the anchor's day of month
  // has not yet come round; correct it against actual dates.
  while (addMonths(anchor, k * months) > today) k--;
  while (addMonths(anchor, (k + 1) * months) <= today) k++;
  return {
    start: addMonths(anchor, k * months),
    next: addMonths(anchor, (k + 1) * months),
  };
}

/**
 * The UTC days of the current window, oldest first, ending with today
 * (included although only partly elapsed, so that the latest signals
 * count).
 * - rolling `N` days: the N days ending with today;
 * - calendar: from the first day of the current period through today.
 *
 * @public
 */
export function windowDays(timeWindow: SloTimeWindow, now: Date): string[] {
  const today = dayKey(now);
  if (timeWindow.type === 'rolling') {
    return dayRange(addDays(today, 1 - timeWindow.days), today);
  }
  return dayRange(calendarPeriod(timeWindow, now).start, today);
}

/**
 * Length in days of the whole current window (rolling: its days; calendar:
 * the full period, e.g. 31 in January), whereas {@link windowDays} stops at
 * today.
 *
 * @public
 */
export function windowLengthDays(timeWindow: SloTimeWindow, now: Date): number {
  if (timeWindow.type === 'rolling') {
    return timeWindow.days;
  }
  const { start, next } = calendarPeriod(timeWindow, now);
  return daysBetween(start, next);
}
