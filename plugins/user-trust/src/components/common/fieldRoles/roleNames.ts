import { FieldRoleType } from '@user-trust/plugin-user-trust-common';

/** "TAM" for short ids, the title otherwise ("Support lead"). */
export function roleShortName(role: FieldRoleType): string {
  return role.id.length <= 4 ? role.id.toLocaleUpperCase('en-US') : role.title;
}

/** The title of a role id, or the id itself for an unknown role. */
export function roleTitle(
  roles: FieldRoleType[] | undefined,
  id: string,
): string {
  return roles?.find(r => r.id === id)?.title ?? id;
}
