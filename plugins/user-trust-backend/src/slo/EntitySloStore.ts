import { Knex } from 'knex';
import { toDate } from '../database/dates';

const TABLE = 'user_trust_entity_slos';

/** An OpenSLO document registered for an entity through the API. */
export type StoredSloDocument = {
  entityRef: string;
  document: string;
  updatedBy?: string;
  updatedAt: Date;
};

/** SLO documents set through `PUT /entities/{...}/slos`. */
export class EntitySloStore {
  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<StoredSloDocument | undefined> {
    const row = await this.db(TABLE).where('entity_ref', entityRef).first();
    return row
      ? {
          entityRef: row.entity_ref,
          document: row.document,
          updatedBy: row.updated_by ?? undefined,
          updatedAt: toDate(row.updated_at),
        }
      : undefined;
  }

  /** Documents of many entities in one query, keyed by entity ref. */
  async getMany(entityRefs: string[]): Promise<Map<string, StoredSloDocument>> {
    const found = new Map<string, StoredSloDocument>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = await this.db(TABLE).whereIn(
        'entity_ref',
        entityRefs.slice(i, i + 500),
      );
      for (const row of rows) {
        found.set(row.entity_ref, {
          entityRef: row.entity_ref,
          document: row.document,
          updatedBy: row.updated_by ?? undefined,
          updatedAt: toDate(row.updated_at),
        });
      }
    }
    return found;
  }

  async put(entityRef: string, document: string, updatedBy?: string) {
    await this.db(TABLE)
      .insert({
        entity_ref: entityRef,
        document,
        updated_by: updatedBy ?? null,
        updated_at: new Date(),
      })
      .onConflict('entity_ref')
      .merge(['document', 'updated_by', 'updated_at']);
  }

  async delete(entityRef: string): Promise<boolean> {
    return (await this.db(TABLE).where('entity_ref', entityRef).delete()) > 0;
  }
}
