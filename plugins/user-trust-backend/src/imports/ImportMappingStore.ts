import { Knex } from 'knex';
import {
  SavedSignalImportMapping,
  SignalImportMapping,
} from '@user-trust/plugin-user-trust-common';

const TABLE = 'user_trust_import_mappings';

type MappingRow = {
  source: string;
  mapping: string;
  updated_by: string;
  updated_at: number | string;
};

function fromRow(row: MappingRow): SavedSignalImportMapping {
  return {
    source: row.source,
    mapping: JSON.parse(row.mapping),
    updatedBy: row.updated_by,
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

/** The column mapping saved per import source. */
export class ImportMappingStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<SavedSignalImportMapping[]> {
    const rows = await this.db<MappingRow>(TABLE).orderBy('source');
    return rows.map(fromRow);
  }

  async save(
    source: string,
    mapping: SignalImportMapping,
    updatedBy: string,
    now: Date = new Date(),
  ): Promise<SavedSignalImportMapping> {
    const row: MappingRow = {
      source,
      mapping: JSON.stringify(mapping),
      updated_by: updatedBy,
      updated_at: now.getTime(),
    };
    await this.db<MappingRow>(TABLE)
      .insert(row)
      .onConflict('source')
      .merge(['mapping', 'updated_by', 'updated_at']);
    return fromRow(row);
  }
}
