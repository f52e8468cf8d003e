/** Command-line options of the benchmark. */
export type BenchOptions = {
  engines: Array<'sqlite' | 'postgres'>;
  scenarios: string[];
  entities: number;
  signals: number;
  days: number;
  seed: number;
  /** Signals per POST (and per raw-insert transaction). */
  batch: number;
  /** POST requests in flight at once during ingest. */
  ingestConcurrency: number;
  /** Single-entity evaluations measured (after warm-up). */
  evalRequests: number;
  evalWarmup: number;
  pages: number;
  pageSize: number;
  pageConcurrency: number;
  pgUrl: string;
  pgPrefix: string;
  /** Where SQLite files go (a temporary directory is made inside). */
  dataDir?: string;
  /** Report path; `-` prints only. */
  out: string;
  /** Keep the databases and files after the run. */
  keep: boolean;
  /** End of the generated history (ISO); the same for every engine of a run. */
  end?: string;
  /** Directory for a CPU profile of each scenario (slows the run a little). */
  cpuProfile?: string;
};

export const DEFAULTS: BenchOptions = {
  engines: ['sqlite', 'postgres'],
  scenarios: ['ingest', 'evaluate', 'batch', 'health'],
  entities: 10_000,
  signals: 5_000_000,
  days: 90,
  seed: 42,
  batch: 5000,
  ingestConcurrency: 2,
  evalRequests: 300,
  evalWarmup: 20,
  pages: 30,
  pageSize: 100,
  pageConcurrency: 8,
  pgUrl: 'postgresql://postgres@127.0.0.1:5432',
  pgPrefix: 'user_trust_bench_',
  out: 'docs/benchmarks.md',
  keep: false,
};

export const HELP = `Usage: node scripts/yarn.mjs bench [options]

  --engines sqlite,postgres   engines to run, each in a fresh process (default both)
  --scenarios LIST            scenarios to run: ingest,evaluate,batch,health (ingest always runs: it loads the data)
  --entities N                catalog entities (default 10000)
  --signals N                 signals to ingest (default 5000000)
  --days N                    days of history (default 90)
  --seed N                    data set seed (default 42)
  --batch N                   signals per POST / raw transaction (default 5000)
  --ingest-concurrency N      POSTs in flight (default 2)
  --eval-requests N           single-entity evaluations measured (default 300)
  --eval-warmup N             evaluations before measuring (default 20)
  --pages N                   pages of entities evaluated (default 30)
  --page-size N               entities per page (default 100)
  --page-concurrency N        requests in flight within a page (default 8)
  --pg-url URL                PostgreSQL server (default postgresql://postgres@127.0.0.1:5432)
  --pg-prefix PREFIX          database name prefix (default user_trust_bench_)
  --data-dir DIR              parent directory of the SQLite files (default: OS temp dir)
  --out FILE                  Markdown report, relative to the repo root (default docs/benchmarks.md; - to only print)
  --keep                      keep the databases and files
  --cpu-profile DIR           write a .cpuprofile of each scenario per engine to DIR
`;

const camel = (flag: string) =>
  flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Parses `--flag value`, `--flag=value` and boolean `--flag`. */
export function parseOptions(argv: string[]): BenchOptions & {
  engine?: 'sqlite' | 'postgres';
  resultFile?: string;
  help?: boolean;
} {
  const options: any = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string?];
    let value = inline;
    const key = camel(flag);
    if (key === 'keep' || key === 'help') {
      options[key] = true;
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${flag} needs a value`);
    }
    if (
      !(key in DEFAULTS) &&
      !['engine', 'resultFile', 'end', 'dataDir', 'cpuProfile'].includes(key)
    ) {
      throw new Error(`Unknown option --${flag}\n\n${HELP}`);
    }
    const current = (DEFAULTS as any)[key];
    if (typeof current === 'number') {
      const n = Number(value.replace(/_/g, ''));
      if (!Number.isFinite(n) || n < 0)
        throw new Error(`--${flag}: not a number`);
      options[key] = n;
    } else if (Array.isArray(current)) {
      options[key] = value
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
    } else {
      options[key] = value;
    }
  }
  for (const engine of options.engines) {
    if (engine !== 'sqlite' && engine !== 'postgres') {
      throw new Error(`Unknown engine ${engine} (sqlite, postgres)`);
    }
  }
  return options;
}
