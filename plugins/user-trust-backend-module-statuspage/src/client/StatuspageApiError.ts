/**
 * Why a request to the Statuspage REST API did not give the data asked
 * for, in terms a person on the Sources page can act on:
 *
 * - `unauthorized` (401): the API key is wrong or revoked.
 * - `forbidden` (403): the key's user may not read this page.
 * - `not-found` (404): no such page (check the page id).
 * - `bad-request` (400, 422 and other 4xx): Statuspage refused the request.
 * - `rate-limited` (420 or 429 still answered after every wait).
 * - `server-error` (5xx or 408 after every retry), `network` (no answer).
 * - `invalid-response`: a 2xx whose body is not the JSON list expected.
 *
 * @public
 */
export type StatuspageApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'invalid-response';

/** @public */
export type StatuspageApiErrorDetails = {
  /** The configured page the request was for. */
  pageId: string;
  /** Request path and query; never the API key. */
  path: string;
  status?: number;
};

/**
 * A refusal or failure of the Statuspage REST API.
 *
 * @public
 */
export class StatuspageApiError extends Error {
  readonly name = 'StatuspageApiError';

  constructor(
    readonly kind: StatuspageApiErrorKind,
    message: string,
    readonly details: StatuspageApiErrorDetails,
  ) {
    super(message);
  }
}

/** The kind a final HTTP status stands for. */
export function statuspageErrorKind(status: number): StatuspageApiErrorKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 420:
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 || status === 408 ? 'server-error' : 'bad-request';
  }
}

/**
 * The message of an error body, read leniently: Statuspage answers
 * `{ "message": ... }` (its `ErrorEntity`) or `{ "error": ... }`, a proxy
 * in front of it anything at all.
 */
export function statuspageErrorMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text);
    const message = body?.message ?? body?.error;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
  } catch {
    // not JSON
  }
  return undefined;
}
