import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';

/**
 * What a signal provider is handed when the User Trust backend starts: the
 * same validated, idempotent and transactional ingestion that serves
 * `POST /api/user-trust/signals`.
 *
 * @public
 */
export interface UserTrustSignalProviderConnection {
  /**
   * Stores a batch of signals atomically. Throws an `InputError` naming the
   * item index and field when any signal is invalid; nothing is then written.
   */
  ingest(signals: SignalInput[]): Promise<IngestSignalsResult>;
}

/**
 * A source of user-perceived signals: a support desk, an incident tool, a
 * survey platform. One backend module per source registers one provider.
 *
 * @public
 */
export interface UserTrustSignalProvider {
  /** Unique name, used in logs. */
  getProviderName(): string;
  /**
   * Called once the backend plugin's storage is ready. Providers usually keep
   * the connection and schedule their own polling with the scheduler service.
   */
  connect(connection: UserTrustSignalProviderConnection): Promise<void>;
}

/**
 * Extension point through which backend modules add signal providers.
 *
 * @public
 */
export interface UserTrustSignalProvidersExtensionPoint {
  addSignalProvider(...providers: UserTrustSignalProvider[]): void;
}

/**
 * @public
 */
export const userTrustSignalProvidersExtensionPoint =
  createExtensionPoint<UserTrustSignalProvidersExtensionPoint>({
    id: 'user-trust.signal-providers',
  });
