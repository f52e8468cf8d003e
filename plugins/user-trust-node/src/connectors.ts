import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';

/**
 * A signal whose external service (a PagerDuty service, a Statuspage
 * component) maps to no catalog entity yet.
 *
 * @public
 */
export type UnattributedSignalInput = Omit<SignalInput, 'entityRef'>;

/**
 * An external service that maps to no entity yet, as the Sources page shows
 * it and as a mapping is later made for it.
 *
 * @public
 */
export type UserTrustExternalService = {
  /** The vendor's id, unique within the connector (with the account if any). */
  id: string;
  /** Human name, e.g. the PagerDuty service's summary. */
  name?: string;
  /** Link to the service in the vendor's UI. */
  url?: string;
};

/**
 * Durable state of one connector (cursors, backfill marks), kept across
 * restarts and replicas.
 *
 * @public
 */
export interface UserTrustConnectorState {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
}

/**
 * What a connector is handed: the backend's one ingestion path and the
 * durable places for what it cannot attribute yet, its cursors and its
 * progress.
 *
 * @public
 */
export interface UserTrustConnectorContext {
  logger: LoggerService;
  /**
   * Stores a batch of signals atomically (validated, idempotent by `source` +
   * `externalId`). Throws an `InputError` naming the item when any is
   * invalid; nothing is then written.
   */
  ingest(signals: SignalInput[]): Promise<IngestSignalsResult>;
  /**
   * Keeps the signals of an external service that maps to no entity. When an
   * administrator has mapped the service on the Sources page they are
   * ingested for that entity at once; otherwise they are stored (idempotent
   * by `externalId`) and attributed once a mapping exists.
   */
  keepUnattributed(
    service: UserTrustExternalService,
    signals: UnattributedSignalInput[],
  ): Promise<void>;
  state: UserTrustConnectorState;
  /** Progress of a running backfill, shown on the Sources page. */
  reportProgress(progress: { done: number; total?: number }): Promise<void>;
}

/**
 * One webhook delivery, with the body exactly as received (for signatures).
 *
 * @public
 */
export type UserTrustWebhookDelivery = {
  rawBody: Buffer;
  /** Request headers, names lower-cased. */
  headers: Record<string, string | string[] | undefined>;
  /** The token of `POST /webhooks/{connector}/{token}`, for vendors that sign nothing. */
  token?: string;
};

/**
 * A connector's answer to a delivery. `accepted` answers are given only once
 * what the delivery carried is stored; the route answers with `status`.
 *
 * @public
 */
export type UserTrustWebhookAnswer =
  | {
      status: 200 | 202 | 204;
      /** How the delivery was used (counted on the Sources page). */
      outcome: 'ingested' | 'unattributed' | 'ignored';
    }
  | {
      status: 400 | 401 | 403 | 404 | 413 | 422;
      /** Names the problem; sent to the caller and shown on the Sources page. */
      message: string;
    };

/**
 * A source of signals from a tool a company already runs (PagerDuty,
 * Statuspage, Zendesk, ...), added by a backend module.
 *
 * @public
 */
export interface UserTrustConnector {
  /** Unique id, also the `source` of its signals, e.g. `pagerduty`. */
  readonly id: string;
  /** Shown on the Sources page, e.g. `PagerDuty`. */
  readonly title: string;
  /**
   * Receives `POST /api/user-trust/webhooks/{id}` (and `/{id}/{token}`).
   * Throwing answers 500, so the vendor delivers again: storage failures
   * must throw, never be answered 2xx.
   */
  handleWebhook?(
    delivery: UserTrustWebhookDelivery,
    context: UserTrustConnectorContext,
  ): Promise<UserTrustWebhookAnswer>;
  /** A scheduled backfill and reconciliation, run once across replicas. */
  sync?: {
    schedule: SchedulerServiceTaskScheduleDefinition;
    run(
      context: UserTrustConnectorContext & { signal: AbortSignal },
    ): Promise<void>;
  };
  /**
   * The entity of an external service by the connector's own rules
   * (annotations, config), asked again for kept signals so that they are
   * attributed once a mapping appears. Undefined while it maps to none.
   */
  resolveService?(serviceId: string): Promise<string | undefined>;
  /**
   * The signal a kept one becomes once its service maps to `entityRef`;
   * by default the same signal with the entity ref. A connector whose
   * `externalId`s name the entity (one incident, several entities) builds
   * them here.
   */
  attributeSignal?(
    signal: UnattributedSignalInput,
    entityRef: string,
  ): SignalInput;
}

/**
 * Extension point through which backend modules add connectors.
 *
 * @public
 */
export interface UserTrustConnectorsExtensionPoint {
  addConnector(...connectors: UserTrustConnector[]): void;
}

/** @public */
export const userTrustConnectorsExtensionPoint =
  createExtensionPoint<UserTrustConnectorsExtensionPoint>({
    id: 'user-trust.connectors',
  });
