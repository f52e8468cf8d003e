/*
 * The load generator and HTTP client, in a worker thread: generating and
 * serialising signals, sending requests and reading answers (fetch
 * decompresses gzip) then runs beside the backend's event loop instead of
 * on it, as a browser or a signal source would.
 */
import { parentPort } from 'node:worker_threads';
import { DataSet, DataSetOptions } from './dataset';
import { pool, timedRequest } from './http';

export type WorkerJob =
  | {
      id: number;
      type: 'ingest';
      dataset: Omit<DataSetOptions, 'end'> & { end: string };
      url: string;
      token: string;
      batch: number;
      concurrency: number;
    }
  | {
      id: number;
      type: 'get';
      baseUrl: string;
      token: string;
      paths: string[];
      /** POST these JSON bodies (one per path) instead of GET. */
      bodies?: string[];
      concurrency: number;
      /**
       * Summarise trust answers (status, SLO count, size): of one entity
       * (`trust`) or of each item of a batch answer (`batch`).
       */
      summarize?: 'trust' | 'batch';
    };

export type TrustSummary = {
  status: string;
  slos: number;
  noScore: boolean;
  bytes: number;
};

export type WorkerMessage =
  | { id: number; type: 'progress'; count: number; ms: number }
  | {
      id: number;
      type: 'done';
      totals?: { created: number; updated: number; unchanged: number };
      ms?: number[];
      totalMs?: number;
      summaries?: TrustSummary[];
    }
  | { id: number; type: 'error'; message: string };

const port = parentPort!;

async function ingest(job: Extract<WorkerJob, { type: 'ingest' }>) {
  const dataset = new DataSet({
    ...job.dataset,
    end: new Date(job.dataset.end),
  });
  const totals = { created: 0, updated: 0, unchanged: 0 };
  const inflight = new Set<Promise<void>>();
  for (const batch of dataset.batches(job.batch)) {
    const body = JSON.stringify({ signals: batch });
    const request = timedRequest(job.url, {
      method: 'POST',
      token: job.token,
      body,
    }).then(({ status, text, ms }) => {
      if (status !== 200) {
        throw new Error(
          `POST /signals answered ${status}: ${text.slice(0, 500)}`,
        );
      }
      const result = JSON.parse(text);
      totals.created += result.created;
      totals.updated += result.updated;
      totals.unchanged += result.unchanged;
      port.postMessage({
        id: job.id,
        type: 'progress',
        count: batch.length,
        ms,
      });
    });
    const tracked: Promise<void> = request.finally(() =>
      inflight.delete(tracked),
    );
    inflight.add(tracked);
    if (inflight.size >= job.concurrency) {
      await Promise.race(inflight);
    }
  }
  await Promise.all(inflight);
  return { totals };
}

async function get(job: Extract<WorkerJob, { type: 'get' }>) {
  const ms: number[] = new Array(job.paths.length);
  const summaries: TrustSummary[] = [];
  const indexed = job.paths.map((path, i) => ({ path, i }));
  const started = performance.now();
  await pool(indexed, job.concurrency, async ({ path, i }) => {
    const result = await timedRequest(`${job.baseUrl}${path}`, {
      token: job.token,
      ...(job.bodies ? { method: 'POST', body: job.bodies[i] } : {}),
    });
    if (result.status !== 200) {
      throw new Error(
        `${job.bodies ? 'POST' : 'GET'} ${path} answered ${
          result.status
        }: ${result.text.slice(0, 500)}`,
      );
    }
    ms[i] = result.ms;
    if (job.summarize) {
      const body = JSON.parse(result.text);
      const items = job.summarize === 'batch' ? body.items : [body];
      for (const item of items) {
        summaries.push({
          status: item.status,
          slos: item.slos.length,
          noScore: item.score === null,
          bytes: result.text.length / items.length,
        });
      }
    }
  });
  return { ms, totalMs: performance.now() - started, summaries };
}

port.on('message', (job: WorkerJob) => {
  const run = job.type === 'ingest' ? ingest(job) : get(job);
  run.then(
    result => port.postMessage({ id: job.id, type: 'done', ...result }),
    error =>
      port.postMessage({
        id: job.id,
        type: 'error',
        message: (error as Error).stack ?? String(error),
      }),
  );
});
