import fs from 'node:fs';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';

jest.setTimeout(60_000);

const migrationFiles = fs
  .readdirSync(MIGRATIONS_DIRECTORY)
  .filter(name => name.endsWith('.js'))
  .sort();

/**
 * The plugin tables that exist once a migration has run. Add an entry with
 * every new migration: the first test fails until you do.
 */
const TABLES_AFTER: Record<string, string[]> = {
  '20261127000000_signals.js': ['user_trust_signals'],
  '20261127010000_rollups.js': [
    'user_trust_entity_slos',
    'user_trust_rollup_queries',
    'user_trust_rollups',
    'user_trust_signals',
  ],
  '20261127020000_field_roles.js': [
    'user_trust_entity_slos',
    'user_trust_field_role_audit',
    'user_trust_field_roles',
    'user_trust_rollup_queries',
    'user_trust_rollups',
    'user_trust_signals',
  ],
  '20261127030000_entity_health.js': [
    'user_trust_entity_health',
    'user_trust_entity_slos',
    'user_trust_field_role_audit',
    'user_trust_field_roles',
    'user_trust_health_version',
    'user_trust_rollup_queries',
    'user_trust_rollups',
    'user_trust_signals',
  ],
  '20261201000000_durable_marks.js': [
    'user_trust_changed_entities',
    'user_trust_entity_health',
    'user_trust_entity_slos',
    'user_trust_field_role_audit',
    'user_trust_field_roles',
    'user_trust_health_version',
    'user_trust_rollup_queries',
    'user_trust_rollups',
    'user_trust_signals',
    'user_trust_task_state',
  ],
  '20261202000000_sources.js': [
    'user_trust_changed_entities',
    'user_trust_entity_health',
    'user_trust_entity_slos',
    'user_trust_external_services',
    'user_trust_field_role_audit',
    'user_trust_field_roles',
    'user_trust_health_version',
    'user_trust_rollup_queries',
    'user_trust_rollups',
    'user_trust_signals',
    'user_trust_source_errors',
    'user_trust_source_hourly',
    'user_trust_source_status',
    'user_trust_task_state',
    'user_trust_unattributed_signals',
  ],
  '20261206000000_import_mappings.js': [
    'user_trust_changed_entities',
    'user_trust_entity_health',
    'user_trust_entity_slos',
    'user_trust_external_services',
    'user_trust_field_role_audit',
    'user_trust_field_roles',
    'user_trust_health_version',
    'user_trust_import_mappings',
    'user_trust_rollup_queries',
    'user_trust_rollups',
    'user_trust_signals',
    'user_trust_source_errors',
    'user_trust_source_hourly',
    'user_trust_source_status',
    'user_trust_task_state',
    'user_trust_unattributed_signals',
  ],
  '20261208000000_alert_states.js': [
    'user_trust_alert_states',
    'user_trust_alert_transitions',
    'user_trust_changed_entities',
    'user_trust_entity_health',
    'user_trust_entity_slos',
    'user_trust_external_services',
    'user_trust_field_role_audit',
    'user_trust_field_roles',
    'user_trust_health_version',
    'user_trust_import_mappings',
    'user_trust_rollup_queries',
    'user_trust_rollups',
    'user_trust_signals',
    'user_trust_source_errors',
    'user_trust_source_hourly',
    'user_trust_source_status',
    'user_trust_task_state',
    'user_trust_unattributed_signals',
  ],
};

const ALL_TABLES = [...new Set(Object.values(TABLES_AFTER).flat())].sort();

async function existingTables(knex: Knex): Promise<string[]> {
  const tables: string[] = [];
  for (const table of ALL_TABLES) {
    if (await knex.schema.hasTable(table)) {
      tables.push(table);
    }
  }
  return tables;
}

async function completedMigrations(knex: Knex): Promise<string[]> {
  const [completed] = await knex.migrate.list({
    directory: MIGRATIONS_DIRECTORY,
  });
  return completed.map((migration: { name: string }) => migration.name);
}

