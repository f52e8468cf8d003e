import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  addDays,
  dayKey,
  EntityHealth,
  WeekOverWeek,
} from '@user-trust/plugin-user-trust-common';
import { HealthStore } from './HealthStore';
import { ChangedEntitiesStore } from '../database/ChangedEntitiesStore';
import { hashQuery, RollupStore } from '../rollups/RollupStore';
import {
  entityRefOf,
  FieldRoleService,
  INCIDENTS,
  SUPPORT_CASES,
} from '../fieldRoles/FieldRoleService';
import { EvaluationService } from '../slo/EvaluationService';
import { entityHealth, specRef, systemOf } from './entityHealth';
import { alertsOf, AlertStore } from '../alerts/AlertStore';

/** Entities evaluated together: one batch read of SLOs and rollups. */
const CHUNK = 100;
/** Changed entities recomputed per run of the frequent refresh. */
const MAX_CHANGED_PER_RUN = 500;
const REF_FIELDS = ['kind', 'metadata.name', 'metadata.namespace'];
const SYSTEM_FIELDS = [...REF_FIELDS, 'spec.domain'];

export type HealthServiceOptions = {
  store: HealthStore;
  /** Durable marks of entities whose rows are out of date. */
  changes: ChangedEntitiesStore;
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  evaluations: EvaluationService;
  fieldRoles: FieldRoleService;
  rollups: RollupStore;
  logger: LoggerService;
  /** Lower-cased kinds that get a health row, e.g. component and api. */
  kinds: string[];
  /**
   * Where the alert state of each evaluated SLO is kept: the refreshes run
   * once across replicas, and record a transition when a state changes.
   */
  alerts?: AlertStore;
};

/**
 * Catalog-wide health: keeps one precomputed row per entity (a full
 * refresh on a schedule, and a refresh of the entities whose signals, SLOs
 * or field roles changed), and answers which rows a caller may see.
 */
