import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@user-trust/plugin-user-trust-backend',
  'migrations',
);

/** Brings the plugin's tables to the latest schema. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}

/** Where the knex migrations of this package live (for tests). */
export const MIGRATIONS_DIRECTORY = migrationsDir;
