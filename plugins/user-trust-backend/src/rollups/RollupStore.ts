import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  dayKey,
  SignalKind,
  SignalQuery,
  signalMatchesQuery,
  signalQueryKey,
} from '@user-trust/plugin-user-trust-common';
import { toDate } from '../database/dates';
import { lockForTransaction } from '../database/locks';
import { SignalRow } from '../signals/types';

const QUERIES = 'user_trust_rollup_queries';
const ROLLUPS = 'user_trust_rollups';
const SIGNALS = 'user_trust_signals';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Known events count on every day they span, up to this many. */
const MAX_EVENT_SPAN_DAYS = 31;
const WRITE_CHUNK = 500;

/** Scope of a query kept for every entity. */
export const GLOBAL_SCOPE = '*';

/** A query whose daily counts are maintained, for all entities or one. */
export type RegisteredQuery = {
  hash: string;
  scope: string;
  query: SignalQuery;
};

/** What rollups need to know of a signal. */
export type RollupSignal = {
  entityRef: string;
  kind: SignalKind;
  occurredAt: Date;
  resolvedAt: Date | null;
  severity: string | null;
  account: string | null;
  value: number | null;
  attributes: Record<string, string | number | boolean> | null;
};

/** One change to one rollup row. */
type Delta = {
  entityRef: string;
  hash: string;
  day: string;
  count: number;
  sum: number;
};

const queryHashes = new WeakMap<SignalQuery, string>();

/** sha256 of the canonical query; memoised, as evaluations ask often. */
export function hashQuery(query: SignalQuery): string {
  let hash = queryHashes.get(query);
  if (!hash) {
    hash = createHash('sha256').update(signalQueryKey(query)).digest('hex');
    queryHashes.set(query, hash);
  }
  return hash;
}

export function rowToRollupSignal(row: SignalRow): RollupSignal {
  return {
    entityRef: row.entity_ref,
    kind: row.kind as SignalKind,
    occurredAt: toDate(row.occurred_at),
    resolvedAt: row.resolved_at === null ? null : toDate(row.resolved_at),
    severity: row.severity,
    account: row.account,
    value: row.value === null ? null : Number(row.value),
    attributes: row.attributes ? JSON.parse(row.attributes) : null,
  };
}

/** The UTC days a signal counts on: one, or each day a known event spans. */
function daysOf(signal: RollupSignal): string[] {
  if (signal.kind !== 'known_event' || !signal.resolvedAt) {
    return [dayKey(signal.occurredAt)];
  }
  const days: string[] = [];
  const start = Date.parse(`${dayKey(signal.occurredAt)}T00:00:00Z`);
  const end = signal.resolvedAt.getTime();
  for (
    let t = start;
    t <= end && days.length < MAX_EVENT_SPAN_DAYS;
    t += DAY_MS
  ) {
    days.push(dayKey(new Date(t)));
  }
  return days;
}

/**
 * Accumulates rollup changes in memory so that each (entity, query, day)
 * row is written once per batch.
 */
export class RollupDeltas {
  private readonly deltas = new Map<string, Delta>();

  constructor(private readonly queries: RegisteredQuery[]) {}

  /** Adds (sign 1) or removes (sign -1) a signal's contributions. */
  add(signal: RollupSignal, sign: 1 | -1) {
    const seen = new Set<string>();
    for (const { hash, scope, query } of this.queries) {
      if (scope !== GLOBAL_SCOPE && scope !== signal.entityRef) continue;
      // A query registered both globally and for this entity counts once.
      if (seen.has(hash)) continue;
      const matchable = {
        kind: signal.kind,
        severity: signal.severity ?? undefined,
        value: signal.value ?? undefined,
        account: signal.account ?? undefined,
        attributes: signal.attributes ?? undefined,
      };
      if (!signalMatchesQuery(matchable, query)) continue;
      seen.add(hash);
      for (const day of daysOf(signal)) {
        const key = `${signal.entityRef}\u0000${hash}\u0000${day}`;
        const delta = this.deltas.get(key) ?? {
          entityRef: signal.entityRef,
          hash,
          day,
          count: 0,
          sum: 0,
        };
        delta.count += sign;
        delta.sum += sign * (signal.value ?? 0);
        this.deltas.set(key, delta);
      }
    }
  }

  values(): Delta[] {
    return [...this.deltas.values()].filter(d => d.count !== 0 || d.sum !== 0);
  }
}

