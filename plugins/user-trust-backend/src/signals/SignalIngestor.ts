import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import {
  UnknownEntityRefsError,
  UserTrustSignalProviderConnection,
} from '@user-trust/plugin-user-trust-node';
import { SignalStore } from './SignalStore';
import { NormalizedSignal } from './types';
import { KnownEntityRefs } from './KnownEntityRefs';
import { SignalTimeBounds, validateSignals } from './validateSignals';

export type SignalIngestorOptions = {
  store: SignalStore;
  /** Refused unless the catalog knows the entity and handler of a signal. */
  knownEntities: KnownEntityRefs;
  bounds?: SignalTimeBounds;
  /** Told the entities of each stored batch (e.g. to drop caches). */
  onIngested?: (entityRefs: Set<string>) => void;
};

/** The first signal naming a ref the catalog does not know, as a 400. */
function unknownRefError(
  signals: NormalizedSignal[],
  unknown: Set<string>,
): UnknownEntityRefsError {
  const bad = signals.flatMap((signal, index) =>
    (['entityRef', 'handledBy'] as const)
      .filter(field => signal[field] && unknown.has(signal[field]!))
      .map(field => ({ index, field, ref: signal[field]! })),
  );
  const [first] = bad;
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more)` : '';
  return new UnknownEntityRefsError(
    `signals[${first.index}].${first.field}: no entity ${first.ref} in the catalog${more}; signals are stored only for entities the catalog knows`,
    [...unknown],
  );
}

/**
 * The one path by which signals enter storage, used by the REST API and by
 * signal-provider modules alike: validate the whole batch, check that the
 * catalog knows every entity it names, then store it in one transaction.
 * A signal for an entity the catalog does not know is refused, not kept
 * where no page could ever show it.
 */
export class SignalIngestor implements UserTrustSignalProviderConnection {
  constructor(private readonly options: SignalIngestorOptions) {}

  async ingest(signals: SignalInput[]): Promise<IngestSignalsResult> {
    const normalized = validateSignals(signals, {
      bounds: this.options.bounds,
    });
    const unknown = await this.unknownRefs(normalized);
    if (unknown.size > 0) throw unknownRefError(normalized, unknown);
    return this.store(normalized);
  }

  /** How far from now signal times may lie (`userTrust.ingestion`). */
  get bounds(): SignalTimeBounds | undefined {
    return this.options.bounds;
  }

  /** The refs (entity and handler) of these signals the catalog lacks. */
  unknownRefs(signals: NormalizedSignal[]): Promise<Set<string>> {
    return this.options.knownEntities.unknown(
      signals.flatMap(s =>
        s.handledBy ? [s.entityRef, s.handledBy] : [s.entityRef],
      ),
    );
  }

  /**
   * Stores signals that passed `validateSignal` and whose refs the catalog
   * knows (`unknownRefs`), in one transaction of any size: a file import.
   */
  async store(
    signals: NormalizedSignal[],
    options: { onProgress?: (written: number, total: number) => void } = {},
  ): Promise<IngestSignalsResult> {
    const result = await this.options.store.ingest(signals, options);
    this.options.onIngested?.(new Set(signals.map(s => s.entityRef)));
    return result;
  }

  /** What storing these signals would do, written nowhere (a dry run). */
  preview(signals: NormalizedSignal[]): Promise<IngestSignalsResult> {
    return this.options.store.preview(signals);
  }
}
