import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  UserTrustApiPath,
  DEFAULT_FIELD_ROLES,
  effectiveFieldRoles,
  FieldRoleAssignment,
  fieldRoleRelationTypes,
  fieldRoleSeedsFromAnnotations,
  FieldRoleType,
  isSameEntityRef,
  toStoredEntityRef,
} from '@user-trust/plugin-user-trust-common';

/** Kinds that can have field roles, lower-case. */
const DEFAULT_KINDS = ['component', 'api', 'system', 'resource'];
/** Registry assignments asked for per entity; far above any real entity. */
const ASSIGNMENTS_LIMIT = 500;

/**
 * Options of {@link UserTrustFieldRoleProcessor}.
 *
 * @public
 */
export type UserTrustFieldRoleProcessorOptions = {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Entity kinds that get field-role relations; default Component, API, System, Resource. */
  kinds?: string[];
  /** How long the role types of the user-trust backend are reused; default 60 s. */
  roleTypesTtlMs?: number;
  /** At most one warning about an unreachable registry per interval; default 5 min. */
  warnIntervalMs?: number;
  /** Time-out of each request to the user-trust backend; default 10 s. */
  requestTimeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
};

/**
 * Emits the field-role holders (TAM, CSM, DevRel, support lead, ...) of
 * Component, API, System and Resource entities as catalog relations, one
 * prefixed pair per role type, e.g. for `tam`: the entity `userTrustHasTam`
 * the holder, and the holder `userTrustTamOf` the entity. `spec.owner` and
 * `ownedBy` stay the accountable engineering team's.
 *
 * The holders are the effective assignments: those of the field-role
 * registry of the user-trust backend (one request per processed entity),
 * which override, role by role, the seeds of the entity's own
 * `user-trust.io/field-role-<role>` annotations. When the registry cannot be
 * reached the entity is still processed, with the annotation seeds only, and
 * a (throttled) warning is logged. The registry asks the catalog to refresh an
 * entity after a change, so changes show without waiting for the next
 * processing round.
 *
 * @public
 */
export class UserTrustFieldRoleProcessor implements CatalogProcessor {
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;
  private readonly fetch: typeof fetch;
  private readonly kinds: Set<string>;
  private readonly roleTypesTtlMs: number;
  private readonly warnIntervalMs: number;
  private readonly requestTimeoutMs: number;
  private readonly now: () => number;

  private roleTypes?: { expiresAt: number; roles: Promise<FieldRoleType[]> };
  private lastWarningAt?: number;
  private suppressedWarnings = 0;

