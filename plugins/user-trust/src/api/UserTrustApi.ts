import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntitySignalSummary,
  EntitySlosResponse,
  EntityTrustEvaluation,
  SignalKind,
  SignalListResponse,
} from '@user-trust/plugin-user-trust-common';

/**
 * Options of {@link UserTrustApi.listEntitySignals}.
 *
 * @public
 */
export type ListEntitySignalsOptions = {
  /** Only signals of these kinds; all kinds when absent or empty. */
  kinds?: SignalKind[];
  /** Signals that occurred at or after this time (ISO 8601). */
  from?: string;
  /** Signals that occurred before this time (ISO 8601). */
  to?: string;
  /** Page size. */
  limit?: number;
  /** Number of signals to skip, for paging. */
  offset?: number;
};

/**
 * Client of the User Trust backend.
 *
 * @public
 */
export interface UserTrustApi {
  /** Signal counts of an entity over 7, 28 and 90 days. */
  getEntitySummary(entity: CompoundEntityRef): Promise<EntitySignalSummary>;

  /** Trust score, SLO evaluations and perception dissonance of an entity. */
  getEntityTrust(entity: CompoundEntityRef): Promise<EntityTrustEvaluation>;

  /** The SLO definitions that apply to an entity, with their source. */
  getEntitySlos(entity: CompoundEntityRef): Promise<EntitySlosResponse>;

  /** Stored signals of an entity, newest first, one page at a time. */
  listEntitySignals(
    entity: CompoundEntityRef,
    options?: ListEntitySignalsOptions,
  ): Promise<SignalListResponse>;
}

/** @public */
export const userTrustApiRef = createApiRef<UserTrustApi>({
  id: 'plugin.user-trust.service',
});
