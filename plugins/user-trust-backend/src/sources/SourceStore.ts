import { Knex } from 'knex';
import {
  UnattributedSignalInput,
  UserTrustExternalService,
} from '@user-trust/plugin-user-trust-node';

const STATUS = 'user_trust_source_status';
const HOURLY = 'user_trust_source_hourly';
const ERRORS = 'user_trust_source_errors';
const UNATTRIBUTED = 'user_trust_unattributed_signals';
const SERVICES = 'user_trust_external_services';

/** Errors kept per connector; older ones are dropped. */
export const ERRORS_KEPT = 20;
const HOUR_MS = 3600_000;
/** Hourly counts older than this are dropped (the page shows 7 days). */
const HOURLY_KEPT_MS = 8 * 24 * HOUR_MS;

export type SourceActivity = {
  lastWebhookAt?: number;
  lastWebhookAcceptedAt?: number;
  webhooksAccepted: number;
  webhooksRefused: number;
  lastSyncStartedAt?: number;
  lastSyncFinishedAt?: number;
  lastSyncSucceededAt?: number;
  progress?: { done: number; total?: number };
};

/** Webhook counts and stored signals not yet written (ActivityBuffer). */
export type PendingActivity = {
  accepted: number;
  refused: number;
  lastWebhookAt?: number;
  lastAcceptedAt?: number;
  /** Signals stored, by the epoch ms of their hour. */
  signalsByHour: Map<number, number>;
};

/** The epoch ms of the hour of `at`. */
export const hourOf = (at: number) => Math.floor(at / HOUR_MS) * HOUR_MS;

export type SourceError = {
  occurredAt: number;
  context: 'webhook' | 'sync' | 'attribution';
  message: string;
};

export type ExternalServiceRow = UserTrustExternalService & {
  entityRef?: string;
  mappedBy?: string;
  mappedAt?: number;
  lastSeenAt: number;
  /** Signals kept for it, waiting for a mapping. */
  unattributedSignals: number;
};

/** A kept signal, with the service it belongs to. */
export type KeptSignal = {
  serviceId: string;
  signal: UnattributedSignalInput;
};

const number = (value: unknown) =>
  value === null || value === undefined ? undefined : Number(value);

/**
 * What the connectors did and what they could not attribute, for the
 * Sources page and for attributing kept signals once a mapping exists.
 */
export class SourceStore {
  constructor(private readonly db: Knex) {}

  /**
   * Adds a connector's webhook counts and stored signals per hour (see
   * ActivityBuffer), in one transaction.
   */
  async addActivity(source: string, activity: PendingActivity, now: number) {
    await this.db.transaction(async tx => {
      const times = {
        ...(activity.lastWebhookAt !== undefined && {
          last_webhook_at: activity.lastWebhookAt,
        }),
        ...(activity.lastAcceptedAt !== undefined && {
          last_webhook_accepted_at: activity.lastAcceptedAt,
        }),
      };
      await tx(STATUS)
        .insert({
          source,
          ...times,
          webhooks_accepted: activity.accepted,
          webhooks_refused: activity.refused,
        })
        .onConflict('source')
        .merge({
          ...times,
          webhooks_accepted: tx.raw('??.?? + ?', [
            STATUS,
            'webhooks_accepted',
            activity.accepted,
          ]),
          webhooks_refused: tx.raw('??.?? + ?', [
            STATUS,
            'webhooks_refused',
            activity.refused,
          ]),
        });
      for (const [hour, count] of activity.signalsByHour) {
        await tx(HOURLY)
          .insert({ source, hour, signals: count })
          .onConflict(['source', 'hour'])
          .merge({ signals: tx.raw('??.?? + ?', [HOURLY, 'signals', count]) });
      }
      await tx(HOURLY)
        .where({ source })
        .andWhere('hour', '<', now - HOURLY_KEPT_MS)
        .delete();
    });
  }

  async recordSyncStart(source: string, at: number) {
    await this.db(STATUS)
      .insert({ source, last_sync_started_at: at })
      .onConflict('source')
      .merge({ last_sync_started_at: at });
  }

  async recordSyncEnd(source: string, at: number, succeeded: boolean) {
    const values = {
      last_sync_finished_at: at,
      progress: null,
      ...(succeeded ? { last_sync_succeeded_at: at } : {}),
    };
    await this.db(STATUS)
      .insert({ source, ...values })
      .onConflict('source')
      .merge(values);
  }

  async setProgress(
    source: string,
    progress: { done: number; total?: number },
  ) {
    const value = JSON.stringify(progress);
    await this.db(STATUS)
      .insert({ source, progress: value })
      .onConflict('source')
      .merge({ progress: value });
  }

  async recordError(
    source: string,
    context: SourceError['context'],
    message: string,
    at: number,
  ) {
    await this.db.transaction(async tx => {
      await tx(ERRORS).insert({
        source,
        context,
        message: message.slice(0, 2000),
        occurred_at: at,
      });
      const kept = tx(ERRORS)
        .where({ source })
        .orderBy('id', 'desc')
        .limit(ERRORS_KEPT)
        .select('id');
      await tx(ERRORS)
        .where({ source })
        .whereNotIn('id', tx.select('id').from(kept.as('kept')))
        .delete();
    });
  }

