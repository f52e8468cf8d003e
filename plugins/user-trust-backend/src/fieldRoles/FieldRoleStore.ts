import { Knex } from 'knex';
import {
  FieldRoleAssignment,
  FieldRoleAuditEntry,
} from '@user-trust/plugin-user-trust-common';
import { toDate } from '../database/dates';
import { lockForTransaction } from '../database/locks';

const ROLES = 'user_trust_field_roles';
const AUDIT = 'user_trust_field_role_audit';
/** Entity refs per `IN (...)` list: far below every engine's bind limit. */
const CHUNK_SIZE = 500;

type RoleRow = {
  entity_ref: string;
  role: string;
  holder_ref: string;
  accounts: string;
  note: string | null;
  since: string;
  registered_by: string;
  registered_at: Date | string | number;
};

type AuditRow = {
  id: number | string;
  at: Date | string | number;
  actor: string;
  entity_ref: string;
  role: string;
  action: string;
  before: string;
  after: string;
};

/**
 * What a write asks for one holder. Fields left out keep their stored value
 * where the operation says so (import), or take their default (PUT).
 */
export type HolderInput = {
  /** Full, lower-cased ref of a User or Group. */
  holderRef: string;
  accounts?: string[];
  note?: string;
  since?: string;
};

/** An addition of one holder to one role of one entity (bulk import). */
export type HolderAddition = {
  entityRef: string;
  role: string;
  holder: HolderInput;
};

export type AssignmentChange = 'create' | 'update' | 'unchanged';

/** The holders of one role before and after a write. */
export type RoleChange = {
  entityRef: string;
  role: string;
  before: FieldRoleAssignment[];
  after: FieldRoleAssignment[];
};

export type AssignmentFilter = {
  entityRef?: string;
  role?: string;
  holderRef?: string;
  /** Leave out these entities (those the caller may not see). */
  excludeEntityRefs?: string[];
};

export type Page = { limit: number; offset: number };

function toAssignment(row: RoleRow): FieldRoleAssignment {
  return {
    entityRef: row.entity_ref,
    role: row.role,
    holderRef: row.holder_ref,
    accounts: JSON.parse(row.accounts),
    ...(row.note !== null ? { note: row.note } : {}),
    since: row.since,
    source: 'registry',
    registeredBy: row.registered_by,
    registeredAt: toDate(row.registered_at).toISOString(),
  };
}

function toRow(assignment: FieldRoleAssignment): RoleRow {
  return {
    entity_ref: assignment.entityRef,
    role: assignment.role,
    holder_ref: assignment.holderRef,
    accounts: JSON.stringify(assignment.accounts),
    note: assignment.note ?? null,
    since: assignment.since,
    registered_by: assignment.registeredBy ?? '',
    registered_at: new Date(assignment.registeredAt ?? Date.now()),
  };
}

/** Equal content: who, which accounts, note and since (not who wrote it). */
function sameContent(a: FieldRoleAssignment, b: FieldRoleAssignment): boolean {
  return (
    a.holderRef === b.holderRef &&
    JSON.stringify(a.accounts) === JSON.stringify(b.accounts) &&
    (a.note ?? null) === (b.note ?? null) &&
    a.since === b.since
  );
}

function sameHolders(
  before: FieldRoleAssignment[],
  after: FieldRoleAssignment[],
): boolean {
  return (
    before.length === after.length &&
    before.every((assignment, i) => sameContent(assignment, after[i]))
  );
}

const byHolder = (a: FieldRoleAssignment, b: FieldRoleAssignment) =>
  a.holderRef < b.holderRef ? -1 : Number(a.holderRef > b.holderRef);

