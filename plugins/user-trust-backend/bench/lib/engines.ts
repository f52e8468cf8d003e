import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';

/**
 * A database engine the benchmark runs on: how the backend is configured
 * for it, where the plugin's database ends up, and a second, separate
 * database for the raw-insert baseline.
 */
export interface Engine {
  id: 'sqlite' | 'postgres';
  label: string;
  /** Creates what the run needs; removes leftovers of an aborted run. */
  prepare(): Promise<void>;
  /** `backend.database` of the backend config. */
  backendDatabaseConfig(): Record<string, unknown>;
  /** A client of the database the plugin uses (after the backend started). */
  openPluginDatabase(): Knex;
  /** A client of the (empty) database for the raw-insert baseline. */
  openRawDatabase(): Knex;
  /** Bytes on disk of the plugin's and the raw database, and their tables. */
  sizes(): Promise<Record<string, number>>;
  version(): Promise<string>;
  /** Removes every database and file the run created. */
  cleanup(): Promise<void>;
  describe(): string;
  /**
   * Starts what the database server would do in the background in
   * production, if this server does not (see PostgresEngine). Returns a
   * stop function and a description of what ran.
   */
  startMaintenance?(log: (m: string) => void): Promise<{
    stop(): Promise<string | undefined>;
  }>;
}

const PLUGIN_ID = 'user-trust';

export class SqliteEngine implements Engine {
  readonly id = 'sqlite' as const;
  readonly label = 'SQLite (better-sqlite3, file)';
  private dir = '';

  constructor(private readonly parentDir: string = tmpdir()) {}

  async prepare() {
    this.dir = await mkdtemp(join(this.parentDir, 'user-trust-bench-'));
  }

  backendDatabaseConfig() {
    // As in a default Backstage SQLite setup: one file per plugin.
    return { client: 'better-sqlite3', connection: { directory: this.dir } };
  }

  private client(filename: string): Knex {
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
    });
  }

  openPluginDatabase() {
    return this.client(join(this.dir, `${PLUGIN_ID}.sqlite`));
  }

  openRawDatabase() {
    return this.client(join(this.dir, 'raw-baseline.sqlite'));
  }

  async sizes() {
    const out: Record<string, number> = {};
    for (const file of await readdir(this.dir)) {
      out[`file ${file}`] = (await stat(join(this.dir, file))).size;
    }
    const db = this.openPluginDatabase();
    try {
      // dbstat is compiled into better-sqlite3's SQLite.
      const rows = await db.raw(
        `SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC`,
      );
      for (const row of rows) out[`plugin ${row.name}`] = Number(row.bytes);
    } catch {
      // no dbstat: file sizes only
    } finally {
      await db.destroy();
    }
    return out;
  }

  async version() {
    const db = this.client(':memory:');
    try {
      const [row] = await db.raw('SELECT sqlite_version() AS v');
      return `SQLite ${row.v} (better-sqlite3 ${
        require('better-sqlite3/package.json').version
      })`;
    } finally {
      await db.destroy();
    }
  }

  async cleanup() {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  describe() {
    return `SQLite files in ${this.dir} (journal_mode and synchronous at their defaults, as the backend opens them)`;
  }
}

export class PostgresEngine implements Engine {
  readonly id = 'postgres' as const;
  readonly label = 'PostgreSQL';

