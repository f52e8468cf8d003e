import { Knex } from 'knex';
import {
  dayKey,
  signalMatchesQuery,
} from '@user-trust/plugin-user-trust-common';
import { GLOBAL_SCOPE, RollupStore, rowToRollupSignal } from '../RollupStore';
import { SignalRow } from '../../signals/types';

/**
 * What every registered rollup should hold (signal counts by entity, query
 * hash and day), recounted from the raw signals the slow and obvious way.
 */
export async function recountRollups(knex: Knex) {
  const registered = await new RollupStore(knex).loadQueries();
  const signals = await knex<SignalRow>('user_trust_signals');
  const expected = new Map<string, number>();
  for (const row of signals) {
    const signal = rowToRollupSignal(row);
    const counted = new Set<string>();
    for (const { hash, scope, query } of registered) {
      if (scope !== GLOBAL_SCOPE && scope !== signal.entityRef) continue;
      if (counted.has(hash)) continue;
      if (
        !signalMatchesQuery(
          {
            kind: signal.kind,
            severity: signal.severity ?? undefined,
            value: signal.value ?? undefined,
          },
          query,
        )
      )
        continue;
      counted.add(hash);
      const key = `${signal.entityRef}|${hash}|${dayKey(signal.occurredAt)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
  }
  return expected;
}

/** The stored, non-zero rollup counts, keyed like recountRollups. */
export async function storedRollups(knex: Knex) {
  const rows = await knex('user_trust_rollups').where('signal_count', '<>', 0);
  return new Map(
    rows.map(r => [
      `${r.entity_ref}|${r.query_hash}|${r.day}`,
      Number(r.signal_count),
    ]),
  );
}
