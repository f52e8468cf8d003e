/*
 * Benchmark of the PagerDuty connector in a started backend (the User Trust
 * backend plugin and this module, startTestBackend with an in-memory
 * catalog), on SQLite (a file) and PostgreSQL:
 *
 * - webhooks: signed v3 `incident.triggered` deliveries, one event per
 *   request, each a new incident of an annotated service, sent over HTTP at
 *   a fixed number in flight; the sustained rate and latencies.
 * - backfill: the REST sync (started through POST /sources/pagerduty/resync)
 *   of N incidents from the fake PagerDuty server, which runs in a child
 *   process; wall time and the backend process's peak RSS.
 *
 * Each engine and scenario runs in its own process, so peak RSS is its own.
 *
 *   node scripts/yarn.mjs workspace @user-trust/plugin-user-trust-backend-module-pagerduty bench \
 *     [--engines sqlite,postgres] [--webhooks 4000] [--concurrency 1,8] \
 *     [--incidents 100000] [--out docs/benchmarks.md | -]
 *
 * PostgreSQL: BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (default
 * postgresql://postgres@127.0.0.1:5432); a database is created and dropped.
 */
import { execSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');
const SECRET = 'bench-webhook-secret';
const SERVICES = 50;
const WARMUP = 50;
const MiB = 1024 * 1024;
const PG_URL =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const START = '<!-- pagerduty-bench:start -->';
const END = '<!-- pagerduty-bench:end -->';
// A hand-written analysis inside the section, kept by every run.
const ANALYSIS_START = '<!-- pagerduty-analysis:start -->';
const ANALYSIS_END = '<!-- pagerduty-analysis:end -->';

type Engine = 'sqlite' | 'postgres';
type WebhookResult = {
  concurrency: number;
  deliveries: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  stored: number;
  refused: number;
};
type RunResult = {
  engine: Engine;
  version: string;
  webhooks?: WebhookResult[];
  backfill?: {
    incidents: number;
    seconds: number;
    signals: number;
    unattributed: number;
    rssBeforeMiB: number;
    peakRssMiB: number;
    heapAfterMiB: number;
  };
};

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function openDatabase(engine: Engine) {
  const knexFactory = (await import('knex')).default;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pd-bench-'));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, 'user-trust.sqlite') },
      useNullAsDefault: true,
    });
    const version = (await knex.raw('select sqlite_version() as v'))[0].v;
    return {
      knex,
      version: `SQLite ${version} (better-sqlite3, file)`,
      cleanup: async () => {
        await knex.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `pd_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: PG_URL });
  await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
  await admin.raw(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
  });
  const version = (await knex.raw('show server_version')).rows[0]
    .server_version;
  return {
    knex,
    version: `PostgreSQL ${version}`,
    cleanup: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
      await admin.destroy();
    },
  };
}

async function startBackend(
  knex: unknown,
  account: Record<string, unknown>,
): Promise<{ port: number; stop(): Promise<void> }> {
  const { mockServices, startTestBackend } = await import(
    '@backstage/backend-test-utils'
  );
  const { catalogServiceMock } = await import(
    '@backstage/plugin-catalog-node/testUtils'
  );
  const userTrustPlugin = (
    await import('@user-trust/plugin-user-trust-backend')
  ).default;
  const pagerDutyModule = (await import('../src')).default;
  const entities = Array.from({ length: SERVICES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${i}`,
      namespace: 'default',
      annotations: { 'pagerduty.com/service-id': `PSVC${i}` },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  }));
  const backend = await startTestBackend({
    features: [
      userTrustPlugin,
      pagerDutyModule,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory({ knex: knex as any }),
      mockServices.rootConfig.factory({
        data: {
          userTrust: {
            pagerduty: {
              backfillDays: 100,
              accounts: [{ id: 'bench', webhookSecrets: [SECRET], ...account }],
            },
          },
        },
      }),
    ],
  });
  return {
    port: (backend.server.address() as AddressInfo).port,
    stop: () => backend.stop(),
  };
}

async function get(port: number, path: string): Promise<any> {
  const { mockCredentials } = await import('@backstage/backend-test-utils');
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { Authorization: mockCredentials.user.header() },
  });
  return res.json();
}

