/**
 * `GET /incidents` takes `since` and `until` at most 6 months apart
 * (REST API reference, List incidents: "Maximum range is 6 months"), so a
 * longer history is read one slice after the other. 180 days never exceeds
 * 6 calendar months (the shortest six are 181 days).
 */

/** The longest span of one `since`/`until` request. @public */
export const PAGERDUTY_MAX_SINCE_UNTIL_SPAN_MS = 180 * 24 * 60 * 60 * 1000;

/** @public */
export type TimeSlice = { since: Date; until: Date };

/**
 * Consecutive slices of at most `spanMs` covering `[since, until)`; none
 * when `until` is not after `since`.
 */
export function timeSlices(
  since: Date,
  until: Date,
  spanMs: number,
): TimeSlice[] {
  if (!(spanMs > 0)) throw new Error(`slice span must be positive`);
  const span = Math.min(spanMs, PAGERDUTY_MAX_SINCE_UNTIL_SPAN_MS);
  const slices: TimeSlice[] = [];
  for (let start = since.getTime(); start < until.getTime(); start += span) {
    slices.push({
      since: new Date(start),
      until: new Date(Math.min(start + span, until.getTime())),
    });
  }
  return slices;
}
