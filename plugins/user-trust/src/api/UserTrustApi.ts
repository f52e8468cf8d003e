import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityAlertsResponse,
  EntityFieldRoles,
  EntitySignalSummary,
  EntitySlosResponse,
  EntityTrustEvaluation,
  FieldRoleAssignmentList,
  FieldRoleAuditList,
  FieldRoleCoverage,
  FieldRoleImportResult,
  FieldRoleImportRow,
  FieldRoleTypesResponse,
  HealthFilter,
  HealthListResponse,
  HealthRollupDimension,
  HealthRollupsResponse,
  HealthSortField,
  PutFieldRoleRequest,
  SavedSignalImportMapping,
  SignalImportMapping,
  SignalImportProgress,
  SignalImportRequest,
  SignalImportResult,
  SignalKind,
  SignalListResponse,
  UserTrustApiSchemas,
} from '@user-trust/plugin-user-trust-common';

// Kept exported from here for apps that imported them from this package.
export type {
  FieldRoleAssignmentList,
  FieldRoleAuditList,
  FieldRoleTypesResponse,
};

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
 * Options of {@link UserTrustApi.listFieldRoleAssignments}; all filters are
 * exact and combine with AND.
 *
 * @public
 */
export type ListFieldRoleAssignmentsOptions = {
  /** Full entity ref, e.g. `component:default/checkout-api`. */
  entityRef?: string;
  /** Role id, e.g. `tam`. */
  role?: string;
  /** Full ref of the holder, e.g. `user:default/rachel.kim`. */
  holderRef?: string;
  /** Page size. */
  limit?: number;
  /** Number of assignments to skip, for paging. */
  offset?: number;
};

/**
 * Options of {@link UserTrustApi.listFieldRoleAudit}.
 *
 * @public
 */
export type ListFieldRoleAuditOptions = {
  /** Only changes of this entity (full entity ref). */
  entityRef?: string;
  /** Page size. */
  limit?: number;
  /** Number of entries to skip, for paging. */
  offset?: number;
};

/**
 * Options of {@link UserTrustApi.getFieldRoleCoverage}.
 *
 * @public
 */
export type FieldRoleCoverageOptions = {
  /** Only blind spots missing this role, and portfolios of this role. */
  role?: string;
  /** Only the portfolio of this holder (full ref). */
  holderRef?: string;
};

/**
 * Sort order of the health list and its CSV export.
 *
 * @public
 */
export type HealthSortOptions = {
  /** Sort field; the backend sorts by fastest burn when absent. */
  sort?: HealthSortField;
  /** Sort direction; nulls sort last either way. */
  order?: 'asc' | 'desc';
};

/**
 * Options of {@link UserTrustApi.getHealth}.
 *
 * @public
 */
export type GetHealthOptions = HealthFilter &
  HealthSortOptions & {
    /** Page size, 1–500; the backend defaults to 50. */
    limit?: number;
    /** Number of rows to skip, for paging. */
    offset?: number;
  };

/**
 * What one connector (PagerDuty, Statuspage, ...) did: its state, the last
 * webhook and sync, signals stored lately, a running backfill, the latest
 * errors (newest first) and the external services it saw without an entity.
 *
 * @public
 */
export type SourceStatus = UserTrustApiSchemas['SourceStatus'];

/**
 * The answer of {@link UserTrustApi.listSources}: one entry per installed
 * connector.
 *
 * @public
 */
export type SourceList = UserTrustApiSchemas['SourceList'];

/**
 * An external service (a PagerDuty service, a Statuspage component) a
 * connector has seen, with the signals kept for it until it is mapped.
 *
 * @public
 */
export type ExternalService = UserTrustApiSchemas['ExternalService'];

/**
 * A request of {@link UserTrustApi.mapExternalService}: the external
 * service and the catalog entity its signals belong to.
 *
 * @public
 */
export type ExternalServiceMapping =
  UserTrustApiSchemas['ExternalServiceMapping'];

/**
 * Options of {@link UserTrustApi.importSignals}.
 *
 * @public
 */
export type ImportSignalsOptions = {
  /** Only check the file: nothing is written, every bad row is listed. */
  dryRun: boolean;
  /**
   * Called while the rows are written (an import, not a dry run): the
   * answer is then streamed as JSON lines with the progress first.
   */
  onProgress?: (progress: SignalImportProgress) => void;
};

/**
 * The saved column mappings of the file imports, one per import source.
 *
 * @public
 */
