import { NotFoundError } from '@backstage/errors';
import { UserTrustApiSchemas } from '@user-trust/plugin-user-trust-common';
import { ConnectorRuntime } from './ConnectorRuntime';
import { ActivityBuffer } from './ActivityBuffer';
import { SourceStore } from './SourceStore';

type SourceStatus = UserTrustApiSchemas['SourceStatus'];

const HOUR_MS = 3600_000;
/** A sync this much later than its last success counts the source as behind. */
const BEHIND_AFTER_MS = 24 * HOUR_MS;

const iso = (at: number | undefined) =>
  at === undefined ? undefined : new Date(at).toISOString();

/** The connectors as the Sources page and its admin actions see them. */
export class SourcesService {
  private readonly runtimes = new Map<string, ConnectorRuntime>();

  constructor(
    private readonly options: {
      store: SourceStore;
      /** Buffered webhook and signal counts, written before each read. */
      activity: ActivityBuffer;
      /** Starts a connector's scheduled sync now (on whichever replica). */
      triggerSync(source: string): Promise<void>;
      now?: () => number;
    },
  ) {}

  add(runtime: ConnectorRuntime) {
    if (this.runtimes.has(runtime.id)) {
      throw new Error(`Two connectors have the id ${runtime.id}`);
    }
    this.runtimes.set(runtime.id, runtime);
  }

  all(): ConnectorRuntime[] {
    return [...this.runtimes.values()];
  }

  get(source: string): ConnectorRuntime {
    const runtime = this.runtimes.get(source);
    if (!runtime) throw new NotFoundError(`No connector ${source}`);
    return runtime;
  }

  async list(): Promise<SourceStatus[]> {
    await this.options.activity.flush();
    return Promise.all(this.all().map(runtime => this.status(runtime)));
  }

  async resync(source: string) {
    const runtime = this.get(source);
    if (!runtime.connector.sync) {
      throw new NotFoundError(`Connector ${source} has no sync`);
    }
    await this.options.triggerSync(source);
  }

  /** Maps an external service to an entity and ingests what it kept. */
  async map(
    source: string,
    service: { id: string; name?: string },
    entityRef: string,
    mappedBy: string,
  ): Promise<number> {
    const runtime = this.get(source);
    await this.options.store.setMapping(
      source,
      service,
      entityRef,
      mappedBy,
      this.now(),
    );
    return runtime.attribute([service.id]);
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }

  private async status(runtime: ConnectorRuntime): Promise<SourceStatus> {
    const { store } = this.options;
    const { id, title, sync, handleWebhook } = runtime.connector;
    const now = this.now();
    const [activity, last24h, last7d, errors, services] = await Promise.all([
      store.activity(id),
      store.signalsSince(id, now - 24 * HOUR_MS),
      store.signalsSince(id, now - 7 * 24 * HOUR_MS),
      store.errors(id),
      store.services(id),
    ]);
    const running =
      activity.lastSyncStartedAt !== undefined &&
      (activity.lastSyncFinishedAt ?? 0) < activity.lastSyncStartedAt;
    const lagMs =
      activity.lastSyncSucceededAt === undefined
        ? undefined
        : now - activity.lastSyncSucceededAt;
    const latestError = errors[0]?.occurredAt ?? 0;
    const latestSuccess = Math.max(
      activity.lastSyncSucceededAt ?? 0,
      activity.lastWebhookAcceptedAt ?? 0,
    );
    let state: SourceStatus['state'] = 'ok';
    if (running) state = 'syncing';
    else if (latestError > 0 && latestError >= latestSuccess) state = 'error';
    else if (latestSuccess === 0) state = 'waiting';
    else if (sync && lagMs !== undefined && lagMs > BEHIND_AFTER_MS) {
      state = 'behind';
    }
    return {
      id,
      title,
      state,
      receivesWebhooks: !!handleWebhook,
      syncs: !!sync,
      webhookPath: `/webhooks/${encodeURIComponent(id)}`,
      ...(activity.lastWebhookAt !== undefined && {
        lastWebhookAt: iso(activity.lastWebhookAt),
      }),
      webhooksAccepted: activity.webhooksAccepted,
      webhooksRefused: activity.webhooksRefused,
      ...(activity.lastSyncSucceededAt !== undefined && {
        lastSyncAt: iso(activity.lastSyncSucceededAt),
      }),
      ...(lagMs !== undefined && { syncLagSeconds: Math.round(lagMs / 1000) }),
      ...(running && activity.progress && { backfill: activity.progress }),
      signals: { last24h, last7d },
      errors: errors.map(e => ({
        at: iso(e.occurredAt)!,
        context: e.context,
        message: e.message,
      })),
      externalServices: services.map(s => ({
        id: s.id,
        ...(s.name && { name: s.name }),
        ...(s.url && { url: s.url }),
        ...(s.entityRef && { entityRef: s.entityRef }),
        unattributedSignals: s.unattributedSignals,
        lastSeenAt: iso(s.lastSeenAt)!,
      })),
    };
  }
}
