import { SignalInput } from '@user-trust/plugin-user-trust-common';
import { IncidentClassificationOptions } from '../incidents/classification';
import {
  attributeSignals,
  buildIncidentSignals,
  IncidentFacts,
  UnattributedSignal,
  withHandledBy,
} from '../incidents/incidentSignals';
import { IncidentTimeline } from '../incidents/logEntryTimeline';
import { PagerDutyIncident, PagerDutyReference } from '../incidents/types';
import { HandledByResolver } from '../mapping/HandledByResolver';
import {
  ServiceEntityMapping,
  ServiceMappingSource,
} from '../mapping/ServiceEntityMapping';
import {
  UnmappedPagerDutyService,
  unmappedServiceOf,
} from '../mapping/unmappedService';

/**
 * Webhooks v3 payloads: `{ event: { id, event_type, resource_type,
 * occurred_at, agent, client, data } }`, one event per delivery; for
 * `incident.*` events that change the incident, `data` is the incident
 * (developer.pagerduty.com, "Webhooks v3 Overview": Webhook Payload, Event
 * Types, Event Data Types).
 */

/** A webhooks v3 event. @public */
export type PagerDutyWebhookEvent = {
  id: string;
  event_type: string;
  resource_type: string;
  occurred_at: string;
  agent?: PagerDutyReference | null;
  client?: { name?: string } | null;
  data: unknown;
};

/** @public */
export type WebhookPayloadParseResult =
  | { ok: true; event: PagerDutyWebhookEvent }
  | { ok: false; message: string };

/**
 * The event types whose `data` is the incident and which change what the
 * incident signal says. Every other type (notes, responders, status
 * updates, services, types added later) is acknowledged and ignored.
 *
 * @public
 */
export const PAGERDUTY_INCIDENT_EVENT_TYPES = [
  'incident.triggered',
  'incident.acknowledged',
  'incident.unacknowledged',
  'incident.escalated',
  'incident.delegated',
  'incident.reassigned',
  'incident.priority_updated',
  'incident.resolved',
  'incident.reopened',
] as const;

/** @public */
export type PagerDutyIncidentEventType =
  (typeof PAGERDUTY_INCIDENT_EVENT_TYPES)[number];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;
const isDate = (value: unknown): value is string =>
  isString(value) && !Number.isNaN(Date.parse(value));

/**
 * Parses a delivery's raw body into its event. Never throws: malformed JSON
 * or a body without an event is a failure naming what is wrong (the route
 * answers it with 400, which PagerDuty does not retry).
 *
 * @public
 */
export function parsePagerDutyWebhookPayload(
  rawBody: Buffer | string,
): WebhookPayloadParseResult {
  let payload: unknown;
  try {
    payload = JSON.parse(
      Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody,
    );
  } catch (error) {
    return { ok: false, message: `body is not JSON: ${String(error)}` };
  }
  if (!isObject(payload) || !isObject(payload.event)) {
    return { ok: false, message: 'body has no "event" object' };
  }
  const event = payload.event;
  for (const field of ['id', 'event_type', 'resource_type'] as const) {
    if (!isString(event[field])) {
      return { ok: false, message: `event.${field} must be a string` };
    }
  }
  if (!isDate(event.occurred_at)) {
    return { ok: false, message: 'event.occurred_at must be a date-time' };
  }
  return { ok: true, event: event as PagerDutyWebhookEvent };
}

/** Why an incident in `data` cannot be read, or undefined when it can. */
function incidentProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'event.data must be an object';
  if (!isString(data.id)) return 'event.data.id must be a string';
  if (!isString(data.status)) return 'event.data.status must be a string';
  if (!isDate(data.created_at)) {
    return 'event.data.created_at must be a date-time';
  }
  if (!isObject(data.service) || !isString(data.service.id)) {
    return 'event.data.service.id must be a string';
  }
  return undefined;
}

