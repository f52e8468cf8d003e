/**
 * Prometheus signal source for the User Trust backend: each entity's
 * daily good/total ratio (annotations `prometheus.io/sli-good` and
 * `prometheus.io/sli-total`, or `prometheus.io/sli-ratio`, or config),
 * read over the Prometheus HTTP API and stored as `sli_report` signals,
 * the technical side of perception dissonance; the backend module (the
 * default export) registers it as the `prometheus` connector.
 *
 * @packageDocumentation
 */

export { prometheusModule as default } from './module';

export * from './config';
export * from './client/types';
export { PrometheusApiError } from './client/PrometheusApiError';
export type {
  PrometheusApiErrorDetails,
  PrometheusApiErrorKind,
} from './client/PrometheusApiError';
export { PrometheusClient } from './client/PrometheusClient';
export type {
  PrometheusClientOptions,
  PrometheusCredentials,
  PrometheusResult,
} from './client/PrometheusClient';
export * from './mapping/sliQueries';
export {
  dailyGoodTotal,
  dailyRatio,
  PROMETHEUS_SOURCE,
  sliSignal,
} from './mapping/sliSignals';
export type { DailySli } from './mapping/sliSignals';
export * from './sync/syncSlis';
