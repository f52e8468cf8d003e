import { SignalKind } from './signals';

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
