import { Knex } from 'knex';

/**
 * PostgreSQL advisory locks of the plugin, one key each, held for the rest
 * of a transaction. SQLite serialises writers by itself, so there they are
 * no-ops.
 */
const LOCK_KEYS = {
  /**
   * Signal ingestion, and every rollup fill or repair: whoever holds it
   * sees every committed signal and every registered query, so no signal
   * is counted twice or missed by a rollup.
   */
  rollups: 7_482_310_551,
  /** Writes of the field-role registry. */
  fieldRoles: 7_482_310_552,
} as const;

export type LockName = keyof typeof LOCK_KEYS;

/** Takes the named lock until the transaction ends (PostgreSQL only). */
export async function lockForTransaction(
  tx: Knex.Transaction,
  name: LockName,
): Promise<void> {
  if (tx.client.config.client === 'pg') {
    await tx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEYS[name]]);
  }
}
