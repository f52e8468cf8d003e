import { SignalSeverity } from '@user-trust/plugin-user-trust-common';

/**
 * How incidents are classified: severity from priority (falling back to
 * urgency), and which incidents count as customer-impacting.
 *
 * Defaults (documented in the README):
 *
 * - severity: priority `P1`/`SEV1` → critical, `P2`/`SEV2` → high,
 *   `P3`/`SEV3` → medium, `P4`, `P5`, `SEV4`, `SEV5` → low; an incident
 *   without a known priority → high for urgency `high`, low for `low`.
 *   PagerDuty's default priority names are P1 to P5; accounts may rename
 *   them, hence `severityByPriority`.
 * - customer-impacting: urgency `high`, or a priority among `P1` and `P2`.
 *
 * @public
 */
export type IncidentClassificationOptions = {
  /** Priority name (case-insensitive) to severity; extends the defaults. */
  severityByPriority?: Record<string, SignalSeverity>;
  /** Urgencies that make an incident customer-impacting. Default `['high']`. */
  customerImpactUrgencies?: string[];
  /** Priorities that make an incident customer-impacting. Default `['P1', 'P2']`. */
  customerImpactPriorities?: string[];
};

const DEFAULT_SEVERITY_BY_PRIORITY: Record<string, SignalSeverity> = {
  p1: 'critical',
  sev1: 'critical',
  p2: 'high',
  sev2: 'high',
  p3: 'medium',
  sev3: 'medium',
  p4: 'low',
  sev4: 'low',
  p5: 'low',
  sev5: 'low',
};

const normalise = (name: string) => name.trim().toLowerCase();

/**
 * The severity of an incident with the given priority name and urgency;
 * undefined when neither says anything.
 *
 * @public
 */
export function incidentSeverity(
  priority: string | undefined,
  urgency: string | undefined,
  options: IncidentClassificationOptions = {},
): SignalSeverity | undefined {
  if (priority) {
    const key = normalise(priority);
    const configured = Object.entries(options.severityByPriority ?? {}).find(
      ([name]) => normalise(name) === key,
    );
    const severity = configured?.[1] ?? DEFAULT_SEVERITY_BY_PRIORITY[key];
    if (severity) return severity;
  }
  if (urgency === 'high') return 'high';
  if (urgency === 'low') return 'low';
  return undefined;
}

/**
 * Whether an incident counts as customer-impacting (see
 * {@link IncidentClassificationOptions} for the default).
 *
 * @public
 */
export function isCustomerImpacting(
  priority: string | undefined,
  urgency: string | undefined,
  options: IncidentClassificationOptions = {},
): boolean {
  const urgencies = (options.customerImpactUrgencies ?? ['high']).map(
    normalise,
  );
  const priorities = (options.customerImpactPriorities ?? ['P1', 'P2']).map(
    normalise,
  );
  return (
    (urgency !== undefined && urgencies.includes(normalise(urgency))) ||
    (priority !== undefined && priorities.includes(normalise(priority)))
  );
}
