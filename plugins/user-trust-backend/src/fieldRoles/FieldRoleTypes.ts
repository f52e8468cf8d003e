import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_FIELD_ROLES,
  FieldRoleRequirement,
  FieldRoleType,
  matchesEntityFilter,
} from '@user-trust/plugin-user-trust-common';
import {
  entityFilterFromConfig,
  tierLabelFromConfig,
} from '../slo/entityFilterConfig';

const ROLE_ID = /^[a-z][a-z0-9-]{0,63}$/;

function readRole(role: Config, index: number): FieldRoleType {
  const id = role.getString('id');
  if (!ROLE_ID.test(id)) {
    throw new Error(
      `userTrust.fieldRoles[${index}].id: '${id}' must be lower-case letters, digits and dashes, starting with a letter`,
    );
  }
  const requiredFor: FieldRoleRequirement[] = (
    role.getOptionalConfigArray('requiredFor') ?? []
  ).map(item => entityFilterFromConfig(item));
  return {
    id,
    title: role.getString('title'),
    ...(role.has('description')
      ? { description: role.getString('description') }
      : {}),
    requiredFor,
  };
}

/**
 * The field role types of `userTrust.fieldRoles` (or the defaults of the
 * common package) and which entities require them.
 */
export class FieldRoleTypes {
  private readonly byId: Map<string, FieldRoleType>;

  constructor(
    private readonly roles: FieldRoleType[],
    private readonly tierLabel: string,
  ) {
    this.byId = new Map(roles.map(role => [role.id, role]));
  }

  static fromConfig(config: Config): FieldRoleTypes {
    const configured = config.getOptionalConfigArray('userTrust.fieldRoles');
    const roles = configured
      ? configured.map(readRole)
      : DEFAULT_FIELD_ROLES.map(role => ({
          ...role,
          requiredFor: role.requiredFor.map(r => ({ ...r })),
        }));
    const seen = new Set<string>();
    for (const [index, role] of roles.entries()) {
      if (seen.has(role.id)) {
        throw new Error(
          `userTrust.fieldRoles[${index}].id: '${role.id}' is defined twice`,
        );
      }
      seen.add(role.id);
    }
    return new FieldRoleTypes(roles, tierLabelFromConfig(config));
  }

  list(): FieldRoleType[] {
    return this.roles;
  }

  get(id: string): FieldRoleType | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return this.roles.map(role => role.id);
  }

  /** Kinds (lower-case) named by any requirement. */
  requiredKinds(): string[] {
    return [
      ...new Set(
        this.roles.flatMap(role => role.requiredFor.flatMap(r => r.kind ?? [])),
      ),
    ];
  }

  /** Ids of the roles the entity must have, in configuration order. */
  requiredRoles(entity: Entity): string[] {
    return this.roles
      .filter(role =>
        role.requiredFor.some(requirement =>
          matchesEntityFilter(requirement, entity, {
            tierLabel: this.tierLabel,
          }),
        ),
      )
      .map(role => role.id);
  }
}