/**
 * Adds every stored signal of the queries' kinds (of the given entities, or
 * all) to the deltas, a page of 5,000 rows at a time.
 */
async function countStoredSignals(
  db: Knex,
  deltas: RollupDeltas,
  queries: RegisteredQuery[],
  entityRefs?: string[],
): Promise<void> {
  const kinds = [
    ...new Set(
      queries.flatMap(q =>
        Array.isArray(q.query.kind) ? q.query.kind : [q.query.kind],
      ),
    ),
  ];
  let lastId = 0;
  for (;;) {
    const page = db<SignalRow>(SIGNALS)
      .whereIn('kind', kinds)
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(5000);
    if (entityRefs) page.whereIn('entity_ref', entityRefs);
    const rows = await page;
    if (rows.length === 0) break;
    for (const row of rows) deltas.add(rowToRollupSignal(row), 1);
    lastId = Number(rows[rows.length - 1].id);
  }
}

/** A rollup row that differs from a recount of the signals it counts. */
export type RollupDrift = {
  entityRef: string;
  hash: string;
  day: string;
  stored: { count: number; sum: number };
  counted: { count: number; sum: number };
};

/** Equal counts, and sums equal but for floating-point rounding. */
function sameBucket(
  a: { count: number; sum: number },
  b: { count: number; sum: number },
): boolean {
  const scale = Math.max(1, Math.abs(a.sum), Math.abs(b.sum));
  return a.count === b.count && Math.abs(a.sum - b.sum) <= 1e-9 * scale;
}

/** The wanted queries that the registered ones do not cover for the scope. */
function missingFrom(
  registered: RegisteredQuery[],
  wanted: Map<string, SignalQuery>,
  scope: string,
): RegisteredQuery[] {
  const covered = new Set(
    registered
      .filter(q => q.scope === GLOBAL_SCOPE || q.scope === scope)
      .map(q => q.hash),
  );
  return [...wanted]
    .filter(([hash]) => !covered.has(hash))
    .map(([hash, query]) => ({ hash, scope, query }));
}

/**
 * Daily rollups of signal queries. They are updated in the same transaction
 * as the signals they count, so reads never need the raw signals.
 */
export class RollupStore {
  constructor(private readonly db: Knex) {}

  async loadQueries(tx: Knex = this.db): Promise<RegisteredQuery[]> {
    const rows = await tx(QUERIES).select('query_hash', 'scope', 'query');
    return rows.map(row => ({
      hash: row.query_hash,
      scope: row.scope,
      query: JSON.parse(row.query),
    }));
  }

  /** Writes accumulated changes, adding to what is stored. */
  async apply(tx: Knex.Transaction, deltas: RollupDeltas): Promise<void> {
    const values = deltas.values();
    for (let i = 0; i < values.length; i += WRITE_CHUNK) {
      await tx(ROLLUPS)
        .insert(
          values.slice(i, i + WRITE_CHUNK).map(d => ({
            entity_ref: d.entityRef,
            query_hash: d.hash,
            day: d.day,
            signal_count: d.count,
            value_sum: d.sum,
          })),
        )
        .onConflict(['entity_ref', 'query_hash', 'day'])
        .merge({
          signal_count: tx.raw('?? + excluded.signal_count', [
            `${ROLLUPS}.signal_count`,
          ]),
          value_sum: tx.raw('?? + excluded.value_sum', [
            `${ROLLUPS}.value_sum`,
          ]),
        });
    }
  }

  /**
   * Makes sure the queries are maintained for the scope (every entity, or one)
   * and fills the rollups of those that were not, from the stored signals.
   * Returns the queries that were new.
   *
   * Registration and fill hold the rollups lock, like ingestion: an ingest
   * either commits before the fill reads the signals (and is counted by it)
   * or starts after the registration committed (and counts itself).
   */
  async ensureQueries(
    queries: SignalQuery[],
    scope: string = GLOBAL_SCOPE,
  ): Promise<RegisteredQuery[]> {
    const wanted = new Map(queries.map(q => [hashQuery(q), q]));
    // A cheap look first: almost always, everything is registered already.
    if (missingFrom(await this.loadQueries(), wanted, scope).length === 0) {
      return [];
    }

    return this.db.transaction(async tx => {
      await lockForTransaction(tx, 'rollups');
      const missing = missingFrom(await this.loadQueries(tx), wanted, scope);
      if (missing.length === 0) return [];
      await tx(QUERIES)
        .insert(
          missing.map(q => ({
            query_hash: q.hash,
            scope: q.scope,
            query: signalQueryKey(q.query),
          })),
        )
        .onConflict(['query_hash', 'scope'])
        .ignore();
      await this.rebuild(
        tx,
        missing,
        scope === GLOBAL_SCOPE ? undefined : scope,
      );
      if (scope === GLOBAL_SCOPE) {
        // Global rollups now cover what per-entity registrations kept.
        await tx(QUERIES)
          .whereIn(
            'query_hash',
            missing.map(q => q.hash),
          )
          .whereNot('scope', GLOBAL_SCOPE)
          .delete();
      }
      return missing;
    });
  }

