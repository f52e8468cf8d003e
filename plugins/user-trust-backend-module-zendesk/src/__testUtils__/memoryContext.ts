import { mockServices } from '@backstage/backend-test-utils';
import { SignalInput } from '@user-trust/plugin-user-trust-common';
import {
  UnattributedSignalInput,
  UserTrustConnectorContext,
} from '@user-trust/plugin-user-trust-node';

/**
 * A connector context in memory: ingested signals by `externalId` (an
 * upsert, as the backend's ingestion), kept ones by service, and state.
 */
export function memoryContext() {
  const signals = new Map<string, SignalInput>();
  const kept = new Map<string, Map<string, UnattributedSignalInput>>();
  const state = new Map<string, unknown>();
  const progress: Array<{ done: number; total?: number }> = [];
  let ingests = 0;
  const context: UserTrustConnectorContext = {
    logger: mockServices.logger.mock(),
    ingest: async batch => {
      ingests += 1;
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      for (const signal of batch) {
        const before = signals.get(signal.externalId);
        if (!before) created += 1;
        else if (JSON.stringify(before) === JSON.stringify(signal))
          unchanged += 1;
        else updated += 1;
        signals.set(signal.externalId, signal);
      }
      return { created, updated, unchanged };
    },
    keepUnattributed: async (service, batch) => {
      const map = kept.get(service.id) ?? new Map();
      for (const signal of batch) map.set(signal.externalId, signal);
      kept.set(service.id, map);
    },
    state: {
      get: async <T>(key: string) => state.get(key) as T | undefined,
      set: async (key, value) => {
        state.set(key, JSON.parse(JSON.stringify(value)));
      },
    },
    reportProgress: async p => {
      progress.push(p);
    },
  };
  return { context, signals, kept, state, progress, ingests: () => ingests };
}