  constructor(
    private readonly url: string,
    private readonly prefix: string = 'user_trust_bench_',
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) {
      throw new Error(`Bad database prefix '${prefix}'`);
    }
  }

  /** Databases of this run: the plugin's (named by the backend) and raw. */
  private get pluginDatabase() {
    return `${this.prefix}${PLUGIN_ID}`;
  }
  private get rawDatabase() {
    return `${this.prefix}raw`;
  }

  private client(database: string, pool = { min: 0, max: 2 }): Knex {
    const connection = new URL(this.url);
    connection.pathname = `/${database}`;
    return knexFactory({
      client: 'pg',
      connection: connection.toString(),
      pool,
    });
  }

  private async admin<T>(fn: (db: Knex) => Promise<T>): Promise<T> {
    const db = this.client('postgres', { min: 0, max: 1 });
    try {
      return await fn(db);
    } finally {
      await db.destroy();
    }
  }

  private async dropOwn(db: Knex) {
    // Only databases of this prefix; FORCE closes connections the backend
    // left open.
    for (const name of [this.pluginDatabase, this.rawDatabase]) {
      await db.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    }
  }

  async prepare() {
    await this.admin(async db => {
      await this.dropOwn(db);
      await db.raw('CREATE DATABASE ??', [this.rawDatabase]);
    });
  }

  backendDatabaseConfig() {
    return { client: 'pg', connection: this.url, prefix: this.prefix };
  }

  openPluginDatabase() {
    return this.client(this.pluginDatabase);
  }

  openRawDatabase() {
    return this.client(this.rawDatabase);
  }

  async sizes() {
    const out: Record<string, number> = {};
    for (const [label, name] of [
      ['plugin', this.pluginDatabase],
      ['raw', this.rawDatabase],
    ]) {
      const db = this.client(name);
      try {
        const {
          rows: [total],
        } = await db.raw(
          'SELECT pg_database_size(current_database()) AS bytes',
        );
        out[`${label} database`] = Number(total.bytes);
        const { rows } = await db.raw(
          `SELECT relname AS name, pg_total_relation_size(c.oid) AS bytes
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
            ORDER BY bytes DESC`,
        );
        for (const row of rows) {
          if (Number(row.bytes) > 1024 * 1024) {
            out[`${label} ${row.name}`] = Number(row.bytes);
          }
        }
      } finally {
        await db.destroy();
      }
    }
    return out;
  }

  async version() {
    return this.admin(async db => {
      const {
        rows: [row],
      } = await db.raw('SELECT version() AS v');
      const settings = await db.raw(
        `SELECT name, current_setting(name) AS value FROM pg_settings
          WHERE name IN ('shared_buffers','max_wal_size','synchronous_commit','fsync','work_mem','checkpoint_timeout','autovacuum')
          ORDER BY name`,
      );
      const pretty = settings.rows
        .map((s: any) => `${s.name}=${s.value}`)
        .join(', ');
      return `${
        String(row.v).split(' on ')[0]
      } (local, same machine; ${pretty})`;
    });
  }

  async cleanup() {
    await this.admin(db => this.dropOwn(db));
  }

  /**
   * With `autovacuum = off` on the server (a CI setting), tables are never
   * analyzed: the planner keeps estimating from empty tables and the
   * plugin's duplicate lookup degrades to scanning every row of a source,
   * which makes a 5M-signal ingest run for hours. In that case this does
   * what the autovacuum launcher does with its default settings: every
   * `autovacuum_naptime`, ANALYZE each table of this run's databases whose
   * rows changed by more than 50 + 10% since the last analyze. It runs on
   * its own connection, beside the load, like autovacuum. Vacuuming is not
   * emulated.
   */
  async startMaintenance(log: (m: string) => void) {
    const { autovacuum, naptime } = await this.admin(async db => {
      const rows = await db.raw(
        `SELECT name, setting FROM pg_settings WHERE name IN ('autovacuum', 'autovacuum_naptime')`,
      );
      const get = (n: string) =>
        rows.rows.find((r: any) => r.name === n)?.setting;
      return {
        autovacuum: get('autovacuum'),
        naptime: Number(get('autovacuum_naptime')),
      };
    });
    if (autovacuum === 'on') {
      return { stop: async () => undefined };
    }
    const intervalMs = (naptime || 60) * 1000;
    log(
      `server has autovacuum=off: emulating its ANALYZE every ${
        intervalMs / 1000
      } s`,
    );
    const clients = [this.pluginDatabase, this.rawDatabase].map(name => ({
      name,
      db: this.client(name, { min: 0, max: 1 }),
    }));
    const runs: string[] = [];
    let analyzeMs = 0;
    let busy: Promise<void> | undefined;
    const tick = async () => {
      for (const { name, db } of clients) {
        const { rows } = await db.raw(
          `SELECT relname FROM pg_stat_user_tables
            WHERE n_mod_since_analyze > 50 + 0.1 * GREATEST(
              (SELECT reltuples FROM pg_class WHERE oid = relid), 0)`,
        );
        for (const { relname } of rows) {
          const started = performance.now();
          await db.raw('ANALYZE ??', [relname]);
          analyzeMs += performance.now() - started;
          runs.push(`${name}.${relname}`);
        }
      }
    };
    const timer = setInterval(() => {
      if (!busy) {
        busy = tick()
          .catch(e => log(`emulated autoanalyze failed: ${e}`))
          .finally(() => {
            busy = undefined;
          });
      }
    }, intervalMs);
    return {
      stop: async () => {
        clearInterval(timer);
        await busy;
        await Promise.all(clients.map(c => c.db.destroy()));
        const pluginRuns = runs.filter(r =>
          r.startsWith(this.pluginDatabase),
        ).length;
        return `autovacuum is off on this server; its ANALYZE was emulated every ${
          intervalMs / 1000
        } s with the default thresholds: ${
          runs.length
        } ANALYZE runs (${pluginRuns} on the plugin's database), ${(
          analyzeMs / 1000
        ).toFixed(1)} s in total, on a separate connection`;
      },
    };
  }

  describe() {
    return `PostgreSQL databases ${this.pluginDatabase} (plugin) and ${this.rawDatabase} (raw baseline)`;
  }
}
