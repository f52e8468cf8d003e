/**
 * The parts of Zendesk's API objects the connector reads. Ids are numbers
 * in the REST API and strings in webhook events; both are accepted.
 */

/** A custom field value of a ticket. @public */
export type ZendeskCustomFieldValue = {
  id: number | string;
  value: unknown;
};

/**
 * The satisfaction rating embedded in a ticket: legacy CSAT scores
 * `offered`, `unoffered`, `good`, `bad`; a 1–5 number where a survey scale
 * is used.
 *
 * @public
 */
export type ZendeskSatisfactionRating = {
  id?: number | string | null;
  score?: string | number | null;
  comment?: string | null;
};

/** A ticket as the REST API and the incremental export return it. @public */
export type ZendeskTicket = {
  id: number | string;
  url?: string;
  subject?: string | null;
  status?: string | null;
  priority?: string | null;
  type?: string | null;
  created_at: string;
  updated_at?: string | null;
  assignee_id?: number | string | null;
  organization_id?: number | string | null;
  group_id?: number | string | null;
  tags?: string[] | null;
  custom_fields?: ZendeskCustomFieldValue[] | null;
  satisfaction_rating?: ZendeskSatisfactionRating | null;
  via?: { channel?: string | null } | null;
};

/** A user, sideloaded with `include=users`. @public */
export type ZendeskUser = {
  id: number | string;
  email?: string | null;
  name?: string | null;
};

/** An organization, sideloaded with `include=organizations`. @public */
export type ZendeskOrganization = {
  id: number | string;
  name?: string | null;
};

/** A ticket's metric set, sideloaded with `include=metric_sets`. @public */
export type ZendeskTicketMetricSet = {
  ticket_id: number | string;
  solved_at?: string | null;
};

/** What the connector knows beside a ticket: its sideloads. @public */
export type ZendeskSideloads = {
  users: Map<string, ZendeskUser>;
  organizations: Map<string, ZendeskOrganization>;
  metricSets: Map<string, ZendeskTicketMetricSet>;
};

/** One page of `GET /api/v2/incremental/tickets/cursor.json`. @public */
export type ZendeskTicketExportPage = {
  tickets: ZendeskTicket[];
  sideloads: ZendeskSideloads;
  /** Cursor of the next page; kept to poll again once `endOfStream`. */
  afterCursor?: string;
  /** True once the export has returned everything up to now. */
  endOfStream: boolean;
};