export class HealthService {
  private cache?: { version: number; rows: EntityHealth[] };
  private loading?: Promise<EntityHealth[]>;
  /** Refreshes run one at a time, so a slow one never races a newer one. */
  private refreshing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: HealthServiceOptions) {}

  get kinds(): string[] {
    return this.options.kinds;
  }

  /**
   * Marks entities whose rows are out of date (SLOs, field roles, repaired
   * rollups); ingestion marks its entities in its own transaction.
   */
  async markChanged(entityRefs: Iterable<string>): Promise<void> {
    await this.options.changes.mark(entityRefs);
  }

  /** Recomputes the row of every entity of the configured kinds. */
  async refreshAll(now: Date = new Date()): Promise<number> {
    return this.exclusive(async () => {
      const { catalog, auth, store, changes } = this.options;
      const credentials = await auth.getOwnServiceCredentials();
      // Whatever was marked changed until now is covered by this refresh:
      // those changes are committed, so the reads below see them.
      const covered = await changes.oldest();
      const systemDomains = await this.systemDomains(credentials);
      const rows: EntityHealth[] = [];
      let chunk: Entity[] = [];
      for await (const page of catalog.streamEntities(
        { filter: { kind: this.kinds } },
        { credentials },
      )) {
        for (const entity of page) {
          chunk.push(entity);
          if (chunk.length === CHUNK) {
            rows.push(...(await this.compute(chunk, systemDomains, now)));
            chunk = [];
          }
        }
      }
      rows.push(...(await this.compute(chunk, systemDomains, now)));
      await store.write(rows, { removeOthers: true });
      await changes.clear(covered);
      return rows.length;
    });
  }

  /**
   * Recomputes the rows of entities marked changed, at most 500 a run;
   * answers how many.
   */
  async refreshChanged(now: Date = new Date()): Promise<number> {
    return this.exclusive(async () => {
      // A bulk backfill touches every entity: do a bounded share per run
      // and leave the rest for the next ones (or the full refresh).
      const { catalog, auth, store, changes } = this.options;
      const marks = await changes.oldest(MAX_CHANGED_PER_RUN);
      if (marks.length === 0) return 0;
      const refs = marks.map(m => m.entityRef);
      const credentials = await auth.getOwnServiceCredentials();
      const present: Entity[] = [];
      const gone: string[] = [];
      for (let i = 0; i < refs.length; i += CHUNK) {
        const slice = refs.slice(i, i + CHUNK);
        const { items } = await catalog.getEntitiesByRefs(
          { entityRefs: slice },
          { credentials },
        );
        items.forEach((entity, j) => {
          if (!entity) gone.push(slice[j]);
          else if (this.kinds.includes(entity.kind.toLocaleLowerCase('en-US')))
            present.push(entity);
        });
      }
      const systemDomains = await this.systemDomains(
        credentials,
        present.map(systemOf).filter((ref): ref is string => !!ref),
      );
      const rows: EntityHealth[] = [];
      for (let i = 0; i < present.length; i += CHUNK) {
        rows.push(
          ...(await this.compute(
            present.slice(i, i + CHUNK),
            systemDomains,
            now,
          )),
        );
      }
      await store.write(rows, { remove: gone });
      await changes.clear(marks);
      return rows.length + gone.length;
    });
  }

  /** Every row, reloaded only when the stored version changed. */
  async rows(): Promise<EntityHealth[]> {
    const version = await this.options.store.version();
    if (this.cache?.version === version) return this.cache.rows;
    if (!this.loading) {
      this.loading = this.options.store
        .readAll()
        .then(loaded => {
          this.cache = loaded;
          return loaded.rows;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }

  /**
   * The rows of entities the caller may see in the catalog. When the policy
   * allows reading every entity, that is all of them; when it decides per
   * entity, the catalog is asked which ones, on the caller's behalf.
   */
  async visibleRows(
    credentials: BackstageCredentials,
  ): Promise<EntityHealth[]> {
    const { permissions, catalog } = this.options;
    const [rows, [decision]] = await Promise.all([
      this.rows(),
      permissions.authorizeConditional(
        [{ permission: catalogEntityReadPermission }],
        { credentials },
      ),
    ]);
    if (decision.result === AuthorizeResult.ALLOW) return rows;
    if (decision.result === AuthorizeResult.DENY) return [];
    const visible = new Set<string>();
    for await (const page of catalog.streamEntities(
      { filter: { kind: this.kinds }, fields: REF_FIELDS },
      { credentials },
    )) {
      for (const entity of page) visible.add(entityRefOf(entity));
    }
    return rows.filter(row => visible.has(row.entityRef));
  }

  /**
   * Holder refs of a filter, with `me` expanded to the caller and the
   * groups they belong to.
   */
  async holderRefs(
    holders: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const refs = holders.filter(h => h !== 'me');
    if (refs.length < holders.length) {
      if (!this.options.auth.isPrincipal(credentials, 'user')) {
        throw new InputError('holder=me needs a signed-in user');
      }
      const info = await this.options.userInfo.getUserInfo(credentials);
      refs.push(...info.ownershipEntityRefs);
    }
    return [...new Set(refs.map(ref => ref.toLocaleLowerCase('en-US')))];
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.refreshing.then(task, task);
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  /**
   * The domain of each system, by system ref: of every system, or of the
   * given ones only (a few changed entities need not read them all).
   */
  private async systemDomains(
    credentials: BackstageCredentials,
    systemRefs?: string[],
  ): Promise<Map<string, string>> {
    const { catalog } = this.options;
    const domains = new Map<string, string>();
    const add = (systems: Array<Entity | undefined>) => {
      for (const system of systems) {
        const domain = system && domainOf(system);
        if (domain) domains.set(entityRefOf(system), domain);
      }
    };
    if (!systemRefs) {
      for await (const page of catalog.streamEntities(
        { filter: { kind: 'system' }, fields: SYSTEM_FIELDS },
        { credentials },
      )) {
        add(page);
      }
      return domains;
    }
    const refs = [...new Set(systemRefs)];
    for (let i = 0; i < refs.length; i += CHUNK) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + CHUNK), fields: SYSTEM_FIELDS },
        { credentials },
      );
      add(items);
    }
    return domains;
  }

  private async compute(
    entities: Entity[],
    systemDomains: Map<string, string>,
    now: Date,
  ): Promise<EntityHealth[]> {
    if (entities.length === 0) return [];
    const { evaluations, fieldRoles, rollups } = this.options;
    const refs = entities.map(entityRefOf);
    const today = dayKey(now);
    const hashes = [hashQuery(SUPPORT_CASES), hashQuery(INCIDENTS)];
    const lastWeekFrom = addDays(today, -6);
    const [evaluated, roles, series] = await Promise.all([
      evaluations.evaluateMany(entities, now),
      fieldRoles.forEntities(entities),
      // Two weeks of daily counts, split into this week and the one before.
      rollups.readSeriesMany(refs, hashes, addDays(today, -13), today),
    ]);
    await this.options.alerts?.record(alertsOf(evaluated));
    const weekOverWeek = (ref: string, hash: string): WeekOverWeek => {
      const counts = { last7d: 0, previous7d: 0 };
      for (const [day, { count }] of series.get(ref)?.get(hash) ?? []) {
        counts[day >= lastWeekFrom ? 'last7d' : 'previous7d'] += count;
      }
      return counts;
    };
    return entities.map((entity, i) =>
      entityHealth({
        entity,
        evaluation: evaluated[i],
        fieldRoles: roles[i],
        supportCases: weekOverWeek(refs[i], hashes[0]),
        incidents: weekOverWeek(refs[i], hashes[1]),
        systemDomains,
      }),
    );
  }
}

/** The domain of a system, full and lower-cased. */
function domainOf(system: Entity): string | undefined {
  return specRef(
    system.spec?.domain,
    'domain',
    system.metadata.namespace ?? 'default',
  );
}
