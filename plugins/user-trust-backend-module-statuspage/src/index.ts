/**
 * Atlassian Statuspage signal source for the User Trust backend: the
 * incidents and scheduled maintenances users saw on a status page, from
 * webhook notifications (accepted by a secret token in the URL) and the
 * REST API, mapped to catalog entities by their components, and the
 * backend module (the default export) that registers them as the
 * `statuspage` connector.
 *
 * @packageDocumentation
 */

export { statuspageModule as default } from './module';

export * from './config';
export { StatuspageApiError } from './client/StatuspageApiError';
export type {
  StatuspageApiErrorDetails,
  StatuspageApiErrorKind,
} from './client/StatuspageApiError';
export {
  StatuspageClient,
  STATUSPAGE_DEFAULT_BASE_URL,
  STATUSPAGE_MAX_PAGE_SIZE,
} from './client/StatuspageClient';
export type {
  ListStatuspageIncidentsOptions,
  StatuspageClientOptions,
  StatuspageFetch,
  StatuspageFetchResponse,
} from './client/StatuspageClient';
export type { StatuspageRetryOptions } from './client/waits';
export * from './incidents/types';
export * from './incidents/incidentSignals';
export * from './mapping/ComponentEntityMapping';
export * from './mapping/attributeIncident';
export * from './webhook/webhookToken';
export * from './webhook/webhookEvents';
export * from './webhook/handleStatuspageWebhook';
export * from './sync/syncIncidents';
