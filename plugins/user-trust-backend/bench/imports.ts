/*
 * Benchmark of the file import, `POST /api/user-trust/imports/signals`: a
 * generated CRM export of 100,000 support cases as CSV, through a dry run,
 * the streamed import and the same file again, on SQLite and PostgreSQL.
 * Each engine runs in its own process (this script started with
 * `--engine`), with a real backend in it (lib/backend.ts); this script
 * collects their results and writes its own section of docs/benchmarks.md
 * (between `<!-- import-bench:start -->` and `<!-- import-bench:end -->`,
 * which the backend benchmark keeps when it rewrites the file).
 *
 *   node scripts/yarn.mjs workspace @user-trust/plugin-user-trust-backend \
 *     bench:import [--rows 100000] [--engines sqlite,postgres] [--out docs/benchmarks.md|-]
 */
import { execSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Entity } from '@backstage/catalog-model';
import type {
  SignalImportMapping,
  SignalImportRequest,
  SignalImportResult,
} from '@user-trust/plugin-user-trust-common';
import { parseSignalFile } from '../src/imports/parseSignalFile';
import { SignalImportService } from '../src/imports/SignalImportService';
import { KnownEntityRefs } from '../src/signals/KnownEntityRefs';
import { SignalIngestor } from '../src/signals/SignalIngestor';
import { startBenchBackend } from './lib/backend';
import { ImportStep, postImport } from './lib/importClient';
import { fakeCatalog } from './lib/catalog';
import { Engine, PostgresEngine, SqliteEngine } from './lib/engines';
import { memorySnapshot, MemorySnapshot } from './lib/memory';
import { profiled } from './lib/profiler';
import { rng } from './lib/random';

const REPO_ROOT = resolve(__dirname, '../../..');
const START = '<!-- import-bench:start -->';
const END = '<!-- import-bench:end -->';
// A hand-written analysis inside the section, kept by every run.
const ANALYSIS_START = '<!-- import-analysis:start -->';
const ANALYSIS_END = '<!-- import-analysis:end -->';

const SOURCE = 'crm-export';
const HEADER = 'Case ID,Service,Created,Solved,Priority,Customer,Plan';
/** A CRM export's columns, mapped to signal fields (as in importRoutes.test). */
const MAPPING: SignalImportMapping = {
  columns: {
    externalId: 'Case ID',
    entityRef: 'Service',
    occurredAt: 'Created',
    resolvedAt: 'Solved',
    severity: 'Priority',
    account: 'Customer',
  },
  defaults: { kind: 'support_case' },
  attributes: ['Plan'],
};

const HELP = `Usage: node scripts/yarn.mjs workspace @user-trust/plugin-user-trust-backend bench:import [options]

  --rows N                   rows of the generated CSV (default 100000)
  --components N             catalog components the rows name (default 500)
  --engines sqlite,postgres  engines, each in a fresh process (default both)
  --out FILE|-               report file (default docs/benchmarks.md); - prints only
  --pg-url URL               PostgreSQL server (default postgresql://postgres@127.0.0.1:5432)
  --pg-prefix P              database prefix (default user_trust_bench_import_)
  --cpu-profile DIR          a .cpuprofile of each measured request per engine
  --seed N                   data seed (default 7)`;

type Options = {
  rows: number;
  components: number;
  engines: Array<'sqlite' | 'postgres'>;
  out: string;
  pgUrl: string;
  pgPrefix: string;
  cpuProfile?: string;
  seed: number;
  help: boolean;
  /** Child process only. */
  engine?: 'sqlite' | 'postgres';
  resultFile?: string;
  end?: string;
};

