/**
 * The parts of PagerDuty's objects this module reads, as the REST API v2
 * (`GET /incidents`, `GET /incidents/{id}/log_entries`) and webhooks v3
 * (`event.data` of `incident.*` events) send them. Webhooks carry the same
 * incident object as the REST API, less some fields (no `resolved_at`, no
 * `acknowledgements`), so one type serves both with those fields optional.
 *
 * Sources: developer.pagerduty.com "Webhooks v3 Overview" (event data type
 * `incident`) and the REST API reference "List incidents" / "List log
 * entries for an incident".
 */

/**
 * A reference to another PagerDuty object (`service_reference`,
 * `user_reference`, `priority_reference`, ...).
 *
 * @public
 */
export type PagerDutyReference = {
  id: string;
  type?: string;
  summary?: string;
  self?: string | null;
  html_url?: string | null;
};

/** @public */
export type PagerDutyIncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

/** @public */
export type PagerDutyUrgency = 'high' | 'low';

/**
 * A PagerDuty incident.
 *
 * @public
 */
export type PagerDutyIncident = {
  id: string;
  type?: string;
  incident_number?: number;
  /** Webhooks v3 call the incident number `number`. */
  number?: number;
  title?: string;
  summary?: string;
  status: PagerDutyIncidentStatus | string;
  urgency?: PagerDutyUrgency | string;
  created_at: string;
  /** REST only. */
  resolved_at?: string | null;
  /** REST only. */
  last_status_change_at?: string | null;
  html_url?: string | null;
  incident_key?: string | null;
  service: PagerDutyReference;
  priority?: PagerDutyReference | null;
  assignees?: PagerDutyReference[];
  /** REST: `assignments[].assignee`; webhooks: `assignees`. */
  assignments?: Array<{ at?: string; assignee: PagerDutyReference }>;
  /** REST only, and only while acknowledged. */
  acknowledgements?: Array<{ at: string; acknowledger?: PagerDutyReference }>;
};

/**
 * One entry of an incident's log (`*_log_entry` types).
 *
 * @public
 */
export type PagerDutyLogEntry = {
  id: string;
  type: string;
  created_at: string;
  summary?: string;
  agent?: PagerDutyReference | null;
};

/**
 * A PagerDuty service with its integrations (`include[]=integrations`);
 * Events API integrations carry the `integration_key` that the
 * `pagerduty.com/integration-key` annotation names.
 *
 * @public
 */
export type PagerDutyService = {
  id: string;
  name?: string;
  summary?: string;
  html_url?: string | null;
  integrations?: Array<PagerDutyReference & { integration_key?: string }>;
};

/** A PagerDuty user, as `GET /users` lists them (the fields read). @public */
export type PagerDutyUser = {
  id: string;
  email?: string;
  name?: string;
};