/**
 * The load client, in a worker thread so that building, signing and sending
 * deliveries does not take the backend's event loop. Plain JavaScript (the
 * worker is not transpiled).
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const http = require('node:http');
const { port, secret, services, warmup, deliveries, concurrency, prefix } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let sequence = 0;
const ref = (type, id, summary) => ({ id, type, summary,
  self: 'https://api.pagerduty.com/x/' + id, html_url: 'https://bench.pagerduty.com/x/' + id });
function delivery() {
  sequence += 1;
  const id = prefix + sequence;
  const service = 'PSVC' + (sequence % services);
  const createdAt = new Date(Date.now() - 60000).toISOString();
  const body = JSON.stringify({ event: {
    id: 'ev-' + id, event_type: 'incident.triggered', resource_type: 'incident',
    occurred_at: createdAt, agent: ref('user_reference', 'PU1', 'Someone'),
    client: { name: 'PagerDuty' },
    data: { id, type: 'incident', self: 'https://api.pagerduty.com/incidents/' + id,
      html_url: 'https://bench.pagerduty.com/incidents/' + id, number: sequence,
      status: 'triggered', incident_key: 'key-' + id, created_at: createdAt,
      title: 'Bench incident ' + sequence,
      service: ref('service_reference', service, 'Service ' + service),
      assignees: [ref('user_reference', 'PU1', 'Someone')],
      escalation_policy: ref('escalation_policy_reference', 'PEP', 'EP'), teams: [],
      priority: ref('priority_reference', 'PP1', 'P1'), urgency: 'high',
      conference_bridge: null, resolve_reason: null } } });
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  return { body, headers: { 'content-type': 'application/json',
    'x-pagerduty-signature': 'v1=' + signature, 'content-length': Buffer.byteLength(body) } };
}
function post(d) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', agent,
      path: '/api/user-trust/webhooks/pagerduty', headers: d.headers }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(d.body);
  });
}
(async () => {
  for (let i = 0; i < warmup; i += 1) await post(delivery());
  const latencies = [];
  const refusals = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < deliveries) {
      next += 1;
      const d = delivery();
      const t0 = process.hrtime.bigint();
      const res = await post(d);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== 202) refusals.push(res.status + ' ' + res.body);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  parentPort.postMessage({ latencies, refusals, seconds });
})().catch(error => parentPort.postMessage({ error: String(error) }));
`;

async function runWebhooks(
  port: number,
  deliveries: number,
  concurrency: number,
): Promise<WebhookResult> {
  const { Worker } = await import('node:worker_threads');
  const before = await storedSignals(port);
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: {
      port,
      secret: SECRET,
      services: SERVICES,
      // First requests pay for route setup and catalog lookups.
      warmup: WARMUP,
      deliveries,
      concurrency,
      prefix: `PW${process.pid}C${concurrency}X`,
    },
  });
  const out = await new Promise<any>((resolvePromise, reject) => {
    worker.once('message', resolvePromise);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (out.error) throw new Error(out.error);
  for (const refusal of out.refusals.slice(0, 3)) console.error(refusal);
  const latencies = (out.latencies as number[]).sort((a, b) => a - b);
  return {
    concurrency,
    deliveries,
    seconds: out.seconds,
    perSecond: deliveries / out.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    stored: (await storedSignals(port)) - before - WARMUP,
    refused: out.refusals.length,
  };
}

async function storedSignals(port: number): Promise<number> {
  const status = (await get(port, '/api/user-trust/sources')).items.find(
    (s: any) => s.id === 'pagerduty',
  );
  return status.signals.last24h;
}

async function postAndWait(
  port: number,
  path: string,
): Promise<{ status: number; body: string }> {
  const { mockCredentials } = await import('@backstage/backend-test-utils');
  const http = await import('node:http');
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { Authorization: mockCredentials.user.header() },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function runBackfill(engine: Engine, incidents: number) {
  const child = fork(join(__dirname, 'fakeServer.ts'), [], {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
    stdio: 'inherit',
  });
  const fake = await new Promise<{ baseUrl: string; token: string }>(r => {
    // nodeTransform also reports the files it loads ({ type: 'watch' }).
    child.on('message', (m: any) => m?.baseUrl && r(m));
    child.send({ incidents, services: SERVICES + 5, days: 90 });
  });
  const db = await openDatabase(engine);
  try {
    const backend = await startBackend(db.knex, {
      token: fake.token,
      baseUrl: fake.baseUrl,
    });
    const rssBeforeMiB = process.memoryUsage().rss / MiB;
    const started = process.hrtime.bigint();
    // The mock scheduler runs the triggered sync before answering, which
    // takes minutes: plain http, which has no answer timeout (fetch has 5 min).
    const res = await postAndWait(
      backend.port,
      '/api/user-trust/sources/pagerduty/resync',
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (res.status !== 202) {
      throw new Error(`resync answered ${res.status}: ${res.body}`);
    }
    const status = (
      await get(backend.port, '/api/user-trust/sources')
    ).items.find((s: any) => s.id === 'pagerduty');
    if (status.errors.length > 0) {
      throw new Error(`sync errors: ${JSON.stringify(status.errors)}`);
    }
    const count = await (db.knex as any)('user_trust_signals')
      .where({ source: 'pagerduty' })
      .count({ n: '*' });
    const unattributed = status.externalServices.reduce(
      (sum: number, s: any) => sum + s.unattributedSignals,
      0,
    );
    (globalThis as { gc?: () => void }).gc?.();
    const result = {
      incidents,
      seconds,
      signals: Number(count[0].n),
      unattributed,
      rssBeforeMiB,
      peakRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
      heapAfterMiB: process.memoryUsage().heapUsed / MiB,
    };
    await backend.stop();
    return { version: db.version, result };
  } finally {
    child.kill();
    await db.cleanup();
  }
}

/** One engine and scenario, in this process; prints its result as JSON. */
async function runOne() {
  const engine = arg('engine', 'sqlite') as Engine;
  const scenario = arg('scenario', 'webhooks');
  const out: RunResult = { engine, version: '' };
  if (scenario === 'webhooks') {
    const db = await openDatabase(engine);
    try {
      const backend = await startBackend(db.knex, {});
      if (process.env.PD_BENCH_COUNT_QUERIES) {
        const counts = new Map<string, number>();
        (db.knex as any).on('query', (q: any) => {
          const key = String(q.sql).slice(0, 90);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        });
        process.on('exit', () => {
          const sorted = [...counts].sort((a, b) => b[1] - a[1]);
          for (const [k, v] of sorted.slice(0, 40)) console.error(v, k);
        });
      }
      out.version = db.version;
      out.webhooks = [];
      for (const c of arg('concurrency', '1,8').split(',').map(Number)) {
        out.webhooks.push(
          await runWebhooks(backend.port, Number(arg('webhooks', '4000')), c),
        );
      }
      await backend.stop();
    } finally {
      await db.cleanup();
    }
  } else {
    const { version, result } = await runBackfill(
      engine,
      Number(arg('incidents', '100000')),
    );
    out.version = version;
    out.backfill = result;
  }
  process.stdout.write(`\nRESULT ${JSON.stringify(out)}\n`);
}

