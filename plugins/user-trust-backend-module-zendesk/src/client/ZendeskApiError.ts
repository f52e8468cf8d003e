/**
 * How a Zendesk API request failed:
 *
 * - `auth`: 401 or 403, the credentials are wrong or lack a permission;
 * - `rate-limited`: 429 still answered after every retry;
 * - `server`: 5xx still answered after every retry;
 * - `client`: any other 4xx (a bad cursor, an unknown ticket);
 * - `invalid-response`: an answer that is not the JSON the contract names;
 * - `network`: no answer at all.
 *
 * @public
 */
export type ZendeskApiErrorKind =
  | 'auth'
  | 'rate-limited'
  | 'server'
  | 'client'
  | 'invalid-response'
  | 'network';

/** @public */
export type ZendeskApiErrorDetails = {
  kind: ZendeskApiErrorKind;
  /** HTTP status, absent for network failures. */
  status?: number;
  /** Path of the request, without its query (which may hold a cursor). */
  path: string;
};

/**
 * A failed Zendesk API request, with a message that names the request and
 * what to do about it (shown on the Sources page).
 *
 * @public
 */
export class ZendeskApiError extends Error {
  readonly kind: ZendeskApiErrorKind;
  readonly status?: number;
  readonly path: string;

  constructor(message: string, details: ZendeskApiErrorDetails) {
    super(message);
    this.name = 'ZendeskApiError';
    this.kind = details.kind;
    this.status = details.status;
    this.path = details.path;
  }
}
