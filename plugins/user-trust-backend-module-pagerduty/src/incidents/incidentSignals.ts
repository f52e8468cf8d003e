import {
  SignalAttributes,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import {
  IncidentClassificationOptions,
  incidentSeverity,
  isCustomerImpacting,
} from './classification';
import { PagerDutyIncident } from './types';

/** The `source` of every signal this module builds. @public */
export const PAGERDUTY_SIGNAL_SOURCE = 'pagerduty';

/**
 * A signal before it is attributed to an entity: what is kept for an
 * incident of a PagerDuty service that maps to no entity yet.
 *
 * @public
 */
export type UnattributedSignal = Omit<SignalInput, 'entityRef'>;

/**
 * What is known about one incident: the incident object (from the REST API
 * or a webhook) plus lifecycle times that the object itself may not carry
 * (webhook event times, log entries).
 *
 * @public
 */
export type IncidentFacts = {
  /** The configured PagerDuty account the incident belongs to. */
  accountId: string;
  incident: PagerDutyIncident;
  /** First acknowledgement (for MTTA). */
  acknowledgedAt?: string;
  /** When it was resolved, if the incident object does not say. */
  resolvedAt?: string;
  /** First escalation or manual reassignment. */
  escalatedAt?: string;
  /** Which of the two `escalatedAt` is. */
  escalationType?: 'escalated' | 'reassigned';
  /** PagerDuty user id of the first acknowledger (from log entries). */
  acknowledgedBy?: string;
  /** Catalog User ref of who handled it (see {@link withHandledBy}). */
  handledBy?: string;
};

// Long titles are cut so that one incident stays within the attribute
// bounds of ingestion (SIGNAL_ATTRIBUTE_LIMITS) with room to spare.
const MAX_TITLE_LENGTH = 200;

const iso = (value: string) => new Date(value).toISOString();
const isDate = (value: string | null | undefined): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));
const notBefore = (value: string, floor: string) =>
  Date.parse(value) < Date.parse(floor) ? floor : value;

/** The first time of a list (ISO strings), ignoring what is not a date. */
export function earliest(
  ...values: Array<string | null | undefined>
): string | undefined {
  const dates = values.filter(isDate).map(iso).sort();
  return dates[0];
}

function resolvedAtOf(facts: IncidentFacts): string | undefined {
  const { incident } = facts;
  // A reopened incident is open again: its old resolution no longer counts.
  if (incident.status !== 'resolved') return undefined;
  const resolvedAt = [
    facts.resolvedAt,
    incident.resolved_at,
    incident.last_status_change_at,
  ].find(isDate);
  return resolvedAt ? iso(resolvedAt) : undefined;
}

function assigneeOf(incident: PagerDutyIncident) {
  return incident.assignees?.[0] ?? incident.assignments?.[0]?.assignee;
}

function incidentAttributes(
  facts: IncidentFacts,
  options: IncidentClassificationOptions,
): SignalAttributes {
  const { incident } = facts;
  const priority = incident.priority?.summary;
  const attributes: SignalAttributes = {
    pagerdutyAccount: facts.accountId,
    incidentId: incident.id,
    status: incident.status,
    serviceId: incident.service.id,
    customerImpacting: isCustomerImpacting(priority, incident.urgency, options),
  };
  const number = incident.incident_number ?? incident.number;
  if (number !== undefined) attributes.incidentNumber = number;
  if (incident.urgency) attributes.urgency = incident.urgency;
  if (priority) attributes.priority = priority;
  if (incident.service.summary) {
    attributes.serviceName = incident.service.summary;
  }
  if (incident.html_url) attributes.url = incident.html_url;
  const title = incident.title ?? incident.summary;
  if (title) attributes.title = title.slice(0, MAX_TITLE_LENGTH);
  const assignee = assigneeOf(incident);
  if (assignee) {
    attributes.assigneeId = assignee.id;
    if (assignee.summary) attributes.assigneeName = assignee.summary;
  }
  const acknowledgedAt = earliest(
    facts.acknowledgedAt,
    ...(incident.acknowledgements ?? []).map(a => a.at),
  );
  if (acknowledgedAt) attributes.acknowledgedAt = acknowledgedAt;
  if (facts.escalatedAt && isDate(facts.escalatedAt)) {
    attributes.escalatedAt = iso(facts.escalatedAt);
  }
  return attributes;
}

/**
 * Facts with `handledBy` set to the catalog User of the incident's handler:
 * its first assignee, or, once PagerDuty has cleared the assignments of a
 * resolved incident, its first acknowledger.
 *
 * @public
 */
export function withHandledBy(
  facts: IncidentFacts,
  resolver?: {
    resolve(accountId: string, pagerDutyUserId: string): string | undefined;
  },
): IncidentFacts {
  const handlerId = assigneeOf(facts.incident)?.id ?? facts.acknowledgedBy;
  const handledBy = handlerId && resolver?.resolve(facts.accountId, handlerId);
  return handledBy ? { ...facts, handledBy } : facts;
}

/**
 * The signals of one incident: always one `incident` signal whose
 * `externalId` is the incident id (so every event of the incident updates
 * the same signal), and one `escalation` signal (`<id>:escalation`) once
 * the incident was escalated or reassigned.
 *
 * @public
 */
export function buildIncidentSignals(
  facts: IncidentFacts,
  options: IncidentClassificationOptions = {},
): UnattributedSignal[] {
  const { incident } = facts;
  const occurredAt = iso(incident.created_at);
  const resolvedAt = resolvedAtOf(facts);
  const severity = incidentSeverity(
    incident.priority?.summary,
    incident.urgency,
    options,
  );
  const attributes = incidentAttributes(facts, options);

  const signals: UnattributedSignal[] = [
    {
      source: PAGERDUTY_SIGNAL_SOURCE,
      externalId: incident.id,
      kind: 'incident',
      occurredAt,
      ...(resolvedAt && { resolvedAt: notBefore(resolvedAt, occurredAt) }),
      ...(severity && { severity }),
      ...(facts.handledBy && { handledBy: facts.handledBy }),
      attributes,
    },
  ];

  if (facts.escalatedAt && isDate(facts.escalatedAt)) {
    signals.push({
      source: PAGERDUTY_SIGNAL_SOURCE,
      externalId: `${incident.id}:escalation`,
      kind: 'escalation',
      occurredAt: notBefore(iso(facts.escalatedAt), occurredAt),
      ...(severity && { severity }),
      attributes: {
        pagerdutyAccount: facts.accountId,
        incidentId: incident.id,
        serviceId: incident.service.id,
        escalationType: facts.escalationType ?? 'escalated',
        ...(attributes.url !== undefined && { url: attributes.url }),
      },
    });
  }
  return signals;
}

/**
 * Signals attributed to a catalog entity, ready for ingestion.
 *
 * @public
 */
export function attributeSignals(
  signals: UnattributedSignal[],
  entityRef: string,
): SignalInput[] {
  return signals.map(signal => ({ ...signal, entityRef }));
}