/** What a webhook event means for User Trust. @public */
export type WebhookEventOutcome =
  | {
      type: 'signals';
      eventId: string;
      eventType: string;
      incidentId: string;
      entityRef: string;
      via: ServiceMappingSource;
      signals: SignalInput[];
      /**
       * The incident was resolved but the payload cannot tell when it was
       * acknowledged (webhooks carry no acknowledgements): its log entries
       * have the time (see `PagerDutyClient.getIncidentTimeline`).
       */
      needsTimeline: boolean;
    }
  | {
      type: 'unmapped';
      eventId: string;
      eventType: string;
      incidentId: string;
      service: UnmappedPagerDutyService;
      /** Kept until the service is mapped, then attributed and ingested. */
      signals: UnattributedSignal[];
    }
  | { type: 'ignored'; eventId: string; eventType: string; reason: string }
  | { type: 'invalid'; eventId: string; eventType: string; message: string };

/** @public */
export type WebhookEventContext = {
  /** The configured account whose secret verified the delivery. */
  accountId: string;
  mapping: Pick<ServiceEntityMapping, 'resolve'>;
  classification?: IncidentClassificationOptions;
  /** The incident's log-entry timeline, when it was fetched. */
  timeline?: IncidentTimeline;
  /** Finds the catalog User of the incident's handler. */
  handledBy?: Pick<HandledByResolver, 'resolve'>;
};

/** Lifecycle times an event type itself tells, beyond the incident object. */
function factsOf(
  event: PagerDutyWebhookEvent,
  incident: PagerDutyIncident,
  context: WebhookEventContext,
): IncidentFacts {
  const facts: IncidentFacts = {
    accountId: context.accountId,
    incident,
    ...context.timeline,
  };
  const at = event.occurred_at;
  switch (event.event_type as PagerDutyIncidentEventType) {
    // The log entries, when known, tell the first time; an event its own.
    case 'incident.acknowledged':
      facts.acknowledgedAt = facts.acknowledgedAt ?? at;
      break;
    case 'incident.escalated':
    case 'incident.delegated':
    case 'incident.reassigned':
      if (!facts.escalatedAt) {
        facts.escalatedAt = at;
        facts.escalationType =
          event.event_type === 'incident.reassigned'
            ? 'reassigned'
            : 'escalated';
      }
      break;
    case 'incident.resolved':
      facts.resolvedAt = facts.resolvedAt ?? at;
      break;
    default:
      break;
  }
  return facts;
}

/**
 * Turns one verified event into signals for its service's entity, signals
 * kept as unmapped, or an ignored event. Never throws.
 *
 * @public
 */
export function interpretPagerDutyWebhookEvent(
  event: PagerDutyWebhookEvent,
  context: WebhookEventContext,
): WebhookEventOutcome {
  const base = { eventId: event.id, eventType: event.event_type };
  if (
    !(PAGERDUTY_INCIDENT_EVENT_TYPES as readonly string[]).includes(
      event.event_type,
    )
  ) {
    return { ...base, type: 'ignored', reason: 'event type not used' };
  }
  const problem = incidentProblem(event.data);
  if (problem) return { ...base, type: 'invalid', message: problem };

  const incident = event.data as PagerDutyIncident;
  const signals = buildIncidentSignals(
    withHandledBy(factsOf(event, incident, context), context.handledBy),
    context.classification,
  );
  const match = context.mapping.resolve(context.accountId, incident.service.id);
  if (!match) {
    return {
      ...base,
      type: 'unmapped',
      incidentId: incident.id,
      service: unmappedServiceOf(context.accountId, incident),
      signals,
    };
  }
  return {
    ...base,
    type: 'signals',
    incidentId: incident.id,
    entityRef: match.entityRef,
    via: match.via,
    signals: attributeSignals(signals, match.entityRef),
    needsTimeline: incident.status === 'resolved' && !context.timeline,
  };
}
