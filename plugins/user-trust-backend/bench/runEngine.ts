/*
 * Runs the scenarios on one engine, in this process: a fresh process per
 * engine keeps memory figures and JIT state of one engine out of the other.
 * Started by bench/index.ts; writes its results as JSON to --result-file.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBenchBackend } from './lib/backend';
import { DataSet } from './lib/dataset';
import { Engine, PostgresEngine, SqliteEngine } from './lib/engines';
import { memorySnapshot, MemorySnapshot } from './lib/memory';
import { profiled } from './lib/profiler';
import { LoadClient } from './lib/loadClient';
import { parseOptions } from './lib/options';
import { SCENARIOS, ScenarioResult } from './scenarios';

export type EngineRun = {
  engine: string;
  label: string;
  version?: string;
  storage?: string;
  startedAt: string;
  durationS: number;
  scenarios: ScenarioResult[];
  memory: MemorySnapshot[];
  /** Commit and state of the measured code when this engine started and ended. */
  code?: string;
  /** Background work done beside the load (emulated autovacuum). */
  maintenance?: string;
  error?: string;
};

const CODE_PATHS = [
  'plugins/user-trust-backend/src',
  'plugins/user-trust-backend/migrations',
  'plugins/user-trust-common/src',
];

/**
 * The commit, whether the measured code differs from it, and a fingerprint
 * of that code (trees at HEAD plus uncommitted changes), to tell whether it
 * changed while the benchmark ran.
 */
function codeState(): { label: string; fingerprint: string } {
  const root = join(__dirname, '../../..');
  try {
    const run = (cmd: string) =>
      execSync(cmd, {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }).trim();
    const head = run('git rev-parse --short HEAD');
    const trees = CODE_PATHS.map(p => run(`git rev-parse HEAD:${p}`)).join(' ');
    const diff = run(`git diff HEAD -- ${CODE_PATHS.join(' ')}`);
    const untracked = run(
      `git ls-files --others --exclude-standard -- ${CODE_PATHS.join(' ')}`,
    );
    const dirty = diff !== '' || untracked !== '';
    return {
      label: dirty ? `${head} with uncommitted changes in the plugin` : head,
      fingerprint: `${trees}\n${diff}\n${untracked}`,
    };
  } catch {
    return { label: 'unknown', fingerprint: 'unknown' };
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!options.engine || !options.resultFile || !options.end) {
    throw new Error('runEngine needs --engine, --result-file and --end');
  }
  const log = (message: string) =>
    console.log(
      `[bench ${options.engine}] ${new Date()
        .toISOString()
        .slice(11, 19)} ${message}`,
    );
  const engine: Engine =
    options.engine === 'sqlite'
      ? new SqliteEngine(options.dataDir)
      : new PostgresEngine(options.pgUrl, options.pgPrefix);

  const started = Date.now();
  const codeAtStart = codeState();
  const run: EngineRun = {
    engine: engine.id,
    label: engine.label,
    startedAt: new Date(started).toISOString(),
    durationS: 0,
    scenarios: [],
    memory: [],
  };
  const snapshot = (label: string) => {
    const m = memorySnapshot(label);
    run.memory.push(m);
    log(
      `memory ${label}: rss ${m.rssMiB.toFixed(
        0,
      )} MiB, heap ${m.heapUsedMiB.toFixed(0)} MiB`,
    );
  };

  let stop: (() => Promise<void>) | undefined;
  let client: LoadClient | undefined;
  let stopMaintenance: (() => Promise<string | undefined>) | undefined;
  try {
    run.version = await engine.version();
    await engine.prepare();
    run.storage = engine.describe();
    const dataset = new DataSet({
      entities: options.entities,
      signals: options.signals,
      days: options.days,
      seed: options.seed,
      end: new Date(options.end),
    });
    snapshot('before backend start');
    const backend = await startBenchBackend({
      database: engine.backendDatabaseConfig(),
      // Ingestion refuses signals for entities (and handlers) the catalog
      // does not know.
      entities: [...dataset.entities(), ...dataset.people()],
      extraConfig: { userTrust: { evaluation: { cacheSeconds: 0 } } },
    });
    stop = backend.stop;
    log(`backend listening at ${backend.baseUrl}`);
    snapshot('after backend start');
    client = new LoadClient(backend.baseUrl, backend.token);
    // Round trip once so the worker is up before anything is measured.
    await client.get({
      paths: ['/api/user-trust/slos/validate'].slice(0, 0),
      concurrency: 1,
    });
    snapshot('after load client start');
    if (engine.startMaintenance) {
      stopMaintenance = (await engine.startMaintenance(log)).stop;
    }

    const wanted = new Set(options.scenarios);
    for (const scenario of SCENARIOS) {
      // The data set is loaded by `ingest`, which every other scenario needs.
      if (!wanted.has(scenario.id) && scenario.id !== 'ingest') continue;
      log(`scenario ${scenario.id}`);
      const profile = options.cpuProfile
        ? join(options.cpuProfile, `${engine.id}-${scenario.id}.cpuprofile`)
        : undefined;
      run.scenarios.push(
        await profiled(profile, () =>
          scenario.run({
            options,
            engine,
            dataset,
            backend,
            client: client!,
            log,
          }),
        ),
      );
      if (profile) log(`CPU profile written to ${profile}`);
      snapshot(`after ${scenario.id}`);
    }
  } catch (e) {
    run.error = (e as Error).stack ?? String(e);
    log(`FAILED: ${run.error}`);
  } finally {
    run.durationS = (Date.now() - started) / 1000;
    const codeAtEnd = codeState();
    run.code =
      codeAtEnd.fingerprint === codeAtStart.fingerprint
        ? codeAtStart.label
        : `${codeAtStart.label} at start, ${codeAtEnd.label} at the end: the plugin's code changed during the run`;
    try {
      run.maintenance = await stopMaintenance?.();
    } catch (e) {
      log(`maintenance stop failed: ${e}`);
    }
    await client?.close();
    try {
      await stop?.();
    } catch (e) {
      log(`backend stop failed: ${e}`);
    }
    if (!options.keep) {
      try {
        await engine.cleanup();
      } catch (e) {
        log(`cleanup failed: ${e}`);
      }
    } else {
      log(`kept: ${engine.describe()}`);
    }
    writeFileSync(options.resultFile, JSON.stringify(run, null, 2));
  }
  return run.error ? 1 : 0;
}

main().then(
  code => process.exit(code),
  e => {
    console.error(e);
    process.exit(2);
  },
);
