import { createHash } from 'node:crypto';
import {
  SignalAttributes,
  SignalInput,
  SignalSeverity,
} from '@user-trust/plugin-user-trust-common';
import { StatuspageIncident } from './types';

/** The `source` of every signal this module builds. @public */
export const STATUSPAGE_SIGNAL_SOURCE = 'statuspage';

/**
 * A signal before it is attributed to an entity. Its `externalId` is the
 * incident id; {@link attributeStatuspageSignal} makes it the id of the
 * incident on one entity. What is kept for components that map to no
 * entity yet.
 *
 * @public
 */
export type StatuspageUnattributedSignal = Omit<SignalInput, 'entityRef'>;

/**
 * What one incident becomes: a signal, or nothing yet for a maintenance
 * that has not started (ingestion refuses times more than 15 minutes ahead;
 * the signal is built once the maintenance starts).
 *
 * @public
 */
export type StatuspageIncidentSignal =
  | { type: 'signal'; signal: StatuspageUnattributedSignal }
  | { type: 'upcoming'; startsAt: string };

/**
 * Severity from the incident's impact (`impact_override` when set):
 * critical → critical, major → high, minor → medium, none → low; the
 * impact `maintenance` and unknown values give none.
 *
 * @public
 */
export function severityOfImpact(
  impact: string | null | undefined,
): SignalSeverity | undefined {
  switch (impact) {
    case 'critical':
      return 'critical';
    case 'major':
      return 'high';
    case 'minor':
      return 'medium';
    case 'none':
      return 'low';
    default:
      return undefined;
  }
}

const MAINTENANCE_STATUSES = [
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
];
const RESOLVED_STATUSES = ['resolved', 'postmortem'];

/**
 * Whether an incident is a scheduled maintenance: it has `scheduled_for`,
 * a maintenance status, or the impact `maintenance`.
 *
 * @public
 */
export function isScheduledMaintenance(incident: StatuspageIncident): boolean {
  return (
    Boolean(incident.scheduled_for) ||
    MAINTENANCE_STATUSES.includes(incident.status) ||
    incident.impact === 'maintenance'
  );
}

/**
 * The components an incident names, by id, with their names where known:
 * its `components` (REST API) and the `affected_components` of its updates
 * (whose `code` is the component id), sorted by id.
 *
 * @public
 */
export function componentsOfIncident(
  incident: StatuspageIncident,
): Array<{ id: string; name?: string }> {
  const names = new Map<string, string | undefined>();
  const add = (id: unknown, name: unknown) => {
    if (typeof id !== 'string' || id.length === 0) return;
    const known = names.get(id);
    names.set(id, known ?? (typeof name === 'string' ? name : undefined));
  };
  for (const component of incident.components ?? []) {
    add(component?.id, component?.name);
  }
  for (const update of incident.incident_updates ?? []) {
    for (const affected of update?.affected_components ?? []) {
      add(affected?.code, affected?.name);
    }
  }
  return [...names.keys()].sort().map(id => ({
    id,
    ...(names.get(id) !== undefined && { name: names.get(id) }),
  }));
}

const MAX_NAME_LENGTH = 200;
const MAX_ATTRIBUTE_LENGTH = 1024;
const MAX_EXTERNAL_ID_LENGTH = 255;

const isDate = (value: string | null | undefined): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));
const iso = (value: string) => new Date(value).toISOString();
const later = (a: string, b: string) => (Date.parse(a) < Date.parse(b) ? b : a);
const listAttribute = (values: string[]) =>
  values.join(',').slice(0, MAX_ATTRIBUTE_LENGTH);

function attributesOf(
  pageId: string,
  incident: StatuspageIncident,
  impact: string | undefined,
): SignalAttributes {
  const components = componentsOfIncident(incident);
  const attributes: SignalAttributes = {
    statuspagePage: pageId,
    incidentId: incident.id,
    status: incident.status,
  };
  if (incident.name) attributes.name = incident.name.slice(0, MAX_NAME_LENGTH);
  if (impact) attributes.impact = impact;
  if (incident.shortlink) attributes.url = incident.shortlink;
  if (components.length > 0) {
    attributes.componentIds = listAttribute(components.map(c => c.id));
    const named = components.flatMap(c => (c.name ? [c.name] : []));
    if (named.length > 0) attributes.componentNames = listAttribute(named);
  }
  return attributes;
}

