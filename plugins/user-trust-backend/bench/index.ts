/*
 * Benchmark of the user-trust backend: ingest through the API against a raw
 * knex insert of the same rows, and evaluation latency, on SQLite and
 * PostgreSQL. Each engine runs in its own process (runEngine.ts); this
 * script collects their results and writes the Markdown report.
 *
 *   node scripts/yarn.mjs bench [--engines sqlite,postgres] [--signals N] ...
 */
import { execSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSet } from './lib/dataset';
import { HELP, parseOptions } from './lib/options';
import {
  ANALYSIS_END,
  ANALYSIS_START,
  Machine,
  renderReport,
} from './lib/report';
import type { EngineRun } from './runEngine';
import { SCENARIOS } from './scenarios';

const REPO_ROOT = resolve(__dirname, '../../..');

function sh(command: string): string {
  try {
    return execSync(command, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

function describeMachine(): Machine {
  const model = sh("lscpu | grep 'Model name'").replace(/^Model name:\s*/, '');
  const free = sh('free -h');
  const memLine = free.split('\n').find(l => l.startsWith('Mem:')) ?? '';
  return [
    ['CPU', `${model} (\`lscpu\`), ${sh('nproc')} cores (\`nproc\`)`],
    ['Memory', `${memLine.split(/\s+/)[1] ?? 'unknown'} total (\`free -h\`)`],
    [
      'Disk',
      sh(`df -h ${tmpdir()} | tail -1 | awk '{print $1 " (" $2 ", " $6 ")"}'`),
    ],
    ['OS', sh('uname -sr')],
    ['Node.js', process.version],
  ];
}

function runEngine(
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
      join(__dirname, 'runEngine.ts'),
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

async function main() {
  const args = process.argv.slice(2);
  const options = parseOptions(args);
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const end = options.end ?? new Date().toISOString();
  const dataset = new DataSet({
    entities: options.entities,
    signals: options.signals,
    days: options.days,
    seed: options.seed,
    end: new Date(end),
  });
  const work = mkdtempSync(join(tmpdir(), 'user-trust-bench-results-'));
  const runs: EngineRun[] = [];
  let failed = false;
  try {
    for (const engine of options.engines) {
      console.log(
        `\n=== ${engine}: ${options.entities} entities, ${options.signals} signals ===`,
      );
      const file = join(work, `${engine}.json`);
      const code = await runEngine(engine, args, file, end);
      if (existsSync(file)) runs.push(JSON.parse(readFileSync(file, 'utf8')));
      if (code !== 0) failed = true;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const outPath =
    options.out === '-' ? undefined : resolve(REPO_ROOT, options.out);
  let analysis: string | undefined;
  // Other benchmarks' sections (e.g. <!-- pagerduty-bench:start -->), kept.
  let otherSections = '';
  if (outPath && existsSync(outPath)) {
    const previous = readFileSync(outPath, 'utf8');
    otherSections = [
      ...previous.matchAll(
        /<!-- ([\w-]+)-bench:start -->[\s\S]*?<!-- \1-bench:end -->/g,
      ),
    ]
      .map(match => match[0])
      .join('\n\n');
    const from = previous.indexOf(ANALYSIS_START);
    const to = previous.indexOf(ANALYSIS_END);
    if (from >= 0 && to > from) {
      analysis = previous.slice(from + ANALYSIS_START.length, to);
    }
  }
  const dirty = sh(`git -C ${REPO_ROOT} status --porcelain`) !== '';
  const report = renderReport({
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: `commit ${sh(`git -C ${REPO_ROOT} rev-parse --short HEAD`)}${
      dirty ? ' with uncommitted changes' : ''
    }`,
    machine: describeMachine(),
    options,
    command: `node scripts/yarn.mjs bench${
      args.length ? ` ${args.join(' ')}` : ''
    }`,
    runs,
    scenarios: SCENARIOS.filter(
      s => s.id === 'ingest' || options.scenarios.includes(s.id),
    ),
    kindTotals: dataset.kindTotals(),
    tiers: dataset.tierCounts(),
    analysis,
  });
  console.log(`\n${report}`);
  if (outPath) {
    let text = otherSections
      ? `${report}\n\n${otherSections}\n`
      : `${report}\n`;
    try {
      // The repository checks Markdown with prettier.
      const prettier = require('prettier');
      const config = (await prettier.resolveConfig(outPath)) ?? {};
      text = prettier.format(text, { ...config, parser: 'markdown' });
    } catch (e) {
      console.warn(`prettier not applied: ${e}`);
    }
    writeFileSync(outPath, text);
    console.log(`\nReport written to ${outPath}`);
  }
  return failed ? 1 : 0;
}

main().then(
  code => process.exit(code),
  e => {
    console.error(e);
    process.exit(2);
  },
);
