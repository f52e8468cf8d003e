/*
 * Where the time of ingest and evaluation goes, without HTTP: drives the
 * plugin's own classes (validateSignals, SignalStore, RollupStore,
 * EvaluationService) on a fresh database and times every SQL statement by
 * kind via knex query events. Not part of `yarn bench`; run it to explain a
 * number the benchmark reports:
 *
 *   cd plugins/user-trust-backend
 *   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs \
 *     bench/diagnose.ts --engine postgres --entities 400 --signals 200000
 *
 * ANALYZE_EVERY=N (environment) analyzes the tables every N batches, as
 * autovacuum would on a server that has it on.
 */
import { ConfigReader } from '@backstage/config';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  addDays,
  dayKey,
  DEFAULT_EVALUATION_SETTINGS,
  evaluateEntity,
  indicatorQueries,
  SignalQuery,
} from '@user-trust/plugin-user-trust-common';
import { Knex } from 'knex';
import { EntitySloStore } from '../src/slo/EntitySloStore';
import { MIGRATIONS_DIRECTORY } from '../src/database/migrations';
import { hashQuery, RollupStore } from '../src/rollups/RollupStore';
import { SignalStore } from '../src/signals/SignalStore';
import { validateSignals } from '../src/signals/validateSignals';
import { EvaluationService } from '../src/slo/EvaluationService';
import { SloResolver } from '../src/slo/SloResolver';
import { DataSet } from './lib/dataset';
import { Engine, PostgresEngine, SqliteEngine } from './lib/engines';
import { parseOptions } from './lib/options';
import { shuffled } from './lib/random';
import { latencyStats } from './lib/stats';

