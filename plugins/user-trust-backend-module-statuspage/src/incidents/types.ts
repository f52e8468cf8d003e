/**
 * The Statuspage objects this module reads, as the REST API
 * (`https://api.statuspage.io/v1`, "Incidents", "Components") returns them
 * and as webhook notifications carry them. Only the fields used are typed;
 * Statuspage sends more. Times are ISO 8601 strings, possibly with an
 * offset (`2013-05-29T15:08:51-06:00` in Statuspage's webhook sample).
 */

/**
 * Impact of an incident. `maintenance` is the impact of scheduled
 * maintenances.
 *
 * @public
 */
export type StatuspageImpact =
  | 'none'
  | 'maintenance'
  | 'minor'
  | 'major'
  | 'critical';

/**
 * Status of an incident. Realtime incidents: investigating, identified,
 * monitoring, resolved (and postmortem once one is written); scheduled
 * maintenances: scheduled, in_progress, verifying, completed.
 *
 * @public
 */
export type StatuspageIncidentStatus =
  | 'investigating'
  | 'identified'
  | 'monitoring'
  | 'resolved'
  | 'postmortem'
  | 'scheduled'
  | 'in_progress'
  | 'verifying'
  | 'completed';

/** Status of a component. @public */
export type StatuspageComponentStatus =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance';

/** A component as the API lists it (`GET /pages/{page_id}/components`). @public */
export type StatuspageComponent = {
  id: string;
  page_id?: string;
  group_id?: string | null;
  group?: boolean;
  name?: string;
  description?: string | null;
  status?: StatuspageComponentStatus | string;
  created_at?: string;
  updated_at?: string;
};

/**
 * A component named by an incident update: `code` is the component id.
 *
 * @public
 */
export type StatuspageAffectedComponent = {
  code: string;
  name?: string;
  old_status?: string;
  new_status?: string;
};

/** @public */
export type StatuspageIncidentUpdate = {
  id: string;
  incident_id?: string;
  status?: StatuspageIncidentStatus | string;
  body?: string;
  created_at?: string;
  display_at?: string;
  updated_at?: string;
  affected_components?: StatuspageAffectedComponent[] | null;
};

/**
 * An incident or a scheduled maintenance (Statuspage keeps both as
 * incidents; a maintenance has `scheduled_for` and `scheduled_until`).
 *
 * @public
 */
export type StatuspageIncident = {
  id: string;
  page_id?: string;
  name?: string;
  status: StatuspageIncidentStatus | string;
  impact?: StatuspageImpact | string | null;
  impact_override?: StatuspageImpact | string | null;
  created_at: string;
  updated_at?: string | null;
  started_at?: string | null;
  monitoring_at?: string | null;
  resolved_at?: string | null;
  scheduled_for?: string | null;
  scheduled_until?: string | null;
  shortlink?: string | null;
  components?: StatuspageComponent[] | null;
  incident_updates?: StatuspageIncidentUpdate[] | null;
};
