import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import {
  UnattributedSignalInput,
  UserTrustConnector,
  UserTrustConnectorContext,
  UserTrustWebhookAnswer,
  UserTrustWebhookDelivery,
} from '@user-trust/plugin-user-trust-node';
import { TaskStateStore } from '../database/TaskStateStore';
import { ActivityBuffer } from './ActivityBuffer';
import { SourceMetrics } from './sourceMetrics';
import { SourceError, SourceStore } from './SourceStore';

/** Kept signals ingested per statement when a service gets its entity. */
const ATTRIBUTION_BATCH = 500;

export type ConnectorRuntimeOptions = {
  connector: UserTrustConnector;
  store: SourceStore;
  taskState: TaskStateStore;
  activity: ActivityBuffer;
  ingest(signals: SignalInput[]): Promise<IngestSignalsResult>;
  logger: LoggerService;
  metrics: SourceMetrics;
  now?: () => number;
};

/**
 * Runs one connector: hands it its context, and records what its webhooks
 * and syncs did (counts, progress, errors) for the Sources page.
 */
export class ConnectorRuntime {
  readonly connector: UserTrustConnector;
  readonly context: UserTrustConnectorContext;
  private readonly now: () => number;

  constructor(private readonly options: ConnectorRuntimeOptions) {
    this.connector = options.connector;
    this.now = options.now ?? Date.now;
    this.context = this.createContext();
  }

  get id() {
    return this.connector.id;
  }

  /**
   * One webhook delivery. An answer is given only once what it carried is
   * stored; a failure to store is recorded and thrown (a 5xx, so the vendor
   * delivers again).
   */
  async receive(
    delivery: UserTrustWebhookDelivery,
  ): Promise<UserTrustWebhookAnswer> {
    const { connector, store, metrics, activity, logger } = this.options;
    if (!connector.handleWebhook) {
      return {
        status: 404,
        message: `Connector ${connector.id} takes no webhooks`,
      };
    }
    let answer: UserTrustWebhookAnswer;
    try {
      answer = await connector.handleWebhook(delivery, this.context);
    } catch (error) {
      await this.recordError('webhook', error);
      throw error;
    }
    const accepted = answer.status < 400;
    metrics.webhook(connector.id, accepted);
    activity.webhook(connector.id, accepted);
    try {
      if ('message' in answer) {
        await store.recordError(
          connector.id,
          'webhook',
          `Refused a delivery (${answer.status}): ${answer.message}`,
          this.now(),
        );
      }
    } catch (error) {
      // The delivery's content is stored; only its bookkeeping failed.
      logger.warn(`Could not record a ${connector.id} webhook: ${error}`);
    }
    return answer;
  }

  /** One scheduled (or requested) sync, then attribution of kept signals. */
  async sync(signal: AbortSignal): Promise<void> {
    const { connector, store, metrics } = this.options;
    if (!connector.sync) return;
    await store.recordSyncStart(connector.id, this.now());
    try {
      await connector.sync.run({ ...this.context, signal });
    } catch (error) {
      await this.recordError('sync', error);
      await store.recordSyncEnd(connector.id, this.now(), false);
      throw error;
    }
    const at = this.now();
    await store.recordSyncEnd(connector.id, at, true);
    metrics.syncSucceeded(connector.id, at);
    await this.attribute();
  }

  /**
   * Ingests the kept signals of every service that now has an entity (an
   * administrator's mapping, or the connector's own rules). Ingestion is
   * idempotent, so signals ingested before a failure to forget them are
   * only counted unchanged next time.
   */
  async attribute(serviceIds?: string[]): Promise<number> {
    const { connector, store } = this.options;
    let attributed = 0;
    const ids =
      serviceIds ?? (await store.servicesWithKeptSignals(connector.id));
    for (const serviceId of ids) {
      try {
        const entityRef =
          (await store.mappedEntity(connector.id, serviceId)) ??
          (await connector.resolveService?.(serviceId));
        if (!entityRef) continue;
        for (;;) {
          const kept = await store.keptSignals(
            connector.id,
            serviceId,
            ATTRIBUTION_BATCH,
          );
          if (kept.length === 0) break;
          await this.ingest(
            kept.map(k => this.attributed(k.signal, entityRef)),
          );
          await store.forget(
            connector.id,
            kept.map(k => k.signal.externalId),
          );
          attributed += kept.length;
        }
      } catch (error) {
        await this.recordError('attribution', error);
      }
    }
    return attributed;
  }

  private attributed(
    signal: UnattributedSignalInput,
    entityRef: string,
  ): SignalInput {
    return (
      this.connector.attributeSignal?.(signal, entityRef) ?? {
        ...signal,
        entityRef,
      }
    );
  }

  private async ingest(signals: SignalInput[]) {
    const { connector, activity, metrics } = this.options;
    const foreign = signals.findIndex(s => s.source !== connector.id);
    if (foreign >= 0) {
      throw new InputError(
        `signals[${foreign}].source: connector ${connector.id} may only store signals of source '${connector.id}'`,
      );
    }
    const result = await this.options.ingest(signals);
    const stored = result.created + result.updated;
    metrics.signalsStored(connector.id, stored);
    activity.signals(connector.id, stored);
    return result;
  }

  private createContext(): UserTrustConnectorContext {
    const { connector, store, taskState, logger } = this.options;
    const stateKey = (key: string) => `connector:${connector.id}:${key}`;
    return {
      logger,
      ingest: signals => this.ingest(signals),
      keepUnattributed: async (service, signals) => {
        if (signals.length === 0) return;
        const mapped = await store.mappedEntity(connector.id, service.id);
        if (mapped) {
          await this.ingest(signals.map(s => this.attributed(s, mapped)));
          return;
        }
        await store.keep(connector.id, service, signals, this.now());
      },
      state: {
        get: key => taskState.get(stateKey(key)),
        set: (key, value) => taskState.set(stateKey(key), value),
      },
      reportProgress: progress => store.setProgress(connector.id, progress),
    };
  }

  private async recordError(context: SourceError['context'], error: unknown) {
    const { connector, store, logger } = this.options;
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(`Connector ${connector.id} ${context} failed: ${message}`);
    try {
      await store.recordError(connector.id, context, message, this.now());
    } catch (e) {
      logger.warn(`Could not record the error of ${connector.id}: ${e}`);
    }
  }
}
