import { Knex } from 'knex';
import {
  EntitySignalSummary,
  IngestSignalsResult,
  SignalKind,
  StoredSignal,
  SUMMARY_WINDOWS,
} from '@user-trust/plugin-user-trust-common';
import { NormalizedSignal, SignalRow } from './types';
import { toDate } from '../database/dates';
import { lockForTransaction } from '../database/locks';
import { ChangedEntitiesStore } from '../database/ChangedEntitiesStore';
import {
  RollupDeltas,
  RollupSignal,
  RollupStore,
  rowToRollupSignal,
} from '../rollups/RollupStore';

const TABLE = 'user_trust_signals';

/** The columns of a signal besides its identity (source, external id). */
export const SIGNAL_CONTENT_COLUMNS = [
  'kind',
  'entity_ref',
  'occurred_at',
  'resolved_at',
  'severity',
  'account',
  'value',
  'field_role',
  'handled_by',
  'attributes',
] as const;
const DAY_MS = 24 * 60 * 60 * 1000;
// 13 columns a row: stays far below SQLite's and PostgreSQL's bind limits.
const CHUNK_SIZE = 500;

function toRow(signal: NormalizedSignal): SignalRow {
  return {
    source: signal.source,
    external_id: signal.externalId,
    kind: signal.kind,
    entity_ref: signal.entityRef,
    occurred_at: signal.occurredAt,
    resolved_at: signal.resolvedAt,
    severity: signal.severity,
    account: signal.account,
    value: signal.value,
    field_role: signal.fieldRole,
    handled_by: signal.handledBy,
    attributes: signal.attributes,
  };
}

function toRollupSignal(signal: NormalizedSignal): RollupSignal {
  return {
    entityRef: signal.entityRef,
    kind: signal.kind,
    occurredAt: signal.occurredAt,
    resolvedAt: signal.resolvedAt,
    severity: signal.severity,
    account: signal.account,
    value: signal.value,
    attributes: signal.attributes ? JSON.parse(signal.attributes) : null,
  };
}

function sameContent(row: SignalRow, signal: NormalizedSignal): boolean {
  const time = (v: SignalRow['occurred_at'] | null) =>
    v === null ? null : toDate(v).getTime();
  return (
    row.kind === signal.kind &&
    row.entity_ref === signal.entityRef &&
    time(row.occurred_at) === signal.occurredAt.getTime() &&
    time(row.resolved_at) === (signal.resolvedAt?.getTime() ?? null) &&
    row.severity === signal.severity &&
    row.account === signal.account &&
    (row.value === null ? null : Number(row.value)) === signal.value &&
    row.field_role === signal.fieldRole &&
    row.handled_by === signal.handledBy &&
    row.attributes === signal.attributes
  );
}

/**
 * Storage of signals. Ingestion is idempotent (keyed by source + external
 * id) and atomic per batch, and keeps the rollups in the same transaction.
 */
export class SignalStore {
  private readonly rollups: RollupStore;
  private readonly changes: ChangedEntitiesStore;

  constructor(
    private readonly db: Knex,
    rollups?: RollupStore,
    changes?: ChangedEntitiesStore,
  ) {
    this.rollups = rollups ?? new RollupStore(db);
    this.changes = changes ?? new ChangedEntitiesStore(db);
  }

  /**
   * Stores the batch. The entities whose signals changed (an updated
   * signal may have moved from one entity to another) are marked changed in
   * the same transaction, so their health follows even after a crash.
   */
  async ingest(
    signals: NormalizedSignal[],
    options: {
      /** Told after each chunk is written (still uncommitted). */
      onProgress?: (written: number, total: number) => void;
    } = {},
  ): Promise<IngestSignalsResult> {
    const result: IngestSignalsResult = {
      created: 0,
      updated: 0,
      unchanged: 0,
    };
    const changed = new Set<string>();

    await this.db.transaction(async tx => {
      // Batches are serialised across replicas so that two concurrent
      // retries of one batch cannot both count a signal into the rollups.
      await lockForTransaction(tx, 'rollups');
      // Read inside the transaction: queries registered by another replica
      // a moment ago are counted too.
      const deltas = new RollupDeltas(await this.rollups.loadQueries(tx));
      for (let i = 0; i < signals.length; i += CHUNK_SIZE) {
        const chunk = signals.slice(i, i + CHUNK_SIZE);
        const existing = await this.findExisting(tx, chunk);

        const toWrite: SignalRow[] = [];
        for (const signal of chunk) {
          const row = existing.get(
            JSON.stringify([signal.source, signal.externalId]),
          );
          if (!row) {
            result.created += 1;
            toWrite.push(toRow(signal));
            deltas.add(toRollupSignal(signal), 1);
            changed.add(signal.entityRef);
          } else if (sameContent(row, signal)) {
            result.unchanged += 1;
          } else {
            result.updated += 1;
            toWrite.push(toRow(signal));
            deltas.add(rowToRollupSignal(row), -1);
            deltas.add(toRollupSignal(signal), 1);
            changed.add(row.entity_ref);
            changed.add(signal.entityRef);
          }
        }

        if (toWrite.length > 0) {
          // The upsert (not a plain insert) keeps a concurrent retry of the
          // same batch from failing on the unique key.
          await tx(TABLE)
            .insert(toWrite.map(row => ({ ...row, updated_at: tx.fn.now() })))
            .onConflict(['source', 'external_id'])
            .merge([...SIGNAL_CONTENT_COLUMNS, 'updated_at']);
        }
        if (options.onProgress) {
          options.onProgress(i + chunk.length, signals.length);
          // better-sqlite3 answers synchronously: without a turn of the
          // event loop a long import would hold every other request (and
          // its own progress lines) until it commits.
          await new Promise(resolve => setImmediate(resolve));
        }
      }
      await this.rollups.apply(tx, deltas);
      await this.changes.mark(changed, tx);
    });

    return result;
  }