function parseOptions(args: string[]): Options {
  const options: Options = {
    rows: 100_000,
    components: 500,
    engines: ['sqlite', 'postgres'],
    out: 'docs/benchmarks.md',
    pgUrl: 'postgresql://postgres@127.0.0.1:5432',
    pgPrefix: 'user_trust_bench_import_',
    seed: 7,
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const int = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0) {
        throw new Error(`${arg} needs a positive integer`);
      }
      return n;
    };
    switch (arg) {
      case '--rows':
        options.rows = int();
        break;
      case '--components':
        options.components = int();
        break;
      case '--engines':
        options.engines = value()
          .split(',')
          .map(e => {
            if (e !== 'sqlite' && e !== 'postgres') {
              throw new Error(`unknown engine '${e}'`);
            }
            return e;
          });
        break;
      case '--out':
        options.out = value();
        break;
      case '--pg-url':
        options.pgUrl = value();
        break;
      case '--pg-prefix':
        options.pgPrefix = value();
        break;
      case '--cpu-profile':
        options.cpuProfile = resolve(value());
        break;
      case '--seed':
        options.seed = int();
        break;
      case '--engine': {
        const e = value();
        if (e !== 'sqlite' && e !== 'postgres') {
          throw new Error(`unknown engine '${e}'`);
        }
        options.engine = e;
        break;
      }
      case '--result-file':
        options.resultFile = value();
        break;
      case '--end':
        options.end = value();
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}\n\n${HELP}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------
// The generated file

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function componentName(index: number): string {
  const words = [
    'checkout',
    'payments',
    'search',
    'catalog',
    'billing',
    'identity',
    'orders',
    'shipping',
    'pricing',
    'notifications',
  ];
  const kinds = ['api', 'service', 'worker', 'web', 'gateway'];
  return `${words[index % words.length]}-${
    kinds[Math.floor(index / words.length) % kinds.length]
  }-${String(index).padStart(3, '0')}`;
}