function chunks<T>(items: T[], size = CHUNK_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/**
 * The field-role registry: holders of roles per entity, with the audit log
 * of every change, written in the same transaction as the change.
 */
export class FieldRoleStore {
  constructor(private readonly db: Knex) {}

  /** Registry assignments of one entity, by role then holder. */
  async forEntity(entityRef: string): Promise<FieldRoleAssignment[]> {
    const rows = await this.db<RoleRow>(ROLES)
      .where('entity_ref', entityRef)
      .orderBy(['role', 'holder_ref']);
    return rows.map(toAssignment);
  }

  /** Registry assignments of many entities (optionally of one role). */
  async forEntities(
    entityRefs: string[],
    options: { role?: string } = {},
  ): Promise<FieldRoleAssignment[]> {
    const result: FieldRoleAssignment[] = [];
    for (const chunk of chunks([...new Set(entityRefs)])) {
      const query = this.db<RoleRow>(ROLES).whereIn('entity_ref', chunk);
      if (options.role) query.where('role', options.role);
      result.push(...(await query).map(toAssignment));
    }
    return result;
  }

  /** The entities that have registry assignments matching the filter. */
  async entityRefs(filter: AssignmentFilter = {}): Promise<string[]> {
    const rows = await this.filtered(filter).distinct('entity_ref');
    return rows.map(row => row.entity_ref as string);
  }

  /** A page of registry assignments, by entity, role and holder. */
  async list(
    filter: AssignmentFilter,
    page: Page,
  ): Promise<{ items: FieldRoleAssignment[]; totalCount: number }> {
    const [{ count }] = await this.filtered(filter).count({ count: '*' });
    const rows = await this.filtered(filter)
      .select<RoleRow[]>('*')
      .orderBy(['entity_ref', 'role', 'holder_ref'])
      .limit(page.limit)
      .offset(page.offset);
    return { items: rows.map(toAssignment), totalCount: Number(count) };
  }

  /**
   * Replaces the holders of a role (PUT). Accounts and note are what is
   * given; `since` is kept for holders that stay unless given, and is now
   * for new ones. Holders whose content does not change keep who
   * registered them and when. Writes an audit entry only on a change.
   */
  async replaceHolders(
    entityRef: string,
    role: string,
    holders: HolderInput[],
    actor: string,
  ): Promise<RoleChange & { changed: boolean }> {
    return this.db.transaction(async tx => {
      await this.lock(tx);
      const now = new Date();
      const before = await this.holdersOf(tx, entityRef, role);
      const existing = new Map(before.map(a => [a.holderRef, a]));
      const after = holders
        .map(holder =>
          this.merged(
            entityRef,
            role,
            existing.get(holder.holderRef),
            {
              accounts: [],
              note: undefined,
              ...holder,
            },
            actor,
            now,
          ),
        )
        .sort(byHolder);
      if (sameHolders(before, after)) {
        return { entityRef, role, before, after: before, changed: false };
      }
      await this.write(
        tx,
        { entityRef, role, before, after },
        actor,
        'set',
        now,
      );
      return { entityRef, role, before, after, changed: true };
    });
  }

  /** Removes one holder of a role; false when it is not registered. */
  async removeHolder(
    entityRef: string,
    role: string,
    holderRef: string,
    actor: string,
  ): Promise<RoleChange | undefined> {
    return this.db.transaction(async tx => {
      await this.lock(tx);
      const before = await this.holdersOf(tx, entityRef, role);
      if (!before.some(a => a.holderRef === holderRef)) return undefined;
      const change = {
        entityRef,
        role,
        before,
        after: before.filter(a => a.holderRef !== holderRef),
      };
      await this.write(tx, change, actor, 'remove', new Date());
      return change;
    });
  }

  /**
   * Adds holders to roles (bulk import), in one transaction: other holders
   * stay, fields left out of an addition keep their stored value. Answers
   * what each addition changes, in order, and the changed roles (one audit
   * entry, action `import`, each). A dry run writes nothing.
   */
  async addHolders(
    additions: HolderAddition[],
    actor: string,
    options: { dryRun: boolean },
  ): Promise<{ changes: AssignmentChange[]; roles: RoleChange[] }> {
    return this.db.transaction(async tx => {
      if (!options.dryRun) await this.lock(tx);
      const now = new Date();
      const groups = new Map<
        string,
        { entityRef: string; role: string; additions: number[] }
      >();
      for (const [index, { entityRef, role }] of additions.entries()) {
        const key = JSON.stringify([entityRef, role]);
        const group = groups.get(key) ?? { entityRef, role, additions: [] };
        group.additions.push(index);
        groups.set(key, group);
      }

      const changes: AssignmentChange[] = additions.map(() => 'unchanged');
      const roles: RoleChange[] = [];
      for (const { entityRef, role, additions: indices } of groups.values()) {
        const before = await this.holdersOf(tx, entityRef, role);
        const byRef = new Map(before.map(a => [a.holderRef, a]));
        for (const index of indices) {
          const { holder } = additions[index];
          const current = byRef.get(holder.holderRef);
          const next = this.merged(
            entityRef,
            role,
            current,
            holder,
            actor,
            now,
          );
          if (!current) {
            changes[index] = 'create';
          } else if (!sameContent(current, next)) {
            changes[index] = 'update';
          } else {
            continue;
          }
          byRef.set(holder.holderRef, next);
        }
        const after = [...byRef.values()].sort(byHolder);
        if (!sameHolders(before, after)) {
          roles.push({ entityRef, role, before, after });
        }
      }
      if (!options.dryRun) {
        for (const change of roles) {
          await this.write(tx, change, actor, 'import', now);
        }
      }
      return { changes, roles };
    });
  }

  /** A page of the audit log, newest first. */
  async audit(
    filter: { entityRef?: string; excludeEntityRefs?: string[] },
    page: Page,
  ): Promise<{ items: FieldRoleAuditEntry[]; totalCount: number }> {
    const query = () => {
      const q = this.db<AuditRow>(AUDIT);
      if (filter.entityRef) q.where('entity_ref', filter.entityRef);
      for (const chunk of chunks(filter.excludeEntityRefs ?? [])) {
        q.whereNotIn('entity_ref', chunk);
      }
      return q;
    };
    const [{ count }] = await query().count({ count: '*' });
    const rows = await query()
      .select<AuditRow[]>('*')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset);
    return {
      items: rows.map(row => ({
        id: Number(row.id),
        at: toDate(row.at).toISOString(),
        actor: row.actor,
        entityRef: row.entity_ref,
        role: row.role,
        action: row.action as FieldRoleAuditEntry['action'],
        before: JSON.parse(row.before),
        after: JSON.parse(row.after),
      })),
      totalCount: Number(count),
    };
  }

  /** The entities that have audit entries (optionally just one). */
  async auditEntityRefs(entityRef?: string): Promise<string[]> {
    const query = this.db<AuditRow>(AUDIT).distinct('entity_ref');
    if (entityRef) query.where('entity_ref', entityRef);
    return (await query).map(row => row.entity_ref);
  }

  private filtered(filter: AssignmentFilter) {
    const query = this.db<RoleRow>(ROLES);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.role) query.where('role', filter.role);
    if (filter.holderRef) query.where('holder_ref', filter.holderRef);
    for (const chunk of chunks(filter.excludeEntityRefs ?? [])) {
      query.whereNotIn('entity_ref', chunk);
    }
    return query;
  }

  private async lock(tx: Knex.Transaction) {
    // Registry writes are rare: one lock for all of them keeps the
    // before/after of audit entries exact across replicas.
    await lockForTransaction(tx, 'fieldRoles');
  }

  private async holdersOf(
    tx: Knex.Transaction,
    entityRef: string,
    role: string,
  ): Promise<FieldRoleAssignment[]> {
    const rows = await tx<RoleRow>(ROLES)
      .where({ entity_ref: entityRef, role })
      .orderBy('holder_ref');
    return rows.map(toAssignment);
  }

  /**
   * The assignment after a write: given fields win, then the stored ones;
   * a new holder is there since now. Who registered it changes only with
   * its content.
   */
  private merged(
    entityRef: string,
    role: string,
    current: FieldRoleAssignment | undefined,
    input: HolderInput,
    actor: string,
    now: Date,
  ): FieldRoleAssignment {
    const note = 'note' in input ? input.note : current?.note;
    const next: FieldRoleAssignment = {
      entityRef,
      role,
      holderRef: input.holderRef,
      accounts: input.accounts ?? current?.accounts ?? [],
      ...(note !== undefined ? { note } : {}),
      since: input.since ?? current?.since ?? now.toISOString(),
      source: 'registry',
      registeredBy: actor,
      registeredAt: now.toISOString(),
    };
    return current && sameContent(current, next) ? current : next;
  }

  private async write(
    tx: Knex.Transaction,
    change: RoleChange,
    actor: string,
    action: FieldRoleAuditEntry['action'],
    now: Date,
  ) {
    const { entityRef, role, before, after } = change;
    const kept = new Set(after.map(a => a.holderRef));
    const removed = before
      .filter(a => !kept.has(a.holderRef))
      .map(a => a.holderRef);
    if (removed.length > 0) {
      await tx(ROLES)
        .where({ entity_ref: entityRef, role })
        .whereIn('holder_ref', removed)
        .delete();
    }
    const previous = new Map(before.map(a => [a.holderRef, a]));
    const written = after.filter(a => previous.get(a.holderRef) !== a);
    if (written.length > 0) {
      await tx(ROLES)
        .insert(written.map(toRow))
        .onConflict(['entity_ref', 'role', 'holder_ref'])
        .merge(['accounts', 'note', 'since', 'registered_by', 'registered_at']);
    }
    await tx(AUDIT).insert({
      at: now,
      actor,
      entity_ref: entityRef,
      role,
      action,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
    });
  }
}
