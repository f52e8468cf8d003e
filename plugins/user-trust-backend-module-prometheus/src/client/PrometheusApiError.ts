/**
 * What went wrong with a Prometheus request:
 * - `bad_data`, `execution`, `timeout`, `canceled`, `internal`,
 *   `unavailable`, `not_found`: the `errorType` of Prometheus's error
 *   envelope (400 bad PromQL or parameters, 422 not executable, 503 timed
 *   out or aborted, ...);
 * - `http`: a non-2xx answer without an envelope (a proxy in front);
 * - `invalid-response`: a body that is not the documented JSON;
 * - `network`: no answer (refused, DNS, our own timeout).
 *
 * @public
 */
export type PrometheusApiErrorKind =
  | 'bad_data'
  | 'execution'
  | 'timeout'
  | 'canceled'
  | 'internal'
  | 'unavailable'
  | 'not_found'
  | 'http'
  | 'invalid-response'
  | 'network';

/** @public */
export type PrometheusApiErrorDetails = {
  kind: PrometheusApiErrorKind | string;
  /** HTTP status, absent when no answer came. */
  status?: number;
};

/**
 * A failed Prometheus request; the message names the status, the
 * `errorType` and Prometheus's own `error` text.
 *
 * @public
 */
export class PrometheusApiError extends Error {
  readonly kind: PrometheusApiErrorDetails['kind'];
  readonly status?: number;

  constructor(message: string, details: PrometheusApiErrorDetails) {
    super(message);
    this.name = 'PrometheusApiError';
    this.kind = details.kind;
    this.status = details.status;
  }
}
