import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import { UnmappedComponentSignals } from '../mapping/attributeIncident';

/**
 * What the backend wiring provides, in memory: an ingestion that counts
 * like the backend's (identity `source` + `externalId`; other content an
 * update, equal content unchanged) and a keeper of unmapped signals.
 */
export class MemoryStore {
  readonly signals = new Map<string, SignalInput>();
  readonly unmapped: UnmappedComponentSignals[] = [];
  batches = 0;

  readonly ingest = async (
    batch: SignalInput[],
  ): Promise<IngestSignalsResult> => {
    this.batches += 1;
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const signal of batch) {
      const id = `${signal.source}/${signal.externalId}`;
      const stored = this.signals.get(id);
      if (stored === undefined) counts.created++;
      else if (JSON.stringify(stored) !== JSON.stringify(signal)) {
        counts.updated++;
      } else counts.unchanged++;
      this.signals.set(id, signal);
    }
    return counts;
  };

  readonly keepUnmapped = async (unmapped: UnmappedComponentSignals[]) => {
    this.unmapped.push(...unmapped);
  };

  byExternalId(externalId: string): SignalInput | undefined {
    return [...this.signals.values()].find(s => s.externalId === externalId);
  }
}