function components(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: componentName(i), namespace: 'default' },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/team-${i % 40}`,
    },
  }));
}

const COMPANY_A = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark'];
const COMPANY_B = ['Logistics', 'Foods', 'Energy', 'Health', 'Media', 'Retail'];
const COMPANY_SUFFIX = ['GmbH', 'Inc.', 'Ltd', 'SA', 'AG', 'BV'];
const PLANS = ['free', 'team', 'business', 'enterprise', 'team, annual'];

/** A CSV cell, quoted when it holds a delimiter or a quote. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `2026-11-03T14:22:05Z`: ISO 8601 in UTC, to the second, as CRMs export. */
function isoSecond(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/**
 * A CRM export of support cases: one row a case, oldest first, created
 * within the 90 days before `end`, on services named bare (as exports hold
 * them) with a skewed spread (a few services get most cases), mostly
 * solved, priorities P1–P4, customers with commas in their names.
 */
export function generateCsv(
  rows: number,
  componentCount: number,
  seed: number,
  end: number,
): string {
  const random = rng(seed);
  const start = end - 90 * DAY_MS;
  // The last case is created an hour before the end; solved ones before it.
  const span = 90 * DAY_MS - HOUR_MS;
  const lines: string[] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const created = Math.floor(
      start + ((i + random()) / rows) * span - random() * 60_000,
    );
    const service = componentName(
      Math.min(componentCount - 1, Math.floor(componentCount * random() ** 2)),
    );
    // 92% solved, after an exponential time of 20 hours on average.
    const solved =
      random() < 0.92
        ? Math.min(
            end - 60_000,
            created + Math.floor(-Math.log(1 - random()) * 20 * HOUR_MS),
          )
        : undefined;
    const p = random();
    const priority = `P${[0.03, 0.15, 0.6, 1].findIndex(edge => p < edge) + 1}`;
    const c = Math.floor(random() * 3000);
    const customer =
      c % 7 === 0
        ? `${COMPANY_A[c % 6]} ${COMPANY_B[(c >> 3) % 6]}, ${
            COMPANY_SUFFIX[(c >> 5) % 6]
          }`
        : `${COMPANY_A[c % 6]} ${COMPANY_B[(c >> 3) % 6]} ${c}`;
    const plan = PLANS[Math.floor(random() ** 1.5 * PLANS.length)];
    lines.push(
      [
        `CS-${String(1_000_000 + i)}`,
        service,
        isoSecond(created),
        solved === undefined ? '' : isoSecond(solved),
        priority,
        csvCell(customer),
        csvCell(plan),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------
// One engine (child process)

type StepResult = ImportStep & {
  /** Longest stall of the backend's event loop during the request. */
  maxBlockMs: number;
};

type Split = {
  jsonParseMs: number;
  parseCsvMs: number;
  /** `SignalImportService.check`: parse, map, validate, catalog check. */
  checkMs: number;
  catalogMs: number;
};

export type ImportEngineRun = {
  engine: string;
  label: string;
  version?: string;
  storage?: string;
  code?: string;
  maintenance?: string;
  rows: number;
  components: number;
  fileBytes: number;
  bodyBytes: number;
  dryRun?: StepResult;
  importRun?: StepResult;
  again?: StepResult;
  stored?: number;
  split?: Split;
  memory: MemorySnapshot[];
  /** 1-minute load average of the machine when the engine started and ended. */
  load: number[];
  durationS: number;
  error?: string;
};

function expectCounts(
  what: string,
  result: SignalImportResult,
  want: Partial<SignalImportResult>,
) {
  const wrong = Object.entries(want).filter(
    ([key, value]) => result[key as keyof SignalImportResult] !== value,
  );
  if (wrong.length > 0) {
    throw new Error(
      `${what}: expected ${wrong
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}, got ${JSON.stringify({
        ...result,
        errors: result.errors?.slice(0, 5),
        preview: undefined,
      })}`,
    );
  }
}

/** A request from the worker, and the backend's event-loop stalls meanwhile. */
async function post(
  url: string,
  token: string,
  body: Uint8Array,
  dryRun: boolean,
): Promise<StepResult> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    const step = await postImport({ url, token, body, dryRun });
    return { ...step, maxBlockMs: delay.max / 1e6 };
  } finally {
    delay.disable();
  }
}

/**
 * Where the check's time goes, measured in this process on the same text
 * with the plugin's classes (no HTTP, no database): JSON.parse of the
 * request body (what the body parser does), parsing the CSV, the whole
 * check (parse, mapping, validation, catalog check) and the catalog check
 * alone.
 */
async function measureSplit(
  bodyText: string,
  entities: Entity[],
): Promise<Split> {
  const catalog = fakeCatalog(entities);
  const auth = {
    getOwnServiceCredentials: async () => ({}),
  } as unknown as ConstructorParameters<typeof KnownEntityRefs>[1];
  const ingestor = () =>
    new SignalIngestor({
      // check() reads nothing from the store.
      store: undefined as any,
      knownEntities: new KnownEntityRefs(catalog, auth),
    });
  let t = performance.now();
  const request = JSON.parse(bodyText) as SignalImportRequest;
  const jsonParseMs = performance.now() - t;
  t = performance.now();
  parseSignalFile(request.content, 'csv');
  const parseCsvMs = performance.now() - t;
  t = performance.now();
  const checked = await new SignalImportService(ingestor()).check(request);
  const checkMs = performance.now() - t;
  if (checked.result.errorCount !== 0) {
    throw new Error(`split: ${checked.result.errorCount} errors`);
  }
  t = performance.now();
  const unknown = await ingestor().unknownRefs(checked.signals);
  const catalogMs = performance.now() - t;
  if (unknown.size !== 0) throw new Error('split: unknown refs');
  return { jsonParseMs, parseCsvMs, checkMs, catalogMs };
}

function codeLabel(): string {
  try {
    const run = (cmd: string) =>
      execSync(cmd, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const paths =
      'plugins/user-trust-backend/src plugins/user-trust-common/src';
    const dirty = run(`git status --porcelain -- ${paths}`) !== '';
    return `${run('git rev-parse --short HEAD')}${
      dirty ? ' with uncommitted changes in the plugin' : ''
    }`;
  } catch {
    return 'unknown';
  }
}

async function runEngine(options: Options): Promise<number> {
  const log = (message: string) =>
    console.log(
      `[import ${options.engine}] ${new Date()
        .toISOString()
        .slice(11, 19)} ${message}`,
    );
  const engine: Engine =
    options.engine === 'sqlite'
      ? new SqliteEngine()
      : new PostgresEngine(options.pgUrl, options.pgPrefix);
  const started = Date.now();
  const run: ImportEngineRun = {
    engine: engine.id,
    label: engine.label,
    code: codeLabel(),
    rows: options.rows,
    components: options.components,
    fileBytes: 0,
    bodyBytes: 0,
    memory: [],
    load: [loadavg()[0]],
    durationS: 0,
  };
  const snapshot = (label: string) => {
    const m = memorySnapshot(label);
    run.memory.push(m);
    log(
      `memory ${label}: rss ${m.rssMiB.toFixed(
        0,
      )} MiB, peak ${m.maxRssMiB.toFixed(0)} MiB, heap ${m.heapUsedMiB.toFixed(
        0,
      )} MiB`,
    );
  };
  const profile = <T>(step: string, fn: () => Promise<T>) =>
    profiled(
      options.cpuProfile &&
        join(options.cpuProfile, `import-${engine.id}-${step}.cpuprofile`),
      fn,
    );

  let stop: (() => Promise<void>) | undefined;
  let stopMaintenance: (() => Promise<string | undefined>) | undefined;
  try {
    run.version = await engine.version();
    await engine.prepare();
    run.storage = engine.describe();
    const entities = components(options.components);
    const backend = await startBenchBackend({
      database: engine.backendDatabaseConfig(),
      entities,
    });
    stop = backend.stop;
    log(`backend listening at ${backend.baseUrl}`);
    if (engine.startMaintenance) {
      stopMaintenance = (await engine.startMaintenance(log)).stop;
    }

    const content = generateCsv(
      options.rows,
      options.components,
      options.seed,
      new Date(options.end ?? Date.now()).getTime(),
    );
    run.fileBytes = Buffer.byteLength(content);
    const bodyText = JSON.stringify({
      source: SOURCE,
      format: 'csv',
      fileName: 'cases.csv',
      content,
      mapping: MAPPING,
    } satisfies SignalImportRequest);
    const body = Buffer.from(bodyText);
    run.bodyBytes = body.length;
    log(`${options.rows} rows, ${(run.fileBytes / 1e6).toFixed(1)} MB of CSV`);
    snapshot('before');

    const dryRun = await profile('dry-run', () =>
      post(backend.baseUrl, backend.token, body, true),
    );
    expectCounts('dry run', dryRun.result, {
      dryRun: true,
      applied: false,
      rows: options.rows,
      errorCount: 0,
      created: options.rows,
      updated: 0,
      unchanged: 0,
    });
    run.dryRun = dryRun;
    log(`dry run ${(dryRun.ms / 1000).toFixed(1)} s`);
    snapshot('after the dry run');

    const importRun = await profile('import', () =>
      post(backend.baseUrl, backend.token, body, false),
    );
    expectCounts('import', importRun.result, {
      dryRun: false,
      applied: true,
      rows: options.rows,
      errorCount: 0,
      created: options.rows,
      updated: 0,
      unchanged: 0,
    });
    if (importRun.progressLines === 0) {
      throw new Error('import: no progress lines before the result');
    }
    if (importRun.lastProgress?.done !== options.rows) {
      throw new Error(
        `import: last progress ${JSON.stringify(importRun.lastProgress)}`,
      );
    }
    run.importRun = importRun;
    log(
      `import ${(importRun.ms / 1000).toFixed(1)} s, ${
        importRun.progressLines
      } progress lines`,
    );
    snapshot('after the import');

    const db = engine.openPluginDatabase();
    try {
      const [{ n }] = await db('user_trust_signals')
        .where('source', SOURCE)
        .count({ n: '*' });
      run.stored = Number(n);
    } finally {
      await db.destroy();
    }
    if (run.stored !== options.rows) {
      throw new Error(`${run.stored} signals stored, not ${options.rows}`);
    }

    const again = await profile('again', () =>
      post(backend.baseUrl, backend.token, body, false),
    );
    expectCounts('the same file again', again.result, {
      applied: true,
      rows: options.rows,
      errorCount: 0,
      created: 0,
      updated: 0,
      unchanged: options.rows,
    });
    run.again = again;
    log(`again ${(again.ms / 1000).toFixed(1)} s`);
    snapshot('after the same file again');

    run.split = await measureSplit(bodyText, entities);
    log(`split ${JSON.stringify(run.split)}`);
  } catch (e) {
    run.error = (e as Error).stack ?? String(e);
    log(`FAILED: ${run.error}`);
  } finally {
    run.durationS = (Date.now() - started) / 1000;
    run.load.push(loadavg()[0]);
    try {
      run.maintenance = await stopMaintenance?.();
    } catch (e) {
      log(`maintenance stop failed: ${e}`);
    }
    try {
      await stop?.();
    } catch (e) {
      log(`backend stop failed: ${e}`);
    }
    try {
      await engine.cleanup();
    } catch (e) {
      log(`cleanup failed: ${e}`);
    }
    writeFileSync(options.resultFile!, JSON.stringify(run, null, 2));
  }
  return run.error ? 1 : 0;
}

// ---------------------------------------------------------------------------
// The report (parent process)

const n0 = (n: number) => Math.round(n).toLocaleString('en-US');
const sec = (ms: number) =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
const mib = (m: number) => `${Math.round(m)} MiB`;

function engineTable(run: ImportEngineRun): string[] {
  const rate = (ms: number) => `${n0(run.rows / (ms / 1000))}/s`;
  const peak = (label: string) =>
    run.memory.find(m => m.label === label)?.maxRssMiB;
  const rows: string[][] = [];
  const before = run.memory.find(m => m.label === 'before');
  rows.push([
    'file',
    '',
    '',
    `${n0(run.rows)} rows, ${(run.fileBytes / 1e6).toFixed(1)} MB of CSV (${(
      run.bodyBytes / 1e6
    ).toFixed(1)} MB request body)`,
    '',
    before
      ? `RSS ${mib(before.rssMiB)}, peak ${mib(
          before.maxRssMiB,
        )} (backend started, file generated)`
      : '',
  ]);
  if (run.dryRun) {
    const d = run.dryRun;
    rows.push([
      'dry run (`?dryRun=true`)',
      sec(d.ms),
      rate(d.ms),
      `${n0(d.result.errorCount)} errors; would create ${n0(
        d.result.created,
      )}, update ${n0(d.result.updated)}, leave ${n0(d.result.unchanged)}`,
      sec(d.maxBlockMs),
      mib(peak('after the dry run') ?? 0),
    ]);
  }
  if (run.importRun) {
    const i = run.importRun;
    rows.push([
      'import, streamed (`Accept: application/x-ndjson`)',
      sec(i.ms),
      rate(i.ms),
      `created ${n0(i.result.created)}; headers (file checked) at ${sec(
        i.headersMs,
      )}, first progress at ${sec(i.firstProgressMs ?? 0)}, ${
        i.progressLines
      } progress lines`,
      sec(i.maxBlockMs),
      mib(peak('after the import') ?? 0),
    ]);
  }
  if (run.again) {
    const a = run.again;
    rows.push([
      'the same file again (streamed)',
      sec(a.ms),
      rate(a.ms),
      `unchanged ${n0(a.result.unchanged)}, created ${n0(
        a.result.created,
      )}, updated ${n0(a.result.updated)}; headers at ${sec(a.headersMs)}`,
      sec(a.maxBlockMs),
      mib(peak('after the same file again') ?? 0),
    ]);
  }
  const lines = [
    '| step | time | rows/s | answer | longest event-loop stall | peak RSS |',
    '| --- | ---: | ---: | --- | ---: | ---: |',
    ...rows.map(r => `| ${r.join(' | ')} |`),
  ];
  if (run.split) {
    const s = run.split;
    lines.push(
      '',
      `Check split (same text, plugin classes in the same process, no HTTP or database): JSON.parse of the body ${sec(
        s.jsonParseMs,
      )}, CSV parse ${sec(s.parseCsvMs)}, whole check ${sec(
        s.checkMs,
      )} (of which the catalog check ${sec(
        s.catalogMs,
      )}, mapping and validation ${sec(
        s.checkMs - s.parseCsvMs - s.catalogMs,
      )}).`,
    );
  }
  if (run.stored !== undefined) {
    lines.push(
      '',
      `Rows of source \`${SOURCE}\` in \`user_trust_signals\` after the import: ${n0(
        run.stored,
      )}. Code: ${run.code}. Engine run ${(run.durationS / 60).toFixed(
        1,
      )} min; load average (1 min) ${run.load
        .map(l => l.toFixed(1))
        .join(' at the start, ')} at the end.${
        run.maintenance ? ` ${run.maintenance}.` : ''
      }`,
    );
  }
  if (run.error) {
    lines.push('', `**Failed:** \`${run.error.split('\n')[0]}\``);
  }
  return lines;
}

