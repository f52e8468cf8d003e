import { Knex } from 'knex';
import {
  EntitySignalSummary,
  IngestSignalsResult,
  SignalKind,
  SUMMARY_WINDOWS,
} from '@user-trust/plugin-user-trust-common';
import { NormalizedSignal, SignalRow } from './types';

const TABLE = 'user_trust_signals';
const DAY_MS = 24 * 60 * 60 * 1000;
// 13 columns a row: stays far below SQLite's and PostgreSQL's bind limits.
const CHUNK_SIZE = 500;

/** Dates come back as Date (pg), number (SQLite) or string; make them Dates. */
export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

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
 * id) and atomic per batch.
 */
export class SignalStore {
  constructor(private readonly db: Knex) {}

  async ingest(signals: NormalizedSignal[]): Promise<IngestSignalsResult> {
    const result: IngestSignalsResult = {
      created: 0,
      updated: 0,
      unchanged: 0,
    };

    await this.db.transaction(async tx => {
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
          } else if (sameContent(row, signal)) {
            result.unchanged += 1;
          } else {
            result.updated += 1;
            toWrite.push(toRow(signal));
          }
        }

        if (toWrite.length > 0) {
          // The upsert (not a plain insert) keeps a concurrent retry of the
          // same batch from failing on the unique key.
          await tx(TABLE)
            .insert(toWrite.map(row => ({ ...row, updated_at: tx.fn.now() })))
            .onConflict(['source', 'external_id'])
            .merge([
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
              'updated_at',
            ]);
        }
      }
    });

    return result;
  }

  private async findExisting(
    tx: Knex.Transaction,
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
