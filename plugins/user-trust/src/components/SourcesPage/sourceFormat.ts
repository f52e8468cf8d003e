import { SourceStatus } from '../../api';

/** Words for a connector's state, as the status icon shows it. */
export const SOURCE_STATE_LABELS: Record<SourceStatus['state'], string> = {
  waiting: 'Waiting for the first event',
  syncing: 'Syncing',
  ok: 'OK',
  behind: 'Behind',
  error: 'Error',
};

/** What a state means, for the status's tooltip. */
export const SOURCE_STATE_DESCRIPTIONS: Record<SourceStatus['state'], string> =
  {
    waiting: 'Nothing received or synced yet',
    syncing: 'A sync is running',
    ok: 'Receiving and syncing normally',
    behind: 'No successful sync for more than a day',
    error: 'The latest event was an error',
  };

/** Where an error happened, in words. */
export const ERROR_CONTEXT_LABELS: Record<
  SourceStatus['errors'][number]['context'],
  string
> = {
  webhook: 'Webhook',
  sync: 'Sync',
  attribution: 'Attribution',
};

const DURATION_UNITS: Array<[string, number]> = [
  ['d', 24 * 60 * 60],
  ['h', 60 * 60],
  ['min', 60],
];

/** A duration in its largest unit: "3 d", "5 h", "12 min", "under a minute". */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of DURATION_UNITS) {
    if (seconds >= size) return `${Math.floor(seconds / size)} ${unit}`;
  }
  return 'under a minute';
}

/** "1,234". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