export type SignalImportMappingList =
  UserTrustApiSchemas['SignalImportMappingList'];

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

  /**
   * The alert state of each SLO of an entity and the timeline of their
   * transitions, newest first (at most `limit`, default 100).
   */
  getEntityAlerts(
    entity: CompoundEntityRef,
    options?: { limit?: number },
  ): Promise<EntityAlertsResponse>;

  /** Stored signals of an entity, newest first, one page at a time. */
  listEntitySignals(
    entity: CompoundEntityRef,
    options?: ListEntitySignalsOptions,
  ): Promise<SignalListResponse>;

  /** The configured field-role types (TAM, CSM, DevRel, ...). */
  getFieldRoleTypes(): Promise<FieldRoleTypesResponse>;

  /**
   * The effective field-role holders of an entity (registry over catalog
   * annotations) and the required roles it lacks.
   */
  getEntityFieldRoles(entity: CompoundEntityRef): Promise<EntityFieldRoles>;

  /**
   * Replaces the registry holders of one role of an entity. Needs the
   * field-role manage permission on the entity.
   */
  setEntityFieldRole(
    entity: CompoundEntityRef,
    role: string,
    request: PutFieldRoleRequest,
  ): Promise<EntityFieldRoles>;

  /** Removes one registry holder of a role of an entity. */
  removeEntityFieldRoleHolder(
    entity: CompoundEntityRef,
    role: string,
    holderRef: string,
  ): Promise<void>;

  /** Registry assignments, filtered and paged on the server. */
  listFieldRoleAssignments(
    options?: ListFieldRoleAssignmentsOptions,
  ): Promise<FieldRoleAssignmentList>;

  /** The audit log of field-role changes, newest first. */
  listFieldRoleAudit(
    options?: ListFieldRoleAuditOptions,
  ): Promise<FieldRoleAuditList>;

  /**
   * Imports assignments in bulk, from rows or from the text of a CSV (with
   * its header line; the backend parses it and numbers rows by their data
   * line). With `dryRun` nothing is written and the answer lists what would
   * change; without, all rows are written or, when any row has an error,
   * none.
   */
  importFieldRoles(
    rows: FieldRoleImportRow[] | string,
    options: { dryRun: boolean },
  ): Promise<FieldRoleImportResult>;

  /** Blind spots (entities lacking required roles) and holder portfolios. */
  getFieldRoleCoverage(
    options?: FieldRoleCoverageOptions,
  ): Promise<FieldRoleCoverage>;

  /**
   * Catalog-wide reliability health: one row per entity the caller may see,
   * filtered, sorted and paged on the server, with status counts and facets.
   */
  getHealth(options?: GetHealthOptions): Promise<HealthListResponse>;

  /** The filtered health rows summed up per group, system or domain. */
  getHealthRollups(
    by: HealthRollupDimension,
    filter?: HealthFilter,
  ): Promise<HealthRollupsResponse>;

  /** Every filtered health row as CSV text (no paging), header row first. */
  exportHealthCsv(options?: HealthFilter & HealthSortOptions): Promise<string>;

  /** The installed connectors and what each received, synced and kept. */
  listSources(): Promise<SourceList>;

  /**
   * Starts a connector's sync now (on whichever replica runs it). Needs the
   * `user-trust.source.manage` permission.
   */
  resyncSource(sourceId: string): Promise<void>;

  /**
   * Maps an external service of a connector to a catalog entity: the
   * signals kept for the service are ingested for the entity at once, and
   * later ones go to it directly. Answers how many kept signals it
   * attributed. Needs the `user-trust.source.manage` permission.
   */
  mapExternalService(
    sourceId: string,
    mapping: ExternalServiceMapping,
  ): Promise<{ attributed: number }>;

  /**
   * Imports signals from the text of a CSV or JSON file through a column
   * mapping. With `dryRun` nothing is written and the answer lists every
   * bad row and what would be created, updated or left unchanged (a first
   * dry run with an empty mapping learns the file's columns). Without, all
   * rows are written in one transaction or, when any row is bad, none (a
   * `ResponseError`). With `onProgress` the import reports how many rows
   * are written so far; a failure after the stream started (a rollback)
   * is thrown as an `Error` with the backend's message. Needs the
   * `user-trust.signal.create` permission.
   */
  importSignals(
    request: SignalImportRequest,
    options: ImportSignalsOptions,
  ): Promise<SignalImportResult>;

  /** The saved column mappings, one per import source. */
  listImportMappings(): Promise<SignalImportMappingList>;

  /**
   * Saves the column mapping of an import source, which the next upload
   * for the same source starts from. Needs `user-trust.signal.create`.
   */
  saveImportMapping(
    source: string,
    mapping: SignalImportMapping,
  ): Promise<SavedSignalImportMapping>;
}

/** @public */
export const userTrustApiRef = createApiRef<UserTrustApi>({
  id: 'plugin.user-trust.service',
});