  /** Recomputes the rollups of the queries from the stored signals. */
  async rebuild(
    tx: Knex.Transaction,
    queries: RegisteredQuery[],
    entityRef?: string,
  ): Promise<void> {
    const hashes = queries.map(q => q.hash);
    const deleting = tx(ROLLUPS).whereIn('query_hash', hashes);
    if (entityRef) deleting.where('entity_ref', entityRef);
    await deleting.delete();

    const deltas = new RollupDeltas(
      queries.map(q => ({ ...q, scope: GLOBAL_SCOPE })),
    );
    await countStoredSignals(
      tx,
      deltas,
      queries,
      entityRef ? [entityRef] : undefined,
    );
    await this.apply(tx, deltas);
  }

  /**
   * Entity refs that have signals or rollups, in order, after `after`: the
   * walk of the reconciliation, a page at a time.
   */
  async entityRefsAfter(after: string, limit: number): Promise<string[]> {
    const page = (table: string) =>
      this.db(table)
        .distinct('entity_ref')
        .where('entity_ref', '>', after)
        .orderBy('entity_ref')
        .limit(limit)
        .then(rows => rows.map(r => r.entity_ref as string));
    const [withSignals, withRollups] = await Promise.all([
      page(SIGNALS),
      page(ROLLUPS),
    ]);
    return [...new Set([...withSignals, ...withRollups])]
      .sort()
      .slice(0, limit);
  }

  /**
   * Compares the rollups of these entities with a recount of their stored
   * signals and repairs every row that differs; answers what it repaired.
   * The comparison runs first without a lock; only entities that seem to
   * have drifted are recounted again, and repaired, under the rollups lock
   * (a concurrent ingest would otherwise look like drift).
   */
  async reconcile(entityRefs: string[]): Promise<RollupDrift[]> {
    const suspects = new Set(
      (await this.drift(this.db, entityRefs)).map(d => d.entityRef),
    );
    if (suspects.size === 0) return [];
    return this.db.transaction(async tx => {
      await lockForTransaction(tx, 'rollups');
      const drifts = await this.drift(tx, [...suspects]);
      for (const d of drifts) {
        const key = {
          entity_ref: d.entityRef,
          query_hash: d.hash,
          day: d.day,
        };
        if (d.counted.count === 0 && d.counted.sum === 0) {
          await tx(ROLLUPS).where(key).delete();
        } else {
          await tx(ROLLUPS)
            .insert({
              ...key,
              signal_count: d.counted.count,
              value_sum: d.counted.sum,
            })
            .onConflict(['entity_ref', 'query_hash', 'day'])
            .merge(['signal_count', 'value_sum']);
        }
      }
      return drifts;
    });
  }

  /** Rollup rows of the entities that differ from a recount of signals. */
  private async drift(db: Knex, entityRefs: string[]): Promise<RollupDrift[]> {
    const queries = await this.loadQueries(db);
    if (queries.length === 0 || entityRefs.length === 0) return [];
    // The same counting as ingestion, scopes included.
    const counted = new RollupDeltas(queries);
    await countStoredSignals(db, counted, queries, entityRefs);
    const expected = new Map(
      counted
        .values()
        .map(d => [`${d.entityRef}\u0000${d.hash}\u0000${d.day}`, d]),
    );

    const drifts: RollupDrift[] = [];
    const hashes = [...new Set(queries.map(q => q.hash))];
    const stored = await db(ROLLUPS)
      .select('entity_ref', 'query_hash', 'day', 'signal_count', 'value_sum')
      .whereIn('entity_ref', entityRefs)
      .whereIn('query_hash', hashes);
    for (const row of stored) {
      const key = `${row.entity_ref}\u0000${row.query_hash}\u0000${row.day}`;
      const want = expected.get(key);
      expected.delete(key);
      const have = {
        count: Number(row.signal_count),
        sum: Number(row.value_sum),
      };
      const should = { count: want?.count ?? 0, sum: want?.sum ?? 0 };
      if (!sameBucket(have, should)) {
        drifts.push({
          entityRef: row.entity_ref,
          hash: row.query_hash,
          day: row.day,
          stored: have,
          counted: should,
        });
      }
    }
    // Counted but never stored.
    for (const d of expected.values()) {
      drifts.push({
        entityRef: d.entityRef,
        hash: d.hash,
        day: d.day,
        stored: { count: 0, sum: 0 },
        counted: { count: d.count, sum: d.sum },
      });
    }
    return drifts;
  }

