import { SignalKind } from './signals';

/**
 * The entity label holding an entity's tier (`tier-1`, ...) unless
 * `userTrust.slos.tierLabel` names another: SLO default rules and field-role
 * requirements filter on its value.
 *
 * @public
 */
export const DEFAULT_TIER_LABEL = 'user-trust.io/tier';

/**
 * Human-readable, plural names of the signal kinds, for UIs and reports.
 *
 * @public
 */
export const SIGNAL_KIND_LABELS: Record<SignalKind, string> = {
  support_case: 'Support cases',
  incident: 'Customer-impacting incidents',
  csat_response: 'CSAT responses',
  nps_response: 'NPS responses',
  retry_spike: 'Retry spikes',
  degradation: 'Degradations',
  near_miss: 'Near misses',
  workaround: 'Workarounds',
  escalation: 'Escalations',
  api_version_usage: 'API version usage reports',
  doc_reference: 'Documentation references',
  customer_activity: 'Customer activity reports',
  sli_report: 'Technical SLI reports',
  known_event: 'Known events',
};