function render(
  runs: ImportEngineRun[],
  command: string,
  commit: string,
  analysis: string,
): string {
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const model = cpus()[0]?.model ?? 'unknown CPU';
  return [
    START,
    '',
    `## File import: CSV of ${n0(runs[0]?.rows ?? 0)} rows`,
    '',
    `_Written by \`plugins/user-trust-backend/bench/imports.ts\` on ${when} (${commit}); regenerated by every run of it, except the analysis._`,
    '',
    `Command: \`${command}\`. Machine: ${cpus().length} cores (${model}), ${(
      totalmem() /
      2 ** 30
    ).toFixed(1)} GiB RAM, Node ${process.version}.`,
    '',
    `Each engine runs in its own process with a real backend (\`createBackend()\`, the user-trust plugin, a fake catalog of ${n0(
      runs[0]?.components ?? 0,
    )} components, a static token). The process generates a CRM export of support cases (\`${HEADER}\`; created within the last 90 days, oldest first; bare service names, a few services with most cases; 92% solved; P1–P4; some customers and plans quoted because of commas) and posts it with the static token to \`POST /api/user-trust/imports/signals\` with the mapping of the import tests (\`Case ID\` as external id, \`support_case\` as kind, \`Plan\` kept as attribute). The client runs in a worker thread of that process (one request at a time, its body serialized before the clock starts); the longest event-loop stall is the backend thread's (\`monitorEventLoopDelay\`, the longest time it ran without returning to the loop: every other request of the backend waits that long). Times are from sending the request to the whole answer (dry run) or to the \`{"result":…}\` line (streamed). Peak RSS is the process's \`maxRSS\` after each step (backend, client, the generated file and its request body).`,
    '',
    ANALYSIS_START,
    analysis.trim() ? `\n${analysis.trim()}\n` : '\n_No analysis yet._\n',
    ANALYSIS_END,
    '',
    ...runs.flatMap(run => [
      `### ${(run.version ?? run.label).split(' (local')[0]}`,
      '',
      ...engineTable(run),
      '',
    ]),
    END,
  ].join('\n');
}

