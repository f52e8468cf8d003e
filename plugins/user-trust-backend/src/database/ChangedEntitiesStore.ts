import { Knex } from 'knex';

const TABLE = 'user_trust_changed_entities';
const CHUNK_SIZE = 200;

/** An entity marked out of date, as read: the version clears only itself. */
export type ChangedEntityMark = { entityRef: string; version: number };

/**
 * Which entities' derived data (health rows) is out of date. Marks are
 * written in the transaction of the change itself (an ingest, an SLO or
 * field-role change), so a crash after the change is acknowledged cannot
 * lose them; a refresh clears a mark only if no newer change bumped it
 * meanwhile. Versions, not clocks: replicas' clocks need not agree.
 */
export class ChangedEntitiesStore {
  constructor(private readonly db: Knex) {}

  /** Marks the entities changed, within the given transaction if any. */
  async mark(entityRefs: Iterable<string>, tx: Knex = this.db): Promise<void> {
    const refs = [...new Set(entityRefs)].sort();
    const now = Date.now();
    for (let i = 0; i < refs.length; i += CHUNK_SIZE) {
      await tx(TABLE)
        .insert(
          refs
            .slice(i, i + CHUNK_SIZE)
            .map(ref => ({ entity_ref: ref, version: 1, changed_at: now })),
        )
        .onConflict('entity_ref')
        .merge({
          version: tx.raw('?? + 1', [`${TABLE}.version`]),
          changed_at: tx.raw('excluded.changed_at'),
        });
    }
  }

  /** The marks changed longest ago first; all of them without a limit. */
  async oldest(limit?: number): Promise<ChangedEntityMark[]> {
    const query = this.db(TABLE)
      .select('entity_ref', 'version')
      .orderBy([
        { column: 'changed_at', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
      ]);
    if (limit !== undefined) query.limit(limit);
    const rows = await query;
    return rows.map(row => ({
      entityRef: row.entity_ref,
      version: Number(row.version),
    }));
  }

  /** Removes the marks that no change has bumped since they were read. */
  async clear(marks: ChangedEntityMark[]): Promise<void> {
    for (let i = 0; i < marks.length; i += CHUNK_SIZE) {
      await this.db(TABLE)
        .where(builder => {
          for (const { entityRef, version } of marks.slice(i, i + CHUNK_SIZE)) {
            builder.orWhere(inner =>
              inner.where({ entity_ref: entityRef, version }),
            );
          }
        })
        .delete();
    }
  }
}