  async activity(source: string): Promise<SourceActivity> {
    const row = await this.db(STATUS).where({ source }).first();
    return {
      lastWebhookAt: number(row?.last_webhook_at),
      lastWebhookAcceptedAt: number(row?.last_webhook_accepted_at),
      webhooksAccepted: Number(row?.webhooks_accepted ?? 0),
      webhooksRefused: Number(row?.webhooks_refused ?? 0),
      lastSyncStartedAt: number(row?.last_sync_started_at),
      lastSyncFinishedAt: number(row?.last_sync_finished_at),
      lastSyncSucceededAt: number(row?.last_sync_succeeded_at),
      ...(row?.progress ? { progress: JSON.parse(row.progress) } : {}),
    };
  }

  /** Signals stored since `since` (whole hours). */
  async signalsSince(source: string, since: number): Promise<number> {
    const hour = hourOf(since);
    const row = await this.db(HOURLY)
      .where({ source })
      .andWhere('hour', '>=', hour)
      .sum({ total: 'signals' })
      .first();
    return Number(row?.total ?? 0);
  }

  async errors(source: string): Promise<SourceError[]> {
    const rows = await this.db(ERRORS)
      .where({ source })
      .orderBy('id', 'desc')
      .limit(ERRORS_KEPT);
    return rows.map(row => ({
      occurredAt: Number(row.occurred_at),
      context: row.context,
      message: row.message,
    }));
  }

  /** The entity an administrator mapped the service to, if any. */
  async mappedEntity(
    source: string,
    serviceId: string,
  ): Promise<string | undefined> {
    const row = await this.db(SERVICES)
      .where({ source, service_id: serviceId })
      .whereNotNull('entity_ref')
      .first('entity_ref');
    return row?.entity_ref ?? undefined;
  }

  /**
   * Keeps the signals of an unmapped service, and the service for the
   * Sources page, in one transaction; a signal kept again replaces itself.
   */
  async keep(
    source: string,
    service: UserTrustExternalService,
    signals: UnattributedSignalInput[],
    at: number,
  ) {
    await this.db.transaction(async tx => {
      await this.touchService(tx, source, service, at);
      for (let i = 0; i < signals.length; i += 200) {
        await tx(UNATTRIBUTED)
          .insert(
            signals.slice(i, i + 200).map(signal => ({
              source,
              external_id: signal.externalId,
              service_id: service.id,
              signal: JSON.stringify(signal),
              received_at: at,
            })),
          )
          .onConflict(['source', 'external_id'])
          .merge(['service_id', 'signal', 'received_at']);
      }
    });
  }

  async setMapping(
    source: string,
    service: UserTrustExternalService,
    entityRef: string,
    mappedBy: string,
    at: number,
  ) {
    await this.db.transaction(async tx => {
      await this.touchService(tx, source, service, at);
      await tx(SERVICES)
        .where({ source, service_id: service.id })
        .update({ entity_ref: entityRef, mapped_by: mappedBy, mapped_at: at });
    });
  }

  /** Every external service `source` has seen, with its kept signals. */
  async services(source: string): Promise<ExternalServiceRow[]> {
    const counts = this.db(UNATTRIBUTED)
      .where({ source })
      .groupBy('service_id')
      .select('service_id')
      .count({ kept: '*' })
      .as('counts');
    const rows = await this.db(SERVICES)
      .leftJoin(counts, 'counts.service_id', `${SERVICES}.service_id`)
      .where(`${SERVICES}.source`, source)
      .orderBy(`${SERVICES}.last_seen_at`, 'desc')
      .select(`${SERVICES}.*`, 'counts.kept');
    return rows.map(row => ({
      id: row.service_id,
      ...(row.name ? { name: row.name } : {}),
      ...(row.url ? { url: row.url } : {}),
      ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
      ...(row.mapped_by ? { mappedBy: row.mapped_by } : {}),
      ...(row.mapped_at ? { mappedAt: Number(row.mapped_at) } : {}),
      lastSeenAt: Number(row.last_seen_at),
      unattributedSignals: Number(row.kept ?? 0),
    }));
  }

  /** A batch of the signals kept for a service, oldest first. */
  async keptSignals(
    source: string,
    serviceId: string,
    limit: number,
  ): Promise<KeptSignal[]> {
    const rows = await this.db(UNATTRIBUTED)
      .where({ source, service_id: serviceId })
      .orderBy('external_id')
      .limit(limit);
    return rows.map(row => ({
      serviceId: row.service_id,
      signal: JSON.parse(row.signal),
    }));
  }

  /** Drops kept signals once they are ingested. */
  async forget(source: string, externalIds: string[]) {
    for (let i = 0; i < externalIds.length; i += 500) {
      await this.db(UNATTRIBUTED)
        .where({ source })
        .whereIn('external_id', externalIds.slice(i, i + 500))
        .delete();
    }
  }

  /** Service ids of `source` that have kept signals. */
  async servicesWithKeptSignals(source: string): Promise<string[]> {
    const rows = await this.db(UNATTRIBUTED)
      .where({ source })
      .distinct('service_id');
    return rows.map(row => row.service_id);
  }

  private async touchService(
    tx: Knex.Transaction,
    source: string,
    service: UserTrustExternalService,
    at: number,
  ) {
    const values = {
      ...(service.name ? { name: service.name.slice(0, 255) } : {}),
      ...(service.url ? { url: service.url.slice(0, 1024) } : {}),
      last_seen_at: at,
    };
    await tx(SERVICES)
      .insert({ source, service_id: service.id, ...values })
      .onConflict(['source', 'service_id'])
      .merge(values);
  }
}
