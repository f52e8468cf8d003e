import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { DataSetOptions } from './dataset';
import type { TrustSummary, WorkerJob, WorkerMessage } from './loadWorker';

type JobInput<T extends WorkerJob['type']> = Omit<
  Extract<WorkerJob, { type: T }>,
  'id' | 'type' | 'baseUrl' | 'token' | 'url'
>;

/**
 * Sends HTTP load from a worker thread (see loadWorker.ts), so that the
 * client's work does not share the backend's event loop.
 */
export class LoadClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      resolve(m: WorkerMessage): void;
      reject(e: Error): void;
      onProgress?(count: number, ms: number): void;
    }
  >();

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {
    // The worker inherits --require of the node transform from this thread.
    this.worker = new Worker(join(__dirname, 'loadWorker.ts'));
    this.worker.on('message', (message: WorkerMessage) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') {
        job.onProgress?.(message.count, message.ms);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'error') job.reject(new Error(message.message));
      else job.resolve(message);
    });
    this.worker.on('error', error => {
      for (const job of this.pending.values()) job.reject(error as Error);
      this.pending.clear();
    });
  }

  private send(
    job: WorkerJob,
    onProgress?: (count: number, ms: number) => void,
  ): Promise<Extract<WorkerMessage, { type: 'done' }>> {
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, {
        resolve: m => resolve(m as Extract<WorkerMessage, { type: 'done' }>),
        reject,
        onProgress,
      });
      this.worker.postMessage(job);
    });
  }

  /** POSTs the data set in batches; `onBatch` is called per answer. */
  async ingest(
    dataset: DataSetOptions,
    options: { batch: number; concurrency: number },
    onBatch: (count: number, ms: number) => void,
  ) {
    const done = await this.send(
      {
        id: this.nextId++,
        type: 'ingest',
        dataset: { ...dataset, end: dataset.end.toISOString() },
        url: `${this.baseUrl}/api/user-trust/signals`,
        token: this.token,
        ...options,
      },
      onBatch,
    );
    return done.totals!;
  }

  /** GETs the paths with `concurrency` in flight; latency per path. */
  async get(
    input: JobInput<'get'>,
  ): Promise<{ ms: number[]; totalMs: number; summaries: TrustSummary[] }> {
    const done = await this.send({
      id: this.nextId++,
      type: 'get',
      baseUrl: this.baseUrl,
      token: this.token,
      ...input,
    });
    return {
      ms: done.ms!,
      totalMs: done.totalMs!,
      summaries: done.summaries ?? [],
    };
  }

  async close() {
    await this.worker.terminate();
  }
}
