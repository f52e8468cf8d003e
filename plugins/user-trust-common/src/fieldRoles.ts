import type { UserTrustApiSchemas as Schemas } from './schema';
/**
 * Field roles: the people at the edge of a service (TAM, CSM, DevRel,
 * support lead), registered per catalog entity next to the owning team.
 */

import { EntityFilter } from './entityFilter';

/** Which entities must have a role; all given conditions must hold. @public */
export type FieldRoleRequirement = EntityFilter;

/** A role type from `userTrust.fieldRoles`. @public */
export type FieldRoleType = Schemas['FieldRoleType'];

/** @public */
export const DEFAULT_FIELD_ROLES: FieldRoleType[] = [
  {
    id: 'tam',
    title: 'Technical Account Manager',
    description: 'Technical advocate of key customer accounts.',
    requiredFor: [
      { kind: ['component'], type: ['service', 'website'], tier: ['tier-1'] },
    ],
  },
  {
    id: 'csm',
    title: 'Customer Success Manager',
    description: 'Owns the customer relationship and adoption.',
    requiredFor: [
      { kind: ['component'], type: ['service', 'website'], tier: ['tier-1'] },
    ],
  },
  {
    id: 'devrel',
    title: 'Developer Relations',
    description: 'Voice of the developers who integrate with the service.',
    requiredFor: [],
  },
  {
    id: 'support',
    title: 'Support lead',
    description: 'First line for customer cases about the service.',
    requiredFor: [{ kind: ['component'], type: ['service', 'website'] }],
  },
];

/** Where an assignment comes from. @public */
export type FieldRoleSource = Schemas['FieldRoleAssignment']['source'];

/** A person or group holding a field role for an entity. @public */
export type FieldRoleAssignment = Schemas['FieldRoleAssignment'];

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/field-roles`.
 *
 * @public
 */
export type EntityFieldRoles = Schemas['EntityFieldRoles'];

/** Body of `PUT .../field-roles/{role}`: replaces the role's holders. @public */
export type PutFieldRoleRequest = Schemas['PutFieldRoleRequest'];

/** One entry of the audit log. @public */
export type FieldRoleAuditEntry = Schemas['FieldRoleAuditEntry'];

/** A row of a bulk import (JSON rows, or CSV with these column names). @public */
export type FieldRoleImportRow = Schemas['FieldRoleImportRow'];

/**
 * The columns of a field-role import CSV, in their default order (the
 * header may order them otherwise). @public
 */
export const FIELD_ROLE_IMPORT_COLUMNS = [
  'entityRef',
  'role',
  'holderRef',
  'accounts',
  'note',
  'since',
] as const;

/** Answer of `POST /api/user-trust/field-roles/import`. @public */
export type FieldRoleImportResult = Schemas['FieldRoleImportResult'];

/** Answer of `GET /api/user-trust/field-roles/coverage`. @public */
export type FieldRoleCoverage = Schemas['FieldRoleCoverage'];

/** Answer of `GET /field-roles/types`: the configured role types. @public */
export type FieldRoleTypesResponse = Schemas['FieldRoleTypesResponse'];

/** One page of registry assignments (`GET /field-roles/assignments`). @public */
export type FieldRoleAssignmentList = Schemas['FieldRoleAssignmentList'];

/** One page of the field-role audit log, newest first. @public */
export type FieldRoleAuditList = Schemas['FieldRoleAuditList'];