/**
 * The signal of one incident or maintenance, before attribution.
 *
 * - A realtime incident is an `incident` signal: `occurredAt` its
 *   `started_at` (else `created_at`), `resolvedAt` its `resolved_at` once
 *   resolved (status resolved or postmortem; absent again when reopened),
 *   severity from {@link severityOfImpact}.
 * - A scheduled maintenance ({@link isScheduledMaintenance}) is a
 *   `known_event` spanning `scheduled_for` to its end: `resolved_at` once
 *   completed, else `scheduled_until` once that has passed (a time ahead of
 *   `now` is left out, as ingestion refuses it; the signal gains its end
 *   when a later webhook or sync sees it). One that has not started is
 *   `upcoming`.
 *
 * @param now - the clock, for times ingestion would refuse as future
 * @public
 */
export function buildStatuspageSignal(
  pageId: string,
  incident: StatuspageIncident,
  now: Date,
): StatuspageIncidentSignal {
  const maintenance = isScheduledMaintenance(incident);
  const impact = incident.impact_override || incident.impact || undefined;
  const start = [
    ...(maintenance ? [incident.scheduled_for] : []),
    incident.started_at,
    incident.created_at,
  ].find(isDate);
  if (!start) {
    throw new Error(`Statuspage incident ${incident.id} has no valid time`);
  }
  const occurredAt = iso(start);
  if (Date.parse(occurredAt) > now.getTime()) {
    return { type: 'upcoming', startsAt: occurredAt };
  }

  let end: string | undefined;
  if (maintenance) {
    if (incident.status === 'completed' && isDate(incident.resolved_at)) {
      end = incident.resolved_at;
    } else if (
      isDate(incident.scheduled_until) &&
      Date.parse(incident.scheduled_until) <= now.getTime()
    ) {
      end = incident.scheduled_until;
    }
  } else if (
    RESOLVED_STATUSES.includes(incident.status) &&
    isDate(incident.resolved_at)
  ) {
    end = incident.resolved_at;
  }
  const resolvedAt = end && later(iso(end), occurredAt);

  const attributes = attributesOf(pageId, incident, impact);
  if (maintenance) {
    attributes.maintenance = true;
    if (isDate(incident.scheduled_until)) {
      attributes.scheduledUntil = iso(incident.scheduled_until);
    }
  }
  const severity = maintenance ? undefined : severityOfImpact(impact);
  return {
    type: 'signal',
    signal: {
      source: STATUSPAGE_SIGNAL_SOURCE,
      externalId: incident.id,
      kind: maintenance ? 'known_event' : 'incident',
      occurredAt,
      ...(resolvedAt && { resolvedAt }),
      ...(severity && { severity }),
      attributes,
    },
  };
}

/**
 * The external id of an incident on one entity, the incident id and the
 * entity ref joined by a colon, so an incident on several entities is one
 * signal per entity and every webhook and sync of it updates the same
 * ones. Longer than the 255 characters ingestion accepts, the ref is
 * replaced by its SHA-256.
 *
 * @public
 */
export function statuspageExternalId(
  incidentId: string,
  entityRef: string,
): string {
  const plain = `${incidentId}:${entityRef}`;
  if (plain.length <= MAX_EXTERNAL_ID_LENGTH) return plain;
  const digest = createHash('sha256').update(entityRef).digest('hex');
  return `${incidentId}:sha256:${digest}`;
}

/**
 * A signal attributed to one entity, ready for ingestion. Also what
 * attributes a kept signal once its component is mapped: the external id
 * comes out the same as if it had been mapped from the start.
 *
 * @public
 */
export function attributeStatuspageSignal(
  signal: StatuspageUnattributedSignal,
  entityRef: string,
): SignalInput {
  const incidentId = String(signal.attributes?.incidentId ?? signal.externalId);
  return {
    ...signal,
    externalId: statuspageExternalId(incidentId, entityRef),
    entityRef,
  };
}