async function migrateUpOnce(knex: Knex): Promise<void> {
  await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY });
}

async function migrateDownOnce(knex: Knex): Promise<void> {
  await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
}

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('lists the tables of every migration file', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
    expect(migrationFiles).toEqual(Object.keys(TABLES_AFTER).sort());
  });

  it.each(databases.eachSupportedId())(
    'runs every migration up one by one, then down to zero, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      expect(await existingTables(knex)).toEqual([]);

      for (const [index, file] of migrationFiles.entries()) {
        await migrateUpOnce(knex);
        expect(await completedMigrations(knex)).toEqual(
          migrationFiles.slice(0, index + 1),
        );
        expect(await existingTables(knex)).toEqual(TABLES_AFTER[file]);
      }

      // The latest schema takes a minimal row and enforces the unique key.
      const row = {
        source: 'zendesk',
        external_id: 'case-1',
        kind: 'support_case',
        entity_ref: 'component:default/checkout-api',
        occurred_at: new Date('2026-01-10T12:00:00.123Z'),
      };
      await knex('user_trust_signals').insert(row);
      // Compares messages: the SqliteError class can come from another test
      // file's realm (the native addon keeps the first one), so it may fail
      // `instanceof Error` and with it `rejects.toThrow()`.
      const duplicate = await knex('user_trust_signals')
        .insert(row)
        .then(
          () => 'inserted',
          (e: Error) => e.message,
        );
      expect(duplicate).toMatch(/UNIQUE constraint failed|duplicate key value/);
      await knex('user_trust_signals').insert({ ...row, source: 'pagerduty' });
      const stored = await knex('user_trust_signals').select(
        'created_at',
        'updated_at',
      );
      expect(stored).toHaveLength(2);
      expect(stored[0].created_at).toBeTruthy();
      expect(stored[0].updated_at).toBeTruthy();

      // A field-role holder is unique per entity and role; the audit log
      // numbers its entries.
      const assignment = {
        entity_ref: 'component:default/checkout-api',
        role: 'tam',
        holder_ref: 'user:default/rachel.kim',
        accounts: '[]',
        since: '2026-01-01',
        registered_by: 'user:default/platform-person',
      };
      await knex('user_trust_field_roles').insert(assignment);
      const again = await knex('user_trust_field_roles')
        .insert({ ...assignment, note: 'again' })
        .then(
          () => 'inserted',
          (e: Error) => e.message,
        );
      expect(again).toMatch(/UNIQUE constraint failed|duplicate key value/);
      await knex('user_trust_field_roles').insert({
        ...assignment,
        holder_ref: 'group:default/customer-success',
      });
      const [registered] = await knex('user_trust_field_roles').select(
        'registered_at',
      );
      expect(registered.registered_at).toBeTruthy();
      for (const action of ['set', 'import']) {
        await knex('user_trust_field_role_audit').insert({
          actor: 'user:default/platform-person',
          entity_ref: assignment.entity_ref,
          role: 'tam',
          action,
          before: '[]',
          after: '[]',
        });
      }
      const audit = await knex('user_trust_field_role_audit')
        .select('id', 'at', 'action')
        .orderBy('id');
      expect(audit.map(a => a.action)).toEqual(['set', 'import']);
      expect(Number(audit[1].id)).toBeGreaterThan(Number(audit[0].id));
      expect(audit[0].at).toBeTruthy();

      for (let index = migrationFiles.length - 1; index >= 0; index--) {
        await migrateDownOnce(knex);
        expect(await completedMigrations(knex)).toEqual(
          migrationFiles.slice(0, index),
        );
        expect(await existingTables(knex)).toEqual(
          index > 0 ? TABLES_AFTER[migrationFiles[index - 1]] : [],
        );
      }
      expect(
        await knex.migrate.currentVersion({ directory: MIGRATIONS_DIRECTORY }),
      ).toBe('none');
    },
  );
});
