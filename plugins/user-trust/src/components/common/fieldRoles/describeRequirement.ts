import { Entity } from '@backstage/catalog-model';
import {
  FieldRoleRequirement,
  FieldRoleType,
  matchesEntityFilter,
} from '@user-trust/plugin-user-trust-common';

function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * Why a role is required of an entity, in words: "tier-1 services". Uses the
 * first requirement matching the entity's kind, type and lifecycle (the tier
 * label is configured on the backend only, so it is not checked here).
 */
export function describeRequirement(
  role: FieldRoleType,
  entity: Entity,
): string {
  const type =
    typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
  const lifecycle =
    typeof entity.spec?.lifecycle === 'string'
      ? entity.spec.lifecycle
      : undefined;
  const requirement: FieldRoleRequirement | undefined = role.requiredFor.find(
    r => matchesEntityFilter(r, entity),
  );
  if (!requirement) {
    return `required for this ${entity.kind.toLocaleLowerCase('en-US')}`;
  }
  const noun = plural(
    requirement.type?.length && type
      ? type
      : entity.kind.toLocaleLowerCase('en-US'),
  );
  const words = [
    requirement.tier?.length ? requirement.tier.join(' or ') : undefined,
    requirement.lifecycle?.length && lifecycle ? lifecycle : undefined,
    noun,
  ].filter(Boolean);
  return `required for ${words.join(' ')}`;
}
