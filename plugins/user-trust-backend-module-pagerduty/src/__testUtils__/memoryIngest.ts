import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';

/**
 * An ingestion that behaves like the backend's for counting: identity is
 * `source` + `externalId`; other content is an update, the same content
 * unchanged.
 */
export function memoryIngest() {
  const stored = new Map<string, SignalInput>();
  const batches: SignalInput[][] = [];
  const ingest = async (
    signals: SignalInput[],
  ): Promise<IngestSignalsResult> => {
    batches.push(signals);
    const result = { created: 0, updated: 0, unchanged: 0 };
    for (const signal of signals) {
      const key = `${signal.source}\u0000${signal.externalId}`;
      const before = stored.get(key);
      if (!before) result.created += 1;
      else if (JSON.stringify(before) === JSON.stringify(signal)) {
        result.unchanged += 1;
      } else result.updated += 1;
      stored.set(key, signal);
    }
    return result;
  };
  return { ingest, stored, batches };
}
