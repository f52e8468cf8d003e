import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import { UserTrustSignalProviderConnection } from '@user-trust/plugin-user-trust-node';
import { SignalStore } from '../database/SignalStore';
import { validateSignals } from './validateSignals';

/**
 * The one path by which signals enter storage, used by the REST API and by
 * signal-provider modules alike: validate the whole batch, then store it in
 * one transaction.
 */
export class SignalIngestor implements UserTrustSignalProviderConnection {
  constructor(
    private readonly store: SignalStore,
    private readonly onIngested: (entityRefs: Set<string>) => void = () => {},
  ) {}

  async ingest(signals: SignalInput[]): Promise<IngestSignalsResult> {
    const normalized = validateSignals(signals);
    const result = await this.store.ingest(normalized);
    this.onIngested(new Set(normalized.map(s => s.entityRef)));
    return result;
  }
}