function spawnEngine(
  engine: string,
  args: string[],
  resultFile: string,
  end: string,
) {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      __filename,
      ...args,
      '--engine',
      engine,
      '--result-file',
      resultFile,
      '--end',
      end,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    },
  );
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(done =>
    child.on('exit', code => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(code ?? 1);
    }),
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const options = parseOptions(args);
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  if (options.engine) return runEngine(options);
  if (options.cpuProfile) mkdirSync(options.cpuProfile, { recursive: true });

  const end = new Date().toISOString();
  const work = mkdtempSync(join(tmpdir(), 'user-trust-import-bench-'));
  const runs: ImportEngineRun[] = [];
  let failed = false;
  try {
    for (const engine of options.engines) {
      console.log(`\n=== ${engine}: ${options.rows} rows ===`);
      const file = join(work, `${engine}.json`);
      const code = await spawnEngine(engine, args, file, end);
      if (existsSync(file)) runs.push(JSON.parse(readFileSync(file, 'utf8')));
      if (code !== 0) failed = true;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const outPath =
    options.out === '-' ? undefined : resolve(REPO_ROOT, options.out);
  const previous =
    outPath && existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
  const from = previous.indexOf(ANALYSIS_START);
  const to = previous.indexOf(ANALYSIS_END);
  const analysis =
    from >= 0 && to > from
      ? previous.slice(from + ANALYSIS_START.length, to)
      : '';
  let commit = 'commit unknown';
  try {
    commit = `commit ${execSync('git rev-parse --short HEAD', {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim()}`;
  } catch {
    // not a checkout
  }
  const command = `node scripts/yarn.mjs workspace @user-trust/plugin-user-trust-backend bench:import${
    args.length ? ` ${args.join(' ')}` : ''
  }`;
  let section = render(runs, command, commit, analysis);
  try {
    // The repository checks Markdown with prettier.
    const prettier = require('prettier');
    const config =
      (await prettier.resolveConfig(outPath ?? join(REPO_ROOT, 'docs/x.md'))) ??
      {};
    section = prettier
      .format(section, { ...config, parser: 'markdown' })
      .trimEnd();
  } catch (e) {
    console.warn(`prettier not applied: ${e}`);
  }
  console.log(`\n${section}`);
  if (outPath) {
    const start = previous.indexOf(START);
    const stop = previous.indexOf(END);
    const next =
      start >= 0 && stop > start
        ? previous.slice(0, start) + section + previous.slice(stop + END.length)
        : `${previous.trimEnd()}\n\n${section}\n`;
    writeFileSync(outPath, next);
    console.log(`\nReport written to ${outPath}`);
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  main().then(
    code => process.exit(code),
    e => {
      console.error(e);
      process.exit(2);
    },
  );
}