  /**
   * What ingesting these signals would do (created, updated, unchanged),
   * read without writing: the dry run of an import.
   */
  async preview(signals: NormalizedSignal[]): Promise<IngestSignalsResult> {
    const result: IngestSignalsResult = {
      created: 0,
      updated: 0,
      unchanged: 0,
    };
    for (let i = 0; i < signals.length; i += CHUNK_SIZE) {
      const chunk = signals.slice(i, i + CHUNK_SIZE);
      const existing = await this.findExisting(this.db, chunk);
      for (const signal of chunk) {
        const row = existing.get(
          JSON.stringify([signal.source, signal.externalId]),
        );
        if (!row) result.created += 1;
        else if (sameContent(row, signal)) result.unchanged += 1;
        else result.updated += 1;
      }
    }
    return result;
  }

  private async findExisting(
    tx: Knex,
    chunk: NormalizedSignal[],
  ): Promise<Map<string, SignalRow>> {
    const bySource = new Map<string, string[]>();
    for (const { source, externalId } of chunk) {
      bySource.set(source, [...(bySource.get(source) ?? []), externalId]);
    }
    const rows: SignalRow[] = [];
    for (const [source, externalIds] of bySource) {
      rows.push(
        ...(await tx<SignalRow>(TABLE)
          .where('source', source)
          .whereIn('external_id', externalIds)),
      );
    }
    return new Map(
      rows.map(row => [JSON.stringify([row.source, row.external_id]), row]),
    );
  }

  /** Signals of an entity, newest first, for the "signals behind it" views. */
  async list(
    entityRef: string,
    options: {
      kinds?: string[];
      from?: Date;
      to?: Date;
      limit: number;
      offset: number;
    },
  ): Promise<{ items: StoredSignal[]; totalCount: number }> {
    const query = this.db<SignalRow>(TABLE).where('entity_ref', entityRef);
    if (options.kinds?.length) query.whereIn('kind', options.kinds);
    if (options.from) query.where('occurred_at', '>=', options.from);
    if (options.to) query.where('occurred_at', '<=', options.to);
    const [rows, [{ count }]] = await Promise.all([
      query
        .clone()
        .orderBy([
          { column: 'occurred_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(options.limit)
        .offset(options.offset),
      query.clone().count({ count: '*' }),
    ]);
    return {
      totalCount: Number(count),
      items: rows.map(row => ({
        source: row.source,
        externalId: row.external_id,
        kind: row.kind as StoredSignal['kind'],
        entityRef: row.entity_ref,
        occurredAt: toDate(row.occurred_at).toISOString(),
        resolvedAt: row.resolved_at
          ? toDate(row.resolved_at).toISOString()
          : undefined,
        severity: (row.severity as StoredSignal['severity']) ?? undefined,
        account: row.account ?? undefined,
        value: row.value === null ? undefined : Number(row.value),
        fieldRole: row.field_role ?? undefined,
        handledBy: row.handled_by ?? undefined,
        attributes: row.attributes ? JSON.parse(row.attributes) : undefined,
      })),
    };
  }

  /** Counts by kind over the summary windows, ending at `now`. */
  async summarize(
    entityRef: string,
    now: Date = new Date(),
  ): Promise<EntitySignalSummary> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const since = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const longest = Math.max(...SUMMARY_WINDOWS.map(w => w.days));

    const counts = this.db(TABLE)
      .select('kind')
      .where('entity_ref', ref)
      .where('occurred_at', '>', since(longest))
      .where('occurred_at', '<=', now)
      .groupBy('kind');
    for (const window of SUMMARY_WINDOWS) {
      counts.select(
        this.db.raw('SUM(CASE WHEN occurred_at > ? THEN 1 ELSE 0 END) as ??', [
          since(window.days),
          `n_${window.id}`,
        ]),
      );
    }

    const [rows, last] = await Promise.all([
      counts as Promise<Array<Record<string, string | number>>>,
      this.db(TABLE)
        .where('entity_ref', ref)
        .where('occurred_at', '<=', now)
        .max({ last: 'occurred_at' })
        .first(),
    ]);

    return {
      entityRef: ref,
      generatedAt: now.toISOString(),
      lastSignalAt: last?.last ? toDate(last.last).toISOString() : undefined,
      windows: SUMMARY_WINDOWS.map(window => {
        const byKind: Partial<Record<SignalKind, number>> = {};
        let total = 0;
        for (const row of rows) {
          const n = Number(row[`n_${window.id}`] ?? 0);
          if (n > 0) {
            byKind[row.kind as SignalKind] = n;
            total += n;
          }
        }
        return { window: window.id, days: window.days, total, byKind };
      }),
    };
  }
}
