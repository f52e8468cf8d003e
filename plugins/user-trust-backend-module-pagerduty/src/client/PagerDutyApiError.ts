/**
 * What went wrong talking to PagerDuty, in words a person on the Sources
 * page can act on:
 *
 * - `unauthorized` (401): the token is wrong or revoked.
 * - `forbidden` (403) / `payment-required` (402): the token or account may
 *   not read this.
 * - `not-found` (404).
 * - `bad-request` (400 and other 4xx): PagerDuty refused the arguments; not
 *   retried (PagerDuty: "Retrying with the same arguments will not work").
 * - `rate-limited` (429 still answered after every wait).
 * - `server-error` (5xx or 408 after every retry), `network` (no answer).
 * - `invalid-response`: a 2xx whose body is not the JSON expected.
 * - `pagination-limit`: more incidents at one instant than PagerDuty lets a
 *   client page through (10,000), so not all can be read.
 *
 * @public
 */
export type PagerDutyApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'payment-required'
  | 'not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'invalid-response'
  | 'pagination-limit';

/** @public */
export type PagerDutyApiErrorDetails = {
  /** The request path and query, never the token. */
  path: string;
  status?: number;
  /** PagerDuty's error code (`error.code`), e.g. 2006 for failed authentication. */
  code?: number;
  /** PagerDuty's `error.errors`: human-readable details. */
  errors?: string[];
};

/**
 * An answer of the PagerDuty REST API that is not the data asked for.
 *
 * @public
 */
export class PagerDutyApiError extends Error {
  readonly name = 'PagerDutyApiError';

  constructor(
    readonly kind: PagerDutyApiErrorKind,
    message: string,
    readonly details: PagerDutyApiErrorDetails,
  ) {
    super(message);
  }
}

/** The kind of error a final (not retried) HTTP status means. */
export function errorKindOfStatus(status: number): PagerDutyApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 402) return 'payment-required';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500 || status === 408) return 'server-error';
  return 'bad-request';
}

/**
 * PagerDuty's error body, `{ error: { message, code, errors } }` (REST API
 * "Errors"), read leniently: an answer from a proxy may be anything.
 */
export function readErrorBody(text: string): {
  message?: string;
  code?: number;
  errors?: string[];
} {
  try {
    const body = JSON.parse(text);
    const error = body?.error;
    if (typeof error !== 'object' || error === null) return {};
    return {
      ...(typeof error.message === 'string' && { message: error.message }),
      ...(typeof error.code === 'number' && { code: error.code }),
      ...(Array.isArray(error.errors) && {
        errors: error.errors.filter((e: unknown) => typeof e === 'string'),
      }),
    };
  } catch {
    return {};
  }
}
