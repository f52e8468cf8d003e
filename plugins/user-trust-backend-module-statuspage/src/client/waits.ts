/**
 * How long the client waits before asking Statuspage again.
 *
 * Rate limits (Atlassian Community, "Upcoming rate limiting changes to
 * Statuspage REST API", 2020): over the limit Statuspage answers 429
 * (formerly 420, still seen) with a `Retry-After` header, e.g. 60 seconds;
 * paginated requests may be made 60 times a minute. `Retry-After` is
 * seconds or an HTTP date (RFC 9110 §10.2.3); without it the wait doubles.
 */

/** @public */
export type StatuspageRetryOptions = {
  /** Retries of a 5xx, 408 or network failure. Default 4 (5 attempts). */
  maxRetries?: number;
  /** 420/429 answers waited out in a row before giving up. Default 10. */
  maxRateLimitWaits?: number;
  /** First backoff, doubled each time. Default 1,000 ms. */
  baseDelayMs?: number;
  /** Longest single wait. Default 120,000 ms (Statuspage asks for 60 s). */
  maxDelayMs?: number;
};

/** The wait before retry `attempt` (0 first) of a transient failure. */
export function exponentialDelayMs(
  attempt: number,
  options: StatuspageRetryOptions,
): number {
  const base = options.baseDelayMs ?? 1000;
  return Math.min(options.maxDelayMs ?? 120_000, base * 2 ** attempt);
}

/** The wait a rate-limited answer asks for with its `Retry-After`. */
export function retryAfterDelayMs(
  retryAfter: string | null,
  attempt: number,
  nowMs: number,
  options: StatuspageRetryOptions,
): number {
  const max = options.maxDelayMs ?? 120_000;
  const value = retryAfter?.trim();
  if (value && /^\d+(\.\d+)?$/.test(value)) {
    return Math.min(max, Number(value) * 1000);
  }
  const date = value ? Date.parse(value) : NaN;
  if (!Number.isNaN(date)) return Math.min(max, Math.max(0, date - nowMs));
  return exponentialDelayMs(attempt, options);
}
