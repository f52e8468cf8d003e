import { Knex } from 'knex';
import { EntityHealth } from '@user-trust/plugin-user-trust-common';

const HEALTH = 'user_trust_entity_health';
const VERSION = 'user_trust_health_version';
const WRITE_CHUNK = 200;

/**
 * The precomputed health rows of catalog entities, and a version number
 * bumped with every change so that each replica reloads its copy only when
 * something changed.
 */
export class HealthStore {
  constructor(private readonly db: Knex) {}

  /** The current version; changes whenever any row changes. */
  async version(): Promise<number> {
    const row = await this.db(VERSION).where({ id: 1 }).first('version');
    return Number(row?.version ?? 0);
  }

  /** Every row, with the version they belong to. */
  async readAll(): Promise<{ version: number; rows: EntityHealth[] }> {
    return this.db.transaction(async tx => {
      const row = await tx(VERSION).where({ id: 1 }).first('version');
      const rows: Array<{ health: string }> = await tx(HEALTH).select('health');
      return {
        version: Number(row?.version ?? 0),
        rows: rows.map(r => JSON.parse(r.health) as EntityHealth),
      };
    });
  }

  /**
   * Writes these rows, except over rows computed later; with `removeOthers`, rows of every other entity are
   * deleted (a full refresh: entities gone from the catalog disappear).
   * One transaction: readers see all of it or none.
   */
  async write(
    rows: EntityHealth[],
    options: { removeOthers?: boolean; remove?: string[] } = {},
  ): Promise<void> {
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
        await tx(HEALTH)
          .insert(
            rows.slice(i, i + WRITE_CHUNK).map(row => ({
              entity_ref: row.entityRef,
              health: JSON.stringify(row),
              evaluated_at: new Date(row.evaluatedAt),
            })),
          )
          .onConflict('entity_ref')
          .merge(['health', 'evaluated_at'])
          // A slow full refresh must not overwrite a row another replica
          // computed later (after an ingest) with what it computed before.
          .whereRaw('?? <= excluded.evaluated_at', [`${HEALTH}.evaluated_at`]);
      }
      if (options.removeOthers) {
        const keep = new Set(rows.map(r => r.entityRef));
        const stored: Array<{ entity_ref: string }> = await tx(HEALTH).select(
          'entity_ref',
        );
        const gone = stored.map(r => r.entity_ref).filter(r => !keep.has(r));
        await this.remove(tx, gone);
      }
      await this.remove(tx, options.remove ?? []);
      await tx(VERSION)
        .where({ id: 1 })
        .update({ version: tx.raw('version + 1') });
    });
  }

  private async remove(tx: Knex.Transaction, entityRefs: string[]) {
    for (let i = 0; i < entityRefs.length; i += WRITE_CHUNK) {
      await tx(HEALTH)
        .whereIn('entity_ref', entityRefs.slice(i, i + WRITE_CHUNK))
        .delete();
    }
  }
}