function classify(sql: string): string {
  const s = sql.trim().toLowerCase();
  if (s.includes('pg_advisory_xact_lock')) return 'advisory lock';
  if (/^(begin|commit|rollback)/.test(s)) return 'begin/commit';
  if (
    s.includes('from "user_trust_rollup_queries"') ||
    s.includes('from `user_trust_rollup_queries`')
  )
    return 'load rollup queries';
  if (/^select .* from [`"]user_trust_signals[`"]/.test(s))
    return 'select existing signals';
  if (/^insert into [`"]user_trust_signals[`"]/.test(s))
    return 'upsert signals';
  if (/^insert into [`"]user_trust_rollups[`"]/.test(s))
    return 'upsert rollups';
  if (/^select .* from [`"]user_trust_rollups[`"]/.test(s))
    return 'read rollups';
  if (/^select .* from [`"]user_trust_entity_slos[`"]/.test(s))
    return 'read entity SLOs';
  return s.slice(0, 40);
}

/** Time per statement kind, from knex's query events. */
function instrument(db: Knex) {
  const started = new Map<string, { at: number; kind: string }>();
  const totals = new Map<string, { ms: number; n: number; rows: number }>();
  const done = (uid: string, rows: number) => {
    const s = started.get(uid);
    if (!s) return;
    started.delete(uid);
    const t = totals.get(s.kind) ?? { ms: 0, n: 0, rows: 0 };
    t.ms += performance.now() - s.at;
    t.n += 1;
    if (/^(select|read|load)/.test(s.kind)) t.rows += rows;
    totals.set(s.kind, t);
  };
  const state = { pause: false };
  db.on(
    'query',
    q =>
      !state.pause &&
      started.set(q.__knexQueryUid, {
        at: performance.now(),
        kind: classify(q.sql),
      }),
  );
  db.on('query-response', (response, q) =>
    done(
      q.__knexQueryUid,
      Array.isArray(response) ? response.length : response?.rows?.length ?? 0,
    ),
  );
  db.on('query-error', (_e, q) => done(q.__knexQueryUid, 0));
  return {
    set pause(value: boolean) {
      state.pause = value;
    },
    totals,
    reset: () => totals.clear(),
    sqlMs: () => [...totals.values()].reduce((a, t) => a + t.ms, 0),
  };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const engineId = options.engine ?? 'sqlite';
  const engine: Engine =
    engineId === 'sqlite'
      ? new SqliteEngine(options.dataDir)
      : new PostgresEngine(options.pgUrl, `${options.pgPrefix}diag_`);
  await engine.prepare();
  // The "raw" database of the engine is a fresh, empty database: use it.
  const db = engine.openRawDatabase();
  try {
    await db.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    const config = new ConfigReader({});
    const logger: any = {
      info() {},
      warn() {},
      error() {},
      debug() {},
      child: () => logger,
    };
    const urlReader: any = {};
    const rollups = new RollupStore(db);
    const store = new SignalStore(db, rollups);
    const sloStore = new EntitySloStore(db);
    const resolver = SloResolver.fromConfig(config, {
      store: sloStore,
      urlReader,
      logger,
    });
    const evaluations = EvaluationService.fromConfig(config, {
      rollups,
      resolver,
    });
    await evaluations.start();
    const dataset = new DataSet({
      entities: options.entities,
      signals: options.signals,
      days: options.days,
      seed: options.seed,
      end: new Date(),
    });

    // --- Ingest -----------------------------------------------------------
    const probe = instrument(db);
    let validateMs = 0;
    let storeMs = 0;
    let jsonMs = 0;
    let n = 0;
    // --analyze-every N: ANALYZE the tables every N batches (untimed), as
    // autovacuum would on a server that has it on.
    const analyzeEvery = Number(process.env.ANALYZE_EVERY ?? 0);
    let batches = 0;
    for (const batch of dataset.batches(options.batch)) {
      if (analyzeEvery > 0 && batches++ % analyzeEvery === analyzeEvery - 1) {
        probe.pause = true;
        await db.raw('ANALYZE user_trust_signals');
        await db.raw('ANALYZE user_trust_rollups');
        probe.pause = false;
      }
      // What the HTTP layer does to the body: serialise and parse it.
      const j0 = performance.now();
      const parsed = JSON.parse(JSON.stringify({ signals: batch })).signals;
      const v0 = performance.now();
      const normalized = validateSignals(parsed);
      const s0 = performance.now();
      await store.ingest(normalized);
      const s1 = performance.now();
      jsonMs += v0 - j0;
      validateMs += s0 - v0;
      storeMs += s1 - s0;
      n += batch.length;
    }
    const sqlMs = probe.sqlMs();
    const rollupRows = Number(
      (await db('user_trust_rollups').count({ n: '*' }))[0].n,
    );
    console.log(
      `\n## Ingest breakdown, ${engine.label}: ${n} signals in batches of ${options.batch}, ${options.entities} entities\n`,
    );
    console.log(
      '| Part | Total | per 1,000 signals | Statements | Rows read |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: |');
    const line = (label: string, ms: number, count = '', rows = '') =>
      console.log(
        `| ${label} | ${(ms / 1000).toFixed(2)} s | ${((ms / n) * 1000).toFixed(
          1,
        )} ms | ${count} | ${rows} |`,
      );
    line('JSON stringify + parse (HTTP body, for reference)', jsonMs);
    line('validateSignals (ajv + normalisation)', validateMs);
    line('SignalStore.ingest', storeMs);
    for (const [kind, t] of [...probe.totals].sort(
      (a, b) => b[1].ms - a[1].ms,
    )) {
      line(`  SQL: ${kind}`, t.ms, String(t.n), String(t.rows));
    }
    line(
      '  rest of SignalStore.ingest (JS: deltas, row mapping, knex, driver; BEGIN/COMMIT)',
      storeMs - sqlMs,
    );
    console.log(
      `\nRollup rows: ${rollupRows} (${(rollupRows / n).toFixed(
        2,
      )} per signal)`,
    );

    // --- Evaluation --------------------------------------------------------
    probe.reset();
    const entities = dataset.entities();
    const picked = shuffled(entities, 5).slice(
      0,
      Math.min(300, entities.length),
    );
    const parts = {
      resolve: [] as number[],
      read: [] as number[],
      read28: [] as number[],
      compute: [] as number[],
      whole: [] as number[],
      rows: [] as number[],
      rows28: [] as number[],
    };
    const now = new Date();
    for (const entity of picked.slice(0, 20))
      await evaluations.evaluate(entity, now);
    for (const entity of picked) {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      const t0 = performance.now();
      const { slos } = await resolver.resolve(entity);
      const t1 = performance.now();
      const queries: SignalQuery[] = [
        { kind: ['known_event'] },
        { kind: ['sli_report'] },
        ...slos.flatMap(({ slo }) => indicatorQueries(slo.indicator)),
      ];
      const hashes = [...new Set(queries.map(hashQuery))];
      const series = await rollups.readSeries(
        ref,
        hashes,
        addDays(dayKey(now), -400),
        dayKey(now),
      );
      const t2 = performance.now();
      // What the SLO windows (28 days) and burn windows actually need.
      const r0 = performance.now();
      const series28 = await rollups.readSeries(
        ref,
        hashes,
        addDays(dayKey(now), -28),
        dayKey(now),
      );
      parts.read28.push(performance.now() - r0);
      parts.rows28.push([...series28.values()].reduce((a, m) => a + m.size, 0));
      const lookup = (q: SignalQuery) => series.get(hashQuery(q)) ?? new Map();
      evaluateEntity({
        entityRef: ref,
        slos,
        series: lookup,
        excludedDays: new Set(lookup({ kind: ['known_event'] }).keys()),
        now,
        settings: DEFAULT_EVALUATION_SETTINGS,
      });
      const t3 = performance.now();
      await evaluations.evaluate(
        entity,
        new Date(now.getTime() + 3_600_000 + parts.whole.length),
      );
      const t4 = performance.now();
      parts.resolve.push(t1 - t0);
      parts.read.push(t2 - t1);
      parts.compute.push(t3 - t2);
      parts.whole.push(t4 - t3);
      parts.rows.push([...series.values()].reduce((a, m) => a + m.size, 0));
    }
    console.log(
      `\n## Evaluation breakdown, ${engine.label}: ${picked.length} entities, in-process (no HTTP)\n`,
    );
    console.log('| Part | p50 | p95 | mean |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [label, values] of [
      ['SloResolver.resolve (config rules + entity SLO row)', parts.resolve],
      [
        'RollupStore.readSeries from 400 days back (before commit e710729)',
        parts.read,
      ],
      [
        'RollupStore.readSeries of the 28 days the SLO windows cover (now)',
        parts.read28,
      ],
      ['evaluateEntity (pure computation)', parts.compute],
      ['EvaluationService.evaluate, whole (current code)', parts.whole],
    ] as const) {
      const s = latencyStats([...values]);
      console.log(
        `| ${label} | ${s.p50.toFixed(2)} ms | ${s.p95.toFixed(
          2,
        )} ms | ${s.mean.toFixed(2)} ms |`,
      );
    }
    const rows = latencyStats(parts.rows);
    const rows28 = latencyStats(parts.rows28);
    console.log(
      `\nRollup rows read per evaluation: p50 ${rows.p50}, max ${rows.max} from 400 days back; p50 ${rows28.p50} for the 28 window days`,
    );
    for (const [kind, t] of probe.totals) {
      console.log(
        `SQL during evaluation: ${kind}: ${t.n} statements, ${(
          t.ms / t.n
        ).toFixed(2)} ms each`,
      );
    }

    // --- What the evaluation cache keeps -----------------------------------
    // A fresh service with the cache off (cacheSeconds 0), as in the bench.
    const gc = (globalThis as { gc?: () => void }).gc;
    const heap = () => {
      gc?.();
      gc?.();
      return process.memoryUsage().heapUsed;
    };
    const uncached = EvaluationService.fromConfig(
      new ConfigReader({ userTrust: { evaluation: { cacheSeconds: 0 } } }),
      { rollups, resolver },
    );
    const before = heap();
    for (const entity of entities) await uncached.evaluate(entity);
    const after = heap();
    console.log(
      `\nHeap retained after evaluating ${
        entities.length
      } distinct entities with cacheSeconds 0: ${(
        (after - before) /
        1024 /
        1024
      ).toFixed(1)} MiB (${((after - before) / entities.length / 1024).toFixed(
        1,
      )} KiB per entity)`,
    );
  } finally {
    await db.destroy();
    if (!options.keep) await engine.cleanup();
  }
}

main().then(
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);
