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

/**
 * An option of a CSAT rating scale question: its `rating` (1 to the
 * number of options: a scale of 2, 3 or 5) and how it is shown.
 *
 * @public
 */
export type ZendeskSurveyRatingOption = {
  rating?: number | null;
  label?: unknown;
  emoji?: unknown;
};

/**
 * The question an answer of a survey response answers. The CSAT rating
 * question has `type` `rating_scale_numeric`, `rating_scale_emoji` or
 * `rating_scale_custom_text` and `sub_type` `customer_satisfaction`.
 *
 * @public
 */
export type ZendeskSurveyQuestion = {
  id?: string;
  type?: string;
  sub_type?: string | null;
  alias?: string | null;
  options?: ZendeskSurveyRatingOption[] | null;
};

/**
 * An answer of a survey response: a rating (`type` `rating_scale`, its
 * `rating`), a closed- or open-ended answer, or a skipped question.
 *
 * @public
 */
export type ZendeskSurveyAnswer = {
  type?: string;
  rating?: number | null;
  rating_category?: string | null;
  question?: ZendeskSurveyQuestion | null;
  created_at?: string | null;
  updated_at?: string | null;
};

/** What a survey response is about, e.g. `{ id: '99', type: 'ticket', zrn: 'zen:ticket:99' }`. @public */
export type ZendeskSurveySubject = {
  id: string | number;
  type?: string | null;
  zrn?: string | null;
};

/**
 * A response to a customizable CSAT survey, as
 * `GET /api/v2/guide/survey_responses` lists it.
 *
 * @public
 */
export type ZendeskSurveyResponse = {
  id: string;
  answers?: ZendeskSurveyAnswer[] | null;
  /** Until when the responder may still change the response. */
  expires_at?: string | null;
  responder_id?: number | string | null;
  subject_zrns?: string[] | null;
  subjects?: ZendeskSurveySubject[] | null;
  survey?: {
    id: string;
    version?: number | null;
    state?: string | null;
  } | null;
};

/** One page of `GET /api/v2/guide/survey_responses` (cursor pagination). @public */
export type ZendeskSurveyResponsePage = {
  responses: ZendeskSurveyResponse[];
  /** `meta.after_cursor`: the next page's `page[after]`. */
  afterCursor?: string;
  /** `meta.has_more`. */
  hasMore: boolean;
};
