import { Knex } from 'knex';
import { MIGRATIONS_DIRECTORY } from '../../src/database/migrations';
import { SIGNAL_CONTENT_COLUMNS } from '../../src/signals/SignalStore';
import { signalToRow } from '../lib/dataset';
import { latencyStats } from '../lib/stats';
import { BenchContext, Metric, Scenario, ScenarioResult } from './types';

const SIGNALS_TABLE = 'user_trust_signals';
/** Rows per INSERT statement of the raw baseline (the plugin's chunk size). */
const RAW_CHUNK = 500;
const SAMPLE = 200;

/** Progress of a loading phase: rate so far and over time. */
class Progress {
  private readonly started = performance.now();
  private done = 0;
  private nextLog = 0;
  /** Per finished batch: signals and when it finished (ms from start). */
  private readonly finished: Array<{ count: number; at: number }> = [];
  readonly batchMs: number[] = [];
  /** Wall time from the start to the last signal stored. */
  finishedMs = NaN;

  constructor(
    private readonly name: string,
    private readonly total: number,
    private readonly log: (m: string) => void,
  ) {}

  add(count: number, batchMs: number) {
    this.done += count;
    this.batchMs.push(batchMs);
    const elapsed = this.elapsedMs();
    this.finished.push({ count, at: elapsed });
    if (this.done >= this.total) this.finishedMs = elapsed;
    if (this.done >= this.nextLog || this.done === this.total) {
      this.log(
        `${this.name}: ${this.done.toLocaleString(
          'en-US',
        )}/${this.total.toLocaleString('en-US')} signals, ${Math.round(
          (this.done / elapsed) * 1000,
        ).toLocaleString('en-US')}/s, ${(elapsed / 1000).toFixed(0)} s`,
      );
      this.nextLog += Math.max(this.total / 20, 1);
    }
  }

  elapsedMs() {
    return performance.now() - this.started;
  }

  /**
   * Signals/s in each tenth of the load (by finished batches, so fewer
   * parts when there are fewer than ten batches): shows whether ingest
   * slows down as the tables grow.
   */
  rateOverTime(): number[] {
    const parts = Math.min(10, this.finished.length);
    const rates: number[] = [];
    let from = 0;
    let since = 0;
    for (let p = 1; p <= parts; p++) {
      const to = Math.round((p * this.finished.length) / parts);
      let count = 0;
      for (let i = from; i < to; i++) count += this.finished[i].count;
      const at = this.finished[to - 1].at;
      rates.push((count / (at - since)) * 1000);
      from = to;
      since = at;
    }
    return rates;
  }
}

/** What the rate of a phase would be without the generator's share. */
function measureGenerator(ctx: BenchContext) {
  const limit = Math.min(ctx.options.signals, 250_000);
  let n = 0;
  const started = performance.now();
  let stringifyMs = 0;
  let rowsMs = 0;
  for (const batch of ctx.dataset.batches(ctx.options.batch)) {
    const s0 = performance.now();
    JSON.stringify({ signals: batch });
    const s1 = performance.now();
    batch.map(signalToRow);
    rowsMs += performance.now() - s1;
    stringifyMs += s1 - s0;
    n += batch.length;
    if (n >= limit) break;
  }
  const totalMs = performance.now() - started - stringifyMs - rowsMs;
  return {
    generateRate: (n / totalMs) * 1000,
    stringifyRate: (n / stringifyMs) * 1000,
    toRowRate: (n / rowsMs) * 1000,
  };
}

async function rawInsert(ctx: BenchContext): Promise<Progress> {
  const { options, dataset, engine } = ctx;
  const db = engine.openRawDatabase();
  try {
    // The plugin's own migrations: same columns, unique key and index. Its
    // rollup tables are created too but stay empty.
    await db.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    const progress = new Progress('raw knex insert', options.signals, ctx.log);
    for (const batch of dataset.batches(options.batch)) {
      const rows = batch.map(signalToRow);
      const started = performance.now();
      await db.transaction(async tx => {
        for (let i = 0; i < rows.length; i += RAW_CHUNK) {
          await tx(SIGNALS_TABLE).insert(rows.slice(i, i + RAW_CHUNK));
        }
      });
      progress.add(batch.length, performance.now() - started);
    }
    const elapsed = progress.elapsedMs();
    if (engine.id === 'postgres') {
      // Start the API phase from a clean slate of dirty buffers and WAL.
      await db.raw('CHECKPOINT');
    }
    ctx.log(`raw insert done in ${(elapsed / 1000).toFixed(1)} s`);
    return progress;
  } finally {
    await db.destroy();
  }
}

async function apiIngest(ctx: BenchContext) {
  const { options, dataset, client } = ctx;
  const progress = new Progress('API ingest', options.signals, ctx.log);
  const totals = await client.ingest(
    dataset.options,
    { batch: options.batch, concurrency: options.ingestConcurrency },
    (count, ms) => progress.add(count, ms),
  );
  return { progress, totals };
}

function normalize(value: unknown) {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  return value;
}

