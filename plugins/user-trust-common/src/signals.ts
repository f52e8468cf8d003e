import type { UserTrustApiSchemas as Schemas } from './schema';
/**
 * The kinds of user-perceived signal the suite understands. See DESIGN.md:
 * most come from the field (support, success, DevRel), `sli_report` carries a
 * technical SLI from monitoring and `known_event` marks launches or sales peaks.
 *
 * @public
 */
export const SIGNAL_KINDS = [
  'support_case',
  'incident',
  'csat_response',
  'nps_response',
  'retry_spike',
  'degradation',
  'near_miss',
  'workaround',
  'escalation',
  'api_version_usage',
  'doc_reference',
  'customer_activity',
  'sli_report',
  'known_event',
] as const;

/** @public */
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/**
 * Severity of a signal, normalised across tools (P1/SEV1 map to `critical`).
 *
 * @public
 */
export const SIGNAL_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** @public */
export type SignalSeverity = (typeof SIGNAL_SEVERITIES)[number];

/**
 * The values a signal of each kind may carry, inclusive. Scales where the
 * kind has one (CSAT 1 to 5, NPS 0 to 10, an SLI as a ratio); every other
 * value is a count, duration or size, so never negative. A value outside
 * is refused at ingestion: one absurd value must not move a budget.
 *
 * @public
 */
export const SIGNAL_VALUE_RANGES: Record<
  SignalKind,
  { min: number; max: number }
> = {
  support_case: { min: 0, max: 1e9 },
  incident: { min: 0, max: 1e9 },
  csat_response: { min: 1, max: 5 },
  nps_response: { min: 0, max: 10 },
  retry_spike: { min: 0, max: 1e9 },
  degradation: { min: 0, max: 1e9 },
  near_miss: { min: 0, max: 1e9 },
  workaround: { min: 0, max: 1e9 },
  escalation: { min: 0, max: 1e9 },
  api_version_usage: { min: 0, max: 1e9 },
  doc_reference: { min: 0, max: 1e9 },
  customer_activity: { min: 0, max: 1e9 },
  sli_report: { min: 0, max: 1 },
  known_event: { min: 0, max: 1e9 },
};

/**
 * Bounds of a signal's attributes (the schema caps their number at 50).
 *
 * @public
 */
export const SIGNAL_ATTRIBUTE_LIMITS = {
  /** Characters of an attribute name. */
  maxKeyLength: 64,
  /** Characters of a string attribute value. */
  maxValueLength: 1024,
  /** Characters of all attributes as JSON. */
  maxTotalLength: 8192,
} as const;

/**
 * Entity kinds signals cannot be keyed to: they are about services, not
 * people (a person goes into `handledBy`).
 *
 * @public
 */
export const SIGNAL_ENTITY_KINDS_REFUSED = ['user', 'group'] as const;

/** Largest number of signals accepted in one ingestion request. @public */
export const MAX_SIGNALS_PER_BATCH = 5000;

/** Free-form, flat attributes of a signal (plan, region, API version...). @public */
export type SignalAttributes = Record<string, string | number | boolean>;

/**
 * One user-perceived event keyed to a catalog entity, as sent to
 * `POST /api/user-trust/signals`. `source` + `externalId` identify it, so
 * sending it again updates it instead of creating a duplicate.
 *
 * @public
 */
export type SignalInput = Schemas['Signal'];

/** Answer to an ingestion request. @public */
export type IngestSignalsResult = Schemas['IngestSignalsResult'];

/** The look-back windows of an entity summary. @public */
export const SUMMARY_WINDOWS = [
  { id: '7d', days: 7 },
  { id: '28d', days: 28 },
  { id: '90d', days: 90 },
] as const;

/** @public */
export type SummaryWindowId = (typeof SUMMARY_WINDOWS)[number]['id'];

/** Signal counts of one entity over one look-back window. @public */
export type SignalWindowCounts = Schemas['SignalWindowCounts'];

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/summary`.
 *
 * @public
 */
export type EntitySignalSummary = Schemas['EntitySignalSummary'];
