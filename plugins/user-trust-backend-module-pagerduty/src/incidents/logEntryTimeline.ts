import { earliest } from './incidentSignals';
import { PagerDutyLogEntry } from './types';

/**
 * The lifecycle times of an incident read from its log entries
 * (`GET /incidents/{id}/log_entries`): what resolved incidents no longer
 * show (PagerDuty clears acknowledgements and assignments on resolution).
 *
 * @public
 */
export type IncidentTimeline = {
  acknowledgedAt?: string;
  /** PagerDuty user id of the first acknowledger. */
  acknowledgedBy?: string;
  resolvedAt?: string;
  /** First escalation, or first manual reassignment when earlier. */
  escalatedAt?: string;
  escalationType?: 'escalated' | 'reassigned';
};

/**
 * Reads an incident's timeline from its log entries: the first
 * `acknowledge_log_entry`, the last `resolve_log_entry`, the first
 * `escalate_log_entry`, and the first `assign_log_entry` made by a person
 * (`agent.type` `user_reference`: a manual reassignment; assignments by
 * the escalation policy when the incident triggers are not reassignments).
 *
 * @public
 */
export function incidentTimelineOf(
  entries: PagerDutyLogEntry[],
): IncidentTimeline {
  const times = (predicate: (entry: PagerDutyLogEntry) => boolean) =>
    entries.filter(predicate).map(entry => entry.created_at);
  const acknowledgedAt = earliest(
    ...times(e => e.type === 'acknowledge_log_entry'),
  );
  const resolvedTimes = times(e => e.type === 'resolve_log_entry')
    .map(t => new Date(t).toISOString())
    .sort();
  const escalatedAt = earliest(...times(e => e.type === 'escalate_log_entry'));
  const reassignedAt = earliest(
    ...times(
      e => e.type === 'assign_log_entry' && e.agent?.type === 'user_reference',
    ),
  );

  const timeline: IncidentTimeline = {};
  if (acknowledgedAt) timeline.acknowledgedAt = acknowledgedAt;
  const acknowledger = entries.find(
    e =>
      e.type === 'acknowledge_log_entry' &&
      e.agent?.type === 'user_reference' &&
      Date.parse(e.created_at) === Date.parse(acknowledgedAt ?? ''),
  )?.agent;
  if (acknowledger) timeline.acknowledgedBy = acknowledger.id;
  if (resolvedTimes.length) {
    timeline.resolvedAt = resolvedTimes[resolvedTimes.length - 1];
  }
  const first = earliest(escalatedAt, reassignedAt);
  if (first) {
    timeline.escalatedAt = first;
    timeline.escalationType =
      first === escalatedAt ? 'escalated' : 'reassigned';
  }
  return timeline;
}
