import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';

type Ingest = (signals: SignalInput[]) => Promise<IngestSignalsResult>;

type Pending = {
  signals: SignalInput[];
  keys: string[];
  resolve(result: IngestSignalsResult): void;
  reject(error: unknown): void;
};

const identity = (signal: SignalInput) =>
  `${signal.source}\u0000${signal.externalId}`;

/**
 * Group commit of webhook deliveries: while one ingestion is in flight, the
 * deliveries that arrive meanwhile are queued and then stored together in
 * one ingestion (one transaction), so that concurrent deliveries do not each
 * wait for the ingestion lock in turn. Each caller's promise settles only
 * once its own signals are committed, so a delivery is still answered 2xx
 * only after it is stored.
 *
 * - Two deliveries of one signal (the same `source` + `externalId`) never
 *   share a batch, which ingestion would refuse; the later waits for the
 *   next one, so they are stored in the order they arrived.
 * - When a shared batch fails, each of its deliveries is ingested again on
 *   its own, so a delivery that ingestion refuses fails alone.
 * - The result a caller gets is that of the batch its signals were
 *   committed in.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private running = false;

  constructor(
    private readonly ingestBatch: Ingest,
    private readonly maxSignals = 500,
  ) {}

  ingest(signals: SignalInput[]): Promise<IngestSignalsResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        signals,
        keys: signals.map(identity),
        resolve,
        reject,
      });
      void this.drain();
    });
  }

  private async drain() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        await this.commit(this.nextBatch());
      }
    } finally {
      this.running = false;
    }
  }

  private nextBatch(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const taken = new Set<string>();
    const blocked = new Set<string>();
    let count = 0;
    for (const pending of this.queue) {
      const full =
        batch.length > 0 && count + pending.signals.length > this.maxSignals;
      const clash = pending.keys.some(k => taken.has(k) || blocked.has(k));
      if (full || clash) {
        rest.push(pending);
        for (const key of pending.keys) blocked.add(key);
        continue;
      }
      batch.push(pending);
      for (const key of pending.keys) taken.add(key);
      count += pending.signals.length;
    }
    this.queue = rest;
    return batch;
  }

  private async commit(batch: Pending[]) {
    if (batch.length > 1) {
      let result: IngestSignalsResult | undefined;
      try {
        result = await this.ingestBatch(batch.flatMap(p => p.signals));
      } catch {
        // One at a time below, so that only the delivery at fault fails.
      }
      if (result) {
        for (const pending of batch) pending.resolve(result);
        return;
      }
    }
    for (const pending of batch) {
      try {
        pending.resolve(await this.ingestBatch(pending.signals));
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