  /**
   * Signal counts of the given queries from `fromDay` to `toDay` (both
   * inclusive), summed per entity, for many entities at once: entity ref,
   * then query hash. Reads the rollups by their primary key, a few hundred
   * entities a query.
   */
  async totalsByEntity(
    entityRefs: string[],
    hashes: string[],
    fromDay: string,
    toDay: string,
  ): Promise<Map<string, Map<string, number>>> {
    const totals = new Map<string, Map<string, number>>();
    const refs = [...new Set(entityRefs)];
    for (let i = 0; i < refs.length; i += WRITE_CHUNK) {
      const rows: Array<{
        entity_ref: string;
        query_hash: string;
        total: number | string;
      }> = await this.db(ROLLUPS)
        .select('entity_ref', 'query_hash')
        .sum({ total: 'signal_count' })
        .whereIn('entity_ref', refs.slice(i, i + WRITE_CHUNK))
        .whereIn('query_hash', hashes)
        .whereBetween('day', [fromDay, toDay])
        .groupBy('entity_ref', 'query_hash');
      for (const row of rows) {
        const byHash = totals.get(row.entity_ref) ?? new Map<string, number>();
        byHash.set(row.query_hash, Number(row.total));
        totals.set(row.entity_ref, byHash);
      }
    }
    return totals;
  }

  /**
   * Like readSeries, for many entities in few queries: entity ref, then
   * query hash, then day.
   */
  async readSeriesMany(
    entityRefs: string[],
    hashes: string[],
    fromDay: string,
    toDay: string,
  ): Promise<
    Map<string, Map<string, Map<string, { count: number; sum: number }>>>
  > {
    const result = new Map<
      string,
      Map<string, Map<string, { count: number; sum: number }>>
    >();
    const refs = [...new Set(entityRefs)];
    for (let i = 0; i < refs.length; i += WRITE_CHUNK) {
      const rows = await this.db(ROLLUPS)
        .select('entity_ref', 'query_hash', 'day', 'signal_count', 'value_sum')
        .whereIn('entity_ref', refs.slice(i, i + WRITE_CHUNK))
        .whereIn('query_hash', hashes)
        .whereBetween('day', [fromDay, toDay]);
      for (const row of rows) {
        const byHash = result.get(row.entity_ref) ?? new Map();
        const byDay = byHash.get(row.query_hash) ?? new Map();
        byDay.set(row.day, {
          count: Number(row.signal_count),
          sum: Number(row.value_sum),
        });
        byHash.set(row.query_hash, byDay);
        result.set(row.entity_ref, byHash);
      }
    }
    return result;
  }

  /**
   * Daily counts and value sums of the given queries for one entity, from
   * `fromDay` to `toDay` (both inclusive: a signal dated in the future
   * never counts as recent), keyed by query hash then day.
   */
  async readSeries(
    entityRef: string,
    hashes: string[],
    fromDay: string,
    toDay: string,
  ): Promise<Map<string, Map<string, { count: number; sum: number }>>> {
    const rows = await this.db(ROLLUPS)
      .select('query_hash', 'day', 'signal_count', 'value_sum')
      .where('entity_ref', entityRef)
      .whereIn('query_hash', hashes)
      .whereBetween('day', [fromDay, toDay]);
    const series = new Map<
      string,
      Map<string, { count: number; sum: number }>
    >();
    for (const row of rows) {
      const byDay = series.get(row.query_hash) ?? new Map();
      byDay.set(row.day, {
        count: Number(row.signal_count),
        sum: Number(row.value_sum),
      });
      series.set(row.query_hash, byDay);
    }
    return series;
  }
}
