import { Knex } from 'knex';
import { toDate } from './dates';

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
