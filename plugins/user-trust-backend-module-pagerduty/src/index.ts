/**
 * PagerDuty signal source for the User Trust backend: webhooks v3
 * verification and interpretation, REST API v2 incident reading, and the
 * mapping of PagerDuty services to catalog entities, and the backend module
 * (the default export) that registers them as the `pagerduty` connector.
 *
 * @packageDocumentation
 */

export { pagerDutyModule as default } from './module';

export * from './config';
export { PagerDutyApiError } from './client/PagerDutyApiError';
export type {
  PagerDutyApiErrorDetails,
  PagerDutyApiErrorKind,
} from './client/PagerDutyApiError';
export {
  PagerDutyClient,
  PAGERDUTY_DEFAULT_BASE_URL,
  PAGERDUTY_MAX_PAGE_SIZE,
  PAGERDUTY_PAGINATION_CAP,
} from './client/PagerDutyClient';
export type {
  FetchLike,
  FetchLikeResponse,
  ListIncidentsOptions,
  PagerDutyClientOptions,
} from './client/PagerDutyClient';
export type { BackoffOptions, HeaderLookup } from './client/retryDelay';
export { PAGERDUTY_MAX_SINCE_UNTIL_SPAN_MS } from './client/timeSlices';
export * from './incidents/types';
export * from './incidents/classification';
export {
  PAGERDUTY_SIGNAL_SOURCE,
  attributeSignals,
  buildIncidentSignals,
  withHandledBy,
} from './incidents/incidentSignals';
export type {
  IncidentFacts,
  UnattributedSignal,
} from './incidents/incidentSignals';
export * from './incidents/logEntryTimeline';
export * from './mapping/ServiceEntityMapping';
export * from './mapping/HandledByResolver';
export type { UnmappedPagerDutyService } from './mapping/unmappedService';
export * from './webhook/webhookSignature';
export * from './webhook/webhookEvents';
export * from './webhook/handlePagerDutyWebhook';
export * from './sync/syncIncidents';
