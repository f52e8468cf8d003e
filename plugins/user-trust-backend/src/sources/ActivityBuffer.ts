import { LoggerService } from '@backstage/backend-plugin-api';
import { hourOf, PendingActivity, SourceStore } from './SourceStore';

/** How often buffered counts are written. */
export const ACTIVITY_FLUSH_MS = 2000;

/**
 * Webhook counts and stored-signal counts of the connectors, added up in
 * memory and written every couple of seconds in one transaction per
 * connector. Writing them with each delivery took three extra commits per
 * webhook (a third of the rate on SQLite); they are statistics for the
 * Sources page, so a crash may lose the last seconds of them, never a
 * signal. Reads flush first, so this replica's figures are exact.
 */
export class ActivityBuffer {
  private pending = new Map<string, PendingActivity>();
  private flushing: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: SourceStore,
    private readonly logger: LoggerService,
    private readonly now: () => number = Date.now,
  ) {}

  webhook(source: string, accepted: boolean) {
    const at = this.now();
    const activity = this.of(source);
    activity.lastWebhookAt = at;
    if (accepted) {
      activity.accepted += 1;
      activity.lastAcceptedAt = at;
    } else {
      activity.refused += 1;
    }
  }

  signals(source: string, count: number) {
    if (count <= 0) return;
    const { signalsByHour } = this.of(source);
    const hour = hourOf(this.now());
    signalsByHour.set(hour, (signalsByHour.get(hour) ?? 0) + count);
  }

  /** Writes what is buffered; concurrent calls wait for one another. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  start(intervalMs = ACTIVITY_FLUSH_MS) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  async stop() {
    clearInterval(this.timer);
    await this.flush();
  }

  private of(source: string): PendingActivity {
    let activity = this.pending.get(source);
    if (!activity) {
      activity = { accepted: 0, refused: 0, signalsByHour: new Map() };
      this.pending.set(source, activity);
    }
    return activity;
  }

  private async write() {
    const batch = this.pending;
    this.pending = new Map();
    for (const [source, activity] of batch) {
      try {
        await this.store.addActivity(source, activity, this.now());
      } catch (error) {
        // Kept for the next flush, added to what arrived meanwhile.
        this.merge(source, activity);
        this.logger.warn(
          `Could not record the activity of ${source}: ${error}`,
        );
      }
    }
  }

  private merge(source: string, activity: PendingActivity) {
    const target = this.of(source);
    target.accepted += activity.accepted;
    target.refused += activity.refused;
    target.lastWebhookAt =
      Math.max(target.lastWebhookAt ?? 0, activity.lastWebhookAt ?? 0) ||
      undefined;
    target.lastAcceptedAt =
      Math.max(target.lastAcceptedAt ?? 0, activity.lastAcceptedAt ?? 0) ||
      undefined;
    for (const [hour, count] of activity.signalsByHour) {
      target.signalsByHour.set(
        hour,
        (target.signalsByHour.get(hour) ?? 0) + count,
      );
    }
  }
}
