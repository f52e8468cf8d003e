/**
 * How long to wait before asking again.
 *
 * 429: PagerDuty sends `ratelimit-reset`, the seconds until the limit
 * resets (REST API "Rate Limits": "make use of the `ratelimit-reset` header
 * to wait the appropriate number of seconds before retrying"); it may also
 * answer 429 without the headers, so `Retry-After` (seconds or an HTTP
 * date, RFC 9110) and then exponential backoff are the fallbacks.
 * 5xx and network failures: exponential backoff ("we recommend adding
 * retry logic", REST API "Errors").
 */

/** Header lookup as `fetch`'s `Headers` offers it. @public */
export type HeaderLookup = { get(name: string): string | null };

/** @public */
export type BackoffOptions = {
  /** First backoff; doubled per attempt. Default 1,000 ms. */
  baseDelayMs?: number;
  /** Longest single wait. Default 60,000 ms. */
  maxDelayMs?: number;
};

const DEFAULT_BASE_DELAY_MS = 1000;
const DEFAULT_MAX_DELAY_MS = 60_000;

/** Exponential backoff for the given attempt (0 for the first retry). */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions = {},
): number {
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  return Math.min(max, base * 2 ** attempt);
}

function secondsHeader(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value) * 1000;
}

/**
 * The wait a 429 answer asks for: `ratelimit-reset`, else `Retry-After`,
 * else backoff; never negative, never more than `maxDelayMs`.
 */
export function rateLimitDelayMs(
  headers: HeaderLookup,
  attempt: number,
  now: number,
  options: BackoffOptions = {},
): number {
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const reset = secondsHeader(headers.get('ratelimit-reset'));
  if (reset !== undefined) return Math.min(max, reset);
  const retryAfter = headers.get('retry-after');
  const seconds = secondsHeader(retryAfter);
  if (seconds !== undefined) return Math.min(max, seconds);
  if (retryAfter) {
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.min(max, Math.max(0, date - now));
  }
  return backoffDelayMs(attempt, options);
}
