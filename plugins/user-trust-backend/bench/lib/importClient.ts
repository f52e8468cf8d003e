/*
 * The HTTP client of the import benchmark (bench/imports.ts), in a worker
 * thread: the backend runs on the main thread, and a client on the same
 * event loop would read the streamed answer only when the backend's work
 * lets the loop poll, not when the lines are sent.
 */
import {
  isMainThread,
  parentPort,
  Worker,
  workerData,
} from 'node:worker_threads';
import type { SignalImportResult } from '@user-trust/plugin-user-trust-common';

export type ImportStep = {
  /** Request sent until the whole answer (or the result line) is in. */
  ms: number;
  /** Request sent until the response headers: body read and file checked. */
  headersMs: number;
  firstProgressMs?: number;
  progressLines: number;
  lastProgress?: { done: number; total: number };
  result: SignalImportResult;
};

type Job = { url: string; token: string; body: Uint8Array; dryRun: boolean };

async function post({ url, token, body, dryRun }: Job): Promise<ImportStep> {
  const started = performance.now();
  const response = await fetch(
    `${url}/api/user-trust/imports/signals?dryRun=${dryRun}`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: dryRun ? 'application/json' : 'application/x-ndjson',
      },
      body,
    },
  );
  const headersMs = performance.now() - started;
  if (response.status !== 200) {
    throw new Error(
      `dryRun=${dryRun}: HTTP ${response.status}: ${(
        await response.text()
      ).slice(0, 2000)}`,
    );
  }
  if (dryRun) {
    const result = (await response.json()) as SignalImportResult;
    return {
      ms: performance.now() - started,
      headersMs,
      progressLines: 0,
      result,
    };
  }
  // NDJSON: progress lines, then one result (or error) line.
  const step: Partial<ImportStep> & { progressLines: number } = {
    headersMs,
    progressLines: 0,
  };
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    for (
      let newline = buffered.indexOf('\n');
      newline >= 0;
      newline = buffered.indexOf('\n')
    ) {
      const line = JSON.parse(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      if (line.progress) {
        step.progressLines += 1;
        step.firstProgressMs ??= performance.now() - started;
        step.lastProgress = {
          done: line.progress.done,
          total: line.progress.total,
        };
      } else if (line.result) {
        step.ms = performance.now() - started;
        step.result = line.result;
      } else if (line.error) {
        throw new Error(`import failed: ${JSON.stringify(line.error)}`);
      }
    }
  }
  if (!step.result) throw new Error('the stream ended without a result line');
  return step as ImportStep;
}

/** One import request, sent and read in a fresh worker thread. */
export function postImport(job: Job): Promise<ImportStep> {
  return new Promise((resolve, reject) => {
    // The worker inherits --require of the node transform from this thread.
    const worker = new Worker(__filename, { workerData: job });
    worker.once('message', (m: { step?: ImportStep; error?: string }) =>
      m.step ? resolve(m.step) : reject(new Error(m.error)),
    );
    worker.once('error', reject);
    worker.once('exit', code => {
      if (code !== 0) reject(new Error(`import client exited with ${code}`));
    });
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  post(workerData as Job).then(
    step => port.postMessage({ step }),
    error => port.postMessage({ error: (error as Error).stack ?? `${error}` }),
  );
}