function sh(command: string) {
  try {
    return execSync(command, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

function runChild(args: string[]): RunResult {
  const output = execSync(
    `node --expose-gc --require @backstage/cli/config/nodeTransform.cjs ${__filename} --child ${args.join(
      ' ',
    )}`,
    {
      encoding: 'utf8',
      cwd: resolve(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * MiB,
    },
  );
  const line = output.split('\n').find(l => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result from ${args.join(' ')}:\n${output}`);
  return JSON.parse(line.slice('RESULT '.length));
}

function render(
  results: RunResult[],
  command: string,
  analysis: string,
): string {
  const fmt = (n: number, digits = 0) =>
    n.toLocaleString('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  const lines = [
    START,
    '',
    '## PagerDuty connector: webhooks and REST backfill',
    '',
    `_Written by \`plugins/user-trust-backend-module-pagerduty/bench/webhooks.ts\` on ${new Date().toISOString()} (commit ${sh(
      'git rev-parse --short HEAD',
    )}); regenerated by every run of it._`,
    '',
    `Command: \`${command}\`. Machine: ${cpus().length} cores (${
      cpus()[0]?.model ?? 'unknown'
    }), ${fmt(totalmem() / 1024 ** 3, 1)} GiB RAM, Node ${
      process.version
    }. A started test backend (\`startTestBackend\`: the User Trust backend plugin and this module, an in-memory catalog of ${SERVICES} components annotated with \`pagerduty.com/service-id\`, mock auth) listens on a local port; SQLite is a file in the temp directory, PostgreSQL a database created for the run.`,
    '',
    ANALYSIS_START,
    analysis.trim() || '_No analysis written yet._',
    ANALYSIS_END,
    '',
  ];
  const hooks = results.filter(r => r.webhooks);
  if (hooks.length > 0) {
    lines.push(
      '### Signed webhooks, one event per request',
      '',
      'Each request is a new `incident.triggered` of one of the annotated services, signed (HMAC-SHA256, `v1=`), sent over HTTP keep-alive with a fixed number in flight; the answer (202) comes after the signal is committed. Aim: ≥ 200/s.',
      '',
      '| database | in flight | deliveries | rate | p50 | p95 | p99 | signals stored | refused |',
      '| -------- | --------: | ---------: | ---: | --: | --: | --: | -------------: | ------: |',
    );
    for (const r of hooks) {
      for (const w of r.webhooks!) {
        lines.push(
          `| ${r.version} | ${w.concurrency} | ${fmt(w.deliveries)} | ${fmt(
            w.perSecond,
          )}/s | ${fmt(w.p50, 1)} ms | ${fmt(w.p95, 1)} ms | ${fmt(
            w.p99,
            1,
          )} ms | ${fmt(w.stored)} | ${w.refused} |`,
        );
      }
    }
    lines.push(
      '',
      '"Signals stored" is the growth of the source\'s signals of the last 24 hours over the measured deliveries (each delivery is a new incident, so it should equal them); 50 warm-up deliveries come before each measurement. The client (building, signing, sending) runs in a worker thread of the backend\'s process.',
      '',
    );
  }
  const fills = results.filter(r => r.backfill);
  if (fills.length > 0) {
    lines.push(
      '### REST backfill from the fake PagerDuty server',
      '',
      `The fake server (\`src/__testUtils__/fakePagerDuty.ts\`, in a child process, so its incidents are not in the backend's memory) holds the incidents of 90 days over ${
        SERVICES + 5
      } services, ${SERVICES} of them annotated (the others are kept unattributed); all but 1 in 50 older than a day are resolved, so the sync reads \`GET /incidents\` 100 a page in 30-day slices and \`GET /incidents/{id}/log_entries\` once per resolved incident. The sync is started with \`POST /api/user-trust/sources/pagerduty/resync\` and timed until it has finished. Peak RSS is the backend process's (\`maxRSS\`), which also holds Node, the transpiler (nodeTransform) and the whole test backend.`,
      '',
      '| database | incidents | time | rate | signals stored | kept unattributed | RSS before | peak RSS | heap after (GC) |',
      '| -------- | --------: | ---: | ---: | -------------: | ----------------: | ---------: | -------: | --------------: |',
    );
    for (const r of fills) {
      const b = r.backfill!;
      lines.push(
        `| ${r.version} | ${fmt(b.incidents)} | ${fmt(b.seconds, 1)} s | ${fmt(
          b.incidents / b.seconds,
        )}/s | ${fmt(b.signals)} | ${fmt(b.unattributed)} | ${fmt(
          b.rssBeforeMiB,
        )} MiB | ${fmt(b.peakRssMiB)} MiB | ${fmt(b.heapAfterMiB)} MiB |`,
      );
    }
    lines.push('');
  }
  lines.push(END, '');
  return lines.join('\n');
}

async function main() {
  if (process.argv.includes('--child')) {
    await runOne();
    return;
  }
  const engines = arg('engines', 'sqlite,postgres').split(',') as Engine[];
  const scenarios = arg('scenarios', 'webhooks,backfill').split(',');
  const pass = ['webhooks', 'concurrency', 'incidents']
    .filter(name => process.argv.includes(`--${name}`))
    .flatMap(name => [`--${name}`, arg(name, '')]);
  // --include FILE: results of an earlier run (JSON lines, as printed), to
  // report with this run's.
  const include = arg('include', '');
  const results: RunResult[] = include
    ? readFileSync(include, 'utf8')
        .split('\n')
        .filter(line => line.trim().startsWith('{'))
        .map(line => JSON.parse(line))
    : [];
  for (const scenario of scenarios) {
    for (const engine of engines) {
      console.error(`… ${scenario} on ${engine}`);
      try {
        const result = runChild([
          '--engine',
          engine,
          '--scenario',
          scenario,
          ...pass,
        ]);
        console.error(JSON.stringify(result));
        results.push(result);
      } catch (error) {
        // The other runs are still reported.
        console.error(`${scenario} on ${engine} failed: ${error}`);
      }
    }
  }
  const command =
    `node scripts/yarn.mjs workspace @user-trust/plugin-user-trust-backend-module-pagerduty bench ${process.argv
      .slice(2)
      .join(' ')}`.trim();
  const outFile = arg('out', 'docs/benchmarks.md');
  const path = resolve(
    REPO_ROOT,
    outFile === '-' ? 'docs/benchmarks.md' : outFile,
  );
  const previous = readFileSync(path, 'utf8');
  const kept = previous.indexOf(ANALYSIS_START);
  const keptEnd = previous.indexOf(ANALYSIS_END);
  const analysis =
    kept >= 0 && keptEnd > kept
      ? previous.slice(kept + ANALYSIS_START.length, keptEnd)
      : '';
  const section = render(results, command, analysis);
  if (outFile === '-') {
    process.stdout.write(section);
    return;
  }
  const from = previous.indexOf(START);
  const to = previous.indexOf(END);
  const next =
    from >= 0 && to > from
      ? previous.slice(0, from) + section + previous.slice(to + END.length + 1)
      : `${previous.trimEnd()}\n\n${section}`;
  writeFileSync(path, next);
  console.error(`Wrote ${outFile}`);
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
