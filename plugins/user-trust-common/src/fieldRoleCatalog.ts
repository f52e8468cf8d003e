import { tryStoredEntityRef } from './entityRefs';
import { FieldRoleAssignment, FieldRoleType } from './fieldRoles';

/**
 * Entity annotation seeding a field role, for GitOps users:
 * `user-trust.io/field-role-tam: user:default/rachel.kim, group:default/csm`.
 * Short refs (`rachel.kim`) mean users in the default namespace.
 *
 * @public
 */
export const FIELD_ROLE_ANNOTATION_PREFIX = 'user-trust.io/field-role-';

/** @public */
export function fieldRoleAnnotation(roleId: string): string {
  return `${FIELD_ROLE_ANNOTATION_PREFIX}${roleId}`;
}

/** Holder refs of annotations: short refs are users; malformed ones kept, lower-cased. */
function normalizeHolderRef(ref: string): string {
  return (
    tryStoredEntityRef(ref, { defaultKind: 'user' }) ??
    ref.trim().toLocaleLowerCase('en-US')
  );
}

/**
 * The read-only assignments an entity's annotations seed, for the
 * configured role types (annotations of unknown roles are ignored).
 *
 * @public
 */
export function fieldRoleSeedsFromAnnotations(
  entityRef: string,
  annotations: Record<string, string> | undefined,
  roles: FieldRoleType[],
): FieldRoleAssignment[] {
  const seeds: FieldRoleAssignment[] = [];
  for (const role of roles) {
    const value = annotations?.[fieldRoleAnnotation(role.id)];
    if (!value) continue;
    for (const ref of value.split(',').filter(r => r.trim())) {
      seeds.push({
        entityRef,
        role: role.id,
        holderRef: normalizeHolderRef(ref),
        accounts: [],
        since: '',
        source: 'catalog',
      });
    }
  }
  return seeds;
}

/**
 * The registry overrides catalog seeds role by role: a role with any
 * registry holder shows only those.
 *
 * @public
 */
export function effectiveFieldRoles(
  seeds: FieldRoleAssignment[],
  registry: FieldRoleAssignment[],
): FieldRoleAssignment[] {
  const registered = new Set(registry.map(a => a.role));
  return [...registry, ...seeds.filter(s => !registered.has(s.role))];
}

function pascal(id: string): string {
  return id
    .split(/[-_]/)
    .filter(Boolean)
    .map(part => part[0].toLocaleUpperCase('en-US') + part.slice(1))
    .join('');
}

/**
 * The catalog relation pair of a role type, prefixed so as not to collide
 * with Backstage's own: for `tam`, holder `userTrustTamOf` entity and entity
 * `userTrustHasTam` holder.
 *
 * @public
 */
export function fieldRoleRelationTypes(roleId: string): {
  holderToEntity: string;
  entityToHolder: string;
} {
  return {
    holderToEntity: `userTrust${pascal(roleId)}Of`,
    entityToHolder: `userTrustHas${pascal(roleId)}`,
  };
}
