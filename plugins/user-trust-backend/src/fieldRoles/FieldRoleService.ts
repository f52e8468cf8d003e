import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  addDays,
  dayKey,
  effectiveFieldRoles,
  EntityFieldRoles,
  FieldRoleAssignment,
  FieldRoleCoverage,
  fieldRoleSeedsFromAnnotations,
  parseStoredEntityRef,
  SignalQuery,
  toStoredEntityRef,
} from '@user-trust/plugin-user-trust-common';
import { FieldRoleStore, HolderInput } from './FieldRoleStore';
import { GLOBAL_SCOPE, hashQuery, RollupStore } from '../rollups/RollupStore';
import { FieldRoleTypes } from './FieldRoleTypes';

/** Support cases of an entity; kept in the rollups for every entity. */
export const SUPPORT_CASES: SignalQuery = { kind: ['support_case'] };
/** Incidents of an entity; kept in the rollups for every entity. */
export const INCIDENTS: SignalQuery = { kind: ['incident'] };
/** Days of support and incident volume that weigh a blind spot. */
export const COVERAGE_VOLUME_DAYS = 28;
/** Weight of an incident against a support case in coverage. */
export const INCIDENT_WEIGHT = 5;
const CATALOG_CHUNK = 500;
const REF_FIELDS = ['kind', 'metadata.name', 'metadata.namespace'];
const COVERAGE_FIELDS = [
  ...REF_FIELDS,
  'metadata.title',
  'metadata.labels',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Full, lower-cased ref of an entity. */
export function entityRefOf(entity: Entity): string {
  return toStoredEntityRef(entity);
}

/** Whether `value` is an ISO date (`2026-01-31`) or date-time. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value) && !ISO_DATE_TIME.test(value)) return false;
  const ms = Date.parse(ISO_DATE.test(value) ? `${value}T00:00:00Z` : value);
  return (
    !Number.isNaN(ms) &&
    // Rejects 2026-02-30, which Date.parse rolls over.
    new Date(ms).toISOString().slice(0, 10) === value.slice(0, 10)
  );
}

/**
 * Normalises an entity ref as written by a person: lower-cased and full,
 * with the default namespace (and, for holders, the default kind `user`).
 * Answers an error message instead of throwing.
 */
export function normalizeRef(
  ref: string,
  defaultKind?: string,
): { ref: string; kind: string } | { error: string } {
  try {
    const parsed = parseStoredEntityRef(ref.trim(), { defaultKind });
    return { ref: toStoredEntityRef(parsed), kind: parsed.kind };
  } catch {
    return { error: `'${ref}' is not an entity ref` };
  }
}

/** Normalised accounts: trimmed, without empty ones or duplicates. */
export function normalizeAccounts(accounts: string[]): string[] {
  return [...new Set(accounts.map(a => a.trim()).filter(Boolean))];
}

/** A holder of a request, checked except for its existence in the catalog. */
/** Assignments grouped by entity ref. */
function byEntity(
  assignments: FieldRoleAssignment[],
): Map<string, FieldRoleAssignment[]> {
  const grouped = new Map<string, FieldRoleAssignment[]>();
  for (const assignment of assignments) {
    const list = grouped.get(assignment.entityRef) ?? [];
    list.push(assignment);
    grouped.set(assignment.entityRef, list);
  }
  return grouped;
}

export type CheckedHolder = { field: string; input: HolderInput };

/**
 * Field roles of entities: their effective assignments (registry over
 * catalog annotation seeds), what is required, and catalog-wide coverage.
 */
export class FieldRoleService {
  constructor(
    readonly types: FieldRoleTypes,
    readonly store: FieldRoleStore,
    private readonly rollups: RollupStore,
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** Keeps the support case and incident counts of every entity. */
  async start(): Promise<void> {
    await this.rollups.ensureQueries([SUPPORT_CASES, INCIDENTS], GLOBAL_SCOPE);
  }

  /** The field roles of one entity, as shown on its page. */
  async forEntity(entity: Entity): Promise<EntityFieldRoles> {
    const entityRef = entityRefOf(entity);
    const assignments = this.effective(
      entity,
      await this.store.forEntity(entityRef),
    );
    return {
      entityRef,
      roles: this.types.list(),
      assignments,
      missingRequired: this.missing(entity, assignments),
    };
  }

  /**
   * Effective field roles and missing required roles of many entities, in
   * the order given, from one read of the registry.
   */
  async forEntities(
    entities: Entity[],
  ): Promise<
    Array<{ assignments: FieldRoleAssignment[]; missingRequired: string[] }>
  > {
    const refs = entities.map(entityRefOf);
    const registry = byEntity(await this.store.forEntities(refs));
    return entities.map((entity, i) => {
      const assignments = this.effective(entity, registry.get(refs[i]) ?? []);
      return {
        assignments,
        missingRequired: this.missing(entity, assignments),
      };
    });
  }

  /** The annotation seeds of an entity, for configured roles. */
  seeds(entity: Entity): FieldRoleAssignment[] {
    return fieldRoleSeedsFromAnnotations(
      entityRefOf(entity),
      entity.metadata.annotations,
      this.types.list(),
    );
  }

  /**
   * The refs among `refs` (full, lower-cased) that exist in the catalog
   * for the caller: what they may not see does not exist for them.
   */
  async existing(
    refs: Iterable<string>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    const all = [...new Set(refs)];
    for (let i = 0; i < all.length; i += CATALOG_CHUNK) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: all.slice(i, i + CATALOG_CHUNK), fields: REF_FIELDS },
        { credentials },
      );
      for (const item of items) {
        if (item) found.add(entityRefOf(item));
      }
    }
    return found;
  }

  /**
   * The entities among `refs` the caller may not see, for filtering lists
   * across entities. Service principals (e.g. a catalog processor) see all.
   */
  async hidden(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (this.auth.isPrincipal(credentials, 'service') || refs.length === 0) {
      return [];
    }
    const visible = await this.existing(refs, credentials);
    return refs.filter(ref => !visible.has(ref));
  }

  /**
   * Checks the holders of a PUT: refs of Users or Groups, no duplicates,
   * valid dates, existing in the catalog. Throws an InputError naming the
   * first bad field.
   */
  async checkHolders(
    holders: Array<{
      ref: string;
      accounts?: string[];
      note?: string;
      since?: string;
    }>,
    credentials: BackstageCredentials,
  ): Promise<HolderInput[]> {
    const checked: HolderInput[] = [];
    const seen = new Map<string, number>();
    for (const [index, holder] of holders.entries()) {
      const field = `holders[${index}]`;
      const error = this.holderError(holder.ref, holder.since);
      if (error) {
        throw new InputError(`${field}.${error.field}: ${error.message}`);
      }
      const { ref } = normalizeRef(holder.ref, 'user') as { ref: string };
      if (seen.has(ref)) {
        throw new InputError(
          `${field}.ref: ${ref} duplicates holders[${seen.get(ref)}]`,
        );
      }
      seen.set(ref, index);
      const note = holder.note?.trim();
      checked.push({
        holderRef: ref,
        accounts: normalizeAccounts(holder.accounts ?? []),
        ...(note ? { note } : {}),
        ...(holder.since ? { since: holder.since } : {}),
      });
    }
    const found = await this.existing(
      checked.map(h => h.holderRef),
      credentials,
    );
    for (const [index, holder] of checked.entries()) {
      if (!found.has(holder.holderRef)) {
        throw new InputError(
          `holders[${index}].ref: ${holder.holderRef} does not exist in the catalog`,
        );
      }
    }
    return checked;
  }

  /**
   * What is wrong with a holder ref or since, before asking the catalog;
   * undefined when nothing is.
   */
  holderError(
    ref: string,
    since?: string,
  ): { field: 'ref' | 'since'; message: string } | undefined {
    const normalized = normalizeRef(ref, 'user');
    if ('error' in normalized) {
      return { field: 'ref', message: normalized.error };
    }
    if (normalized.kind !== 'user' && normalized.kind !== 'group') {
      return {
        field: 'ref',
        message: `${normalized.ref} is not a User or Group`,
      };
    }
    if (since !== undefined && since !== '' && !isIsoDate(since)) {
      return {
        field: 'since',
        message: `'${since}' is not an ISO date or date-time`,
      };
    }
    return undefined;
  }

  /** A role id that is not configured, as a message naming the known ones. */
  unknownRole(role: string): string | undefined {
    return this.types.get(role)
      ? undefined
      : `unknown field role '${role}'; known roles: ${this.types
          .ids()
          .join(', ')}`;
  }

  /**
   * Blind spots (entities the caller may see that lack a required role),
   * most exposed first, and per holder what they cover.
   */
  async coverage(
    credentials: BackstageCredentials,
    filter: { role?: string; holderRef?: string } = {},
    now: Date = new Date(),
  ): Promise<FieldRoleCoverage> {
    const entities = new Map<string, Entity>();
    const kinds = [...new Set(['component', ...this.types.requiredKinds()])];
    for await (const page of this.catalog.streamEntities(
      { filter: { kind: kinds }, fields: COVERAGE_FIELDS },
      { credentials },
    )) {
      for (const entity of page) entities.set(entityRefOf(entity), entity);
    }
    // Registered entities of other kinds count for their holders.
    const registered = await this.store.entityRefs({ role: filter.role });
    const others = registered.filter(ref => !entities.has(ref));
    for (let i = 0; i < others.length; i += CATALOG_CHUNK) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: others.slice(i, i + CATALOG_CHUNK),
          fields: COVERAGE_FIELDS,
        },
        { credentials },
      );
      for (const entity of items) {
        if (entity) entities.set(entityRefOf(entity), entity);
      }
    }
    const registeredSet = new Set(registered);
    const registry = byEntity(
      await this.store.forEntities(
        [...entities.keys()].filter(ref => registeredSet.has(ref)),
        { role: filter.role },
      ),
    );

    const spots: Array<{ entity: Entity; missingRoles: string[] }> = [];
    const holders = new Map<string, FieldRoleCoverage['holders'][number]>();
    for (const [entityRef, entity] of entities) {
      let assignments = this.effective(entity, registry.get(entityRef) ?? []);
      if (filter.role) {
        assignments = assignments.filter(a => a.role === filter.role);
      }
      const missingRoles = this.missing(entity, assignments).filter(
        role => !filter.role || role === filter.role,
      );
      if (missingRoles.length > 0) spots.push({ entity, missingRoles });
      for (const a of assignments) {
        if (filter.holderRef && a.holderRef !== filter.holderRef) continue;
        const holder = holders.get(a.holderRef) ?? {
          holderRef: a.holderRef,
          assignments: [],
        };
        holder.assignments.push({
          entityRef,
          role: a.role,
          accounts: a.accounts,
        });
        holders.set(a.holderRef, holder);
      }
    }

    const [support, incidents] = [
      hashQuery(SUPPORT_CASES),
      hashQuery(INCIDENTS),
    ];
    const totals = await this.rollups.totalsByEntity(
      spots.map(s => entityRefOf(s.entity)),
      [support, incidents],
      addDays(dayKey(now), -(COVERAGE_VOLUME_DAYS - 1)),
      dayKey(now),
    );
    const blindSpots = spots.map(({ entity, missingRoles }) => {
      const entityRef = entityRefOf(entity);
      const recentSupportCases = totals.get(entityRef)?.get(support) ?? 0;
      const recentIncidents = totals.get(entityRef)?.get(incidents) ?? 0;
      return {
        entityRef,
        ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
        missingRoles,
        recentSupportCases,
        recentIncidents,
        weight: recentSupportCases + INCIDENT_WEIGHT * recentIncidents + 1,
      };
    });
    blindSpots.sort(
      (a, b) =>
        b.weight - a.weight ||
        (a.entityRef < b.entityRef ? -1 : Number(a.entityRef > b.entityRef)),
    );
    const byRef = (a: { entityRef: string; role: string }, b: typeof a) =>
      a.entityRef.localeCompare(b.entityRef) || a.role.localeCompare(b.role);
    return {
      blindSpots,
      holders: [...holders.values()]
        .sort((a, b) => a.holderRef.localeCompare(b.holderRef))
        .map(h => ({ ...h, assignments: h.assignments.sort(byRef) })),
    };
  }

  /** Registry over seeds, role by role, for configured roles only. */
  private effective(
    entity: Entity,
    registry: FieldRoleAssignment[],
  ): FieldRoleAssignment[] {
    const order = new Map(this.types.ids().map((id, i) => [id, i]));
    return effectiveFieldRoles(
      this.seeds(entity),
      registry.filter(a => order.has(a.role)),
    ).sort(
      (a, b) =>
        order.get(a.role)! - order.get(b.role)! ||
        a.holderRef.localeCompare(b.holderRef),
    );
  }

  private missing(
    entity: Entity,
    assignments: FieldRoleAssignment[],
  ): string[] {
    const held = new Set(assignments.map(a => a.role));
    return this.types.requiredRoles(entity).filter(role => !held.has(role));
  }
}
