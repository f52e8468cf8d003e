/**
 * Zendesk signal source for the User Trust backend: tickets become
 * `support_case` signals, moves to an escalation group or tag
 * `escalation` signals, satisfaction ratings and customizable CSAT survey
 * responses `csat_response` signals, from ticket webhooks (signed), the
 * cursor-based incremental ticket export and the survey responses list, mapped to catalog entities by a ticket field, a tag prefix or
 * the `zendesk.com/tags` annotation; the backend module (the default
 * export) registers them as the `zendesk` connector.
 *
 * @packageDocumentation
 */

export { zendeskModule as default } from './module';

export * from './config';
export * from './client/types';
export { ZendeskApiError } from './client/ZendeskApiError';
export type {
  ZendeskApiErrorDetails,
  ZendeskApiErrorKind,
} from './client/ZendeskApiError';
export {
  retryAfterMs,
  ZendeskClient,
  ZENDESK_EXPORT_PAGE_SIZE,
  ZENDESK_SHOW_MANY_LIMIT,
  ZENDESK_SURVEY_PAGE_SIZE,
} from './client/ZendeskClient';
export type {
  ZendeskClientOptions,
  ZendeskCredentials,
  ZendeskFetch,
  ZendeskFetchResponse,
} from './client/ZendeskClient';
export * from './mapping/ticketSignals';
export * from './mapping/surveyResponseSignals';
export * from './mapping/TicketEntityMapping';
export * from './webhook/webhookSignature';
export {
  handleZendeskWebhook,
  ticketEventHints,
  ticketFromEventDetail,
  ZENDESK_TICKET_EVENT_PREFIX,
} from './webhook/handleZendeskWebhook';
export type {
  ZendeskTicketEvent,
  ZendeskWebhookOutcome,
} from './webhook/handleZendeskWebhook';
export * from './sync/syncTickets';
export * from './sync/syncSurveyResponses';