  constructor(options: UserTrustFieldRoleProcessorOptions) {
    this.discovery = options.discovery;
    this.auth = options.auth;
    this.logger = options.logger;
    this.fetch = options.fetch ?? ((...args) => fetch(...args));
    this.kinds = new Set(
      (options.kinds ?? DEFAULT_KINDS).map(k => k.toLocaleLowerCase('en-US')),
    );
    this.roleTypesTtlMs = options.roleTypesTtlMs ?? 60_000;
    this.warnIntervalMs = options.warnIntervalMs ?? 5 * 60_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  getProcessorName(): string {
    return 'UserTrustFieldRoleProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!this.kinds.has(entity.kind.toLocaleLowerCase('en-US'))) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const entityRef = toStoredEntityRef(self);

    const [roles, registry] = await Promise.all([
      this.getRoleTypes(),
      this.getRegistryAssignments(entityRef),
    ]);
    const seeds = fieldRoleSeedsFromAnnotations(
      entityRef,
      entity.metadata.annotations,
      roles,
    );

    const emitted = new Set<string>();
    for (const assignment of effectiveFieldRoles(seeds, registry)) {
      const holder = parseHolderRef(assignment.holderRef);
      if (!holder) {
        continue;
      }
      const { entityToHolder, holderToEntity } = fieldRoleRelationTypes(
        assignment.role,
      );
      const key = `${entityToHolder} ${stringifyEntityRef(holder)}`;
      if (emitted.has(key)) {
        continue;
      }
      emitted.add(key);
      emit(
        processingResult.relation({
          source: self,
          type: entityToHolder,
          target: holder,
        }),
      );
      emit(
        processingResult.relation({
          source: holder,
          type: holderToEntity,
          target: self,
        }),
      );
    }
    return entity;
  }

  /**
   * The role types of the user-trust backend, reused for a short while so
   * that processing costs one request per entity; the built-in defaults when
   * the backend does not answer.
   */
  private async getRoleTypes(): Promise<FieldRoleType[]> {
    const now = this.now();
    if (!this.roleTypes || this.roleTypes.expiresAt <= now) {
      const roles = this.fetchRoleTypes();
      // Shared by concurrent processing, failures included, so that a
      // backend that is down is not asked again for every entity.
      this.roleTypes = { expiresAt: now + this.roleTypesTtlMs, roles };
    }
    return this.roleTypes.roles;
  }

  private async fetchRoleTypes(): Promise<FieldRoleType[]> {
    try {
      const body = await this.request('/field-roles/types');
      const roles = (body as { roles?: unknown })?.roles;
      if (!Array.isArray(roles) || !roles.every(isRoleType)) {
        throw new Error('the answer has no valid "roles" list');
      }
      return roles;
    } catch (error) {
      this.warn(
        `Could not read field-role types from the user-trust backend, using the built-in ones: ${errorMessage(
          error,
        )}`,
      );
      return DEFAULT_FIELD_ROLES;
    }
  }

  private async getRegistryAssignments(
    entityRef: string,
  ): Promise<FieldRoleAssignment[]> {
    try {
      const query = new URLSearchParams({
        entityRef,
        limit: String(ASSIGNMENTS_LIMIT),
      });
      const body = await this.request('/field-roles/assignments', query);
      const { items, totalCount } = (body ?? {}) as {
        items?: unknown;
        totalCount?: unknown;
      };
      if (!Array.isArray(items) || !items.every(isAssignment)) {
        throw new Error('the answer has no valid "items" list');
      }
      if (typeof totalCount === 'number' && totalCount > items.length) {
        this.logger.warn(
          `Entity ${entityRef} has ${totalCount} field-role assignments; relations are emitted for the first ${items.length}`,
        );
      }
      // Only the entity's own (the registry filters; this guards the contract).
      return items.filter(a => isSameEntityRef(a.entityRef, entityRef));
    } catch (error) {
      this.warn(
        `Could not read field-role assignments from the user-trust registry, emitting relations from annotations only (entity ${entityRef}): ${errorMessage(
          error,
        )}`,
      );
      return [];
    }
  }

  /**
   * GETs a path of the user-trust API (checked against its spec). The answer
   * stays `unknown` until checked: the backend may run another version.
   */
  private async request(
    path: UserTrustApiPath<'get'>,
    query?: URLSearchParams,
  ): Promise<unknown> {
    const baseUrl = await this.discovery.getBaseUrl('user-trust');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'user-trust',
    });
    const search = query ? `?${query}` : '';
    const response = await this.fetch(`${baseUrl}${path}${search}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(this.requestTimeoutMs),
    });
    if (!response.ok) {
      throw new Error(
        `GET ${path} answered ${response.status} ${response.statusText}`.trim(),
      );
    }
    return response.json();
  }

  /** Logs at most one warning per interval, counting the ones left out. */
  private warn(message: string) {
    const now = this.now();
    if (
      this.lastWarningAt !== undefined &&
      now - this.lastWarningAt < this.warnIntervalMs
    ) {
      this.suppressedWarnings += 1;
      return;
    }
    const suppressed = this.suppressedWarnings;
    this.lastWarningAt = now;
    this.suppressedWarnings = 0;
    this.logger.warn(
      suppressed > 0
        ? `${message} (${suppressed} similar warnings left out since the last one)`
        : message,
    );
  }
}

function parseHolderRef(ref: string): CompoundEntityRef | undefined {
  try {
    return parseEntityRef(ref, { defaultKind: 'user' });
  } catch {
    return undefined;
  }
}

function isRoleType(value: unknown): value is FieldRoleType {
  const role = value as FieldRoleType;
  return (
    typeof role?.id === 'string' &&
    role.id.length > 0 &&
    typeof role.title === 'string'
  );
}

function isAssignment(value: unknown): value is FieldRoleAssignment {
  const assignment = value as FieldRoleAssignment;
  return (
    typeof assignment?.entityRef === 'string' &&
    typeof assignment.role === 'string' &&
    assignment.role.length > 0 &&
    typeof assignment.holderRef === 'string'
  );
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error
      ? `${error.message} (${cause.message})`
      : error.message;
  }
  return String(error);
}