/** The same rows went into both databases: compare a sample. */
async function compareSample(ctx: BenchContext): Promise<string> {
  const plugin = ctx.engine.openPluginDatabase();
  const raw = ctx.engine.openRawDatabase();
  try {
    const step = Math.max(1, Math.floor(ctx.options.signals / SAMPLE));
    const ids: number[] = [];
    for (let id = 1; id <= ctx.options.signals; id += step) ids.push(id);
    const rawRows = await raw(SIGNALS_TABLE).whereIn('id', ids);
    const columns = SIGNAL_CONTENT_COLUMNS;
    let same = 0;
    const differences: string[] = [];
    for (const row of rawRows) {
      const other = await plugin(SIGNALS_TABLE)
        .where({ source: row.source, external_id: row.external_id })
        .first();
      const diff = columns.filter(
        c => normalize(row[c]) !== normalize(other?.[c]),
      );
      if (other && diff.length === 0) same += 1;
      else if (differences.length < 3) {
        differences.push(
          `${row.source}/${row.external_id}: ${diff.join(', ') || 'missing'}`,
        );
      }
    }
    return `${same} of ${rawRows.length} sampled rows identical${
      differences.length ? ` (differences: ${differences.join('; ')})` : ''
    }`;
  } finally {
    await plugin.destroy();
    await raw.destroy();
  }
}

async function countRows(db: Knex, table: string): Promise<number> {
  const [{ n }] = await db(table).count({ n: '*' });
  return Number(n);
}

export const ingestScenario: Scenario = {
  id: 'ingest',
  title: 'Ingest: POST /api/user-trust/signals vs. raw knex batch insert',
  aims: [
    {
      metric: 'ingest.ratio',
      label: 'API ingest ≥ 50% of the raw insert rate',
      op: '>=',
      target: 0.5,
    },
  ],
  async run(ctx): Promise<ScenarioResult> {
    const { options } = ctx;
    const generator = measureGenerator(ctx);
    ctx.log(
      `generator alone: ${Math.round(
        generator.generateRate,
      )} signals/s; JSON.stringify ${Math.round(generator.stringifyRate)}/s`,
    );

    const raw = await rawInsert(ctx);
    const api = await apiIngest(ctx);
    if (api.totals.created !== options.signals) {
      throw new Error(
        `API created ${api.totals.created} signals, expected ${
          options.signals
        } (${JSON.stringify(api.totals)})`,
      );
    }

    const rawMs = raw.finishedMs;
    const apiMs = api.progress.finishedMs;
    const rawRate = (options.signals / rawMs) * 1000;
    const apiRate = (options.signals / apiMs) * 1000;

    const plugin = ctx.engine.openPluginDatabase();
    let rollupRows = 0;
    let signalRows = 0;
    try {
      rollupRows = await countRows(plugin, 'user_trust_rollups');
      signalRows = await countRows(plugin, SIGNALS_TABLE);
    } finally {
      await plugin.destroy();
    }
    const sample = await compareSample(ctx);
    const sizes = await ctx.engine.sizes();

    const rawBatch = latencyStats(raw.batchMs);
    const apiBatch = latencyStats(api.progress.batchMs);
    const metrics: Metric[] = [
      {
        id: 'ingest.raw.rate',
        label: 'Raw knex insert rate',
        value: rawRate,
        unit: 'signals/s',
        digits: 0,
      },
      {
        id: 'ingest.api.rate',
        label: 'API ingest rate',
        value: apiRate,
        unit: 'signals/s',
        digits: 0,
      },
      {
        id: 'ingest.ratio',
        label: 'API / raw rate',
        value: apiRate / rawRate,
        unit: '×',
        digits: 2,
      },
      {
        id: 'ingest.raw.seconds',
        label: 'Raw insert wall time',
        value: rawMs / 1000,
        unit: 's',
        digits: 0,
      },
      {
        id: 'ingest.api.seconds',
        label: 'API ingest wall time',
        value: apiMs / 1000,
        unit: 's',
        digits: 0,
      },
      {
        id: 'ingest.api.batch.p50',
        label: `POST of ${options.batch} signals p50`,
        value: apiBatch.p50,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'ingest.api.batch.p95',
        label: `POST of ${options.batch} signals p95`,
        value: apiBatch.p95,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'ingest.raw.batch.p50',
        label: `Raw transaction of ${options.batch} rows p50`,
        value: rawBatch.p50,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'ingest.raw.batch.p95',
        label: `Raw transaction of ${options.batch} rows p95`,
        value: rawBatch.p95,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'ingest.rollup.rows',
        label: 'Rollup rows after ingest',
        value: rollupRows,
        unit: 'rows',
        digits: 0,
      },
    ];

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
    return {
      id: 'ingest',
      title: ingestScenario.title,
      metrics,
      details: [
        {
          heading: 'Rate in each tenth of the load (signals/s), first → last',
          rows: [
            ['raw knex insert', raw.rateOverTime().map(fmt).join(' · ')],
            ['API ingest', api.progress.rateOverTime().map(fmt).join(' · ')],
          ],
        },
        {
          heading: 'Data',
          rows: [
            ['signals stored by the API', fmt(signalRows)],
            [
              'created / updated / unchanged',
              `${fmt(api.totals.created)} / ${fmt(api.totals.updated)} / ${fmt(
                api.totals.unchanged,
              )}`,
            ],
            ['rollup rows', fmt(rollupRows)],
            ['raw vs. API rows', sample],
            [
              'generator alone (not timed separately; part of both phases)',
              `${fmt(
                generator.generateRate,
              )} signals/s; JSON.stringify of batches ${fmt(
                generator.stringifyRate,
              )}/s; rows for knex ${fmt(generator.toRowRate)}/s`,
            ],
            ...Object.entries(sizes)
              .filter(([, v]) => v >= 512 * 1024)
              .map(([k, v]) => [k, mib(v)] as [string, string]),
          ],
        },
      ],
    };
  },
};
