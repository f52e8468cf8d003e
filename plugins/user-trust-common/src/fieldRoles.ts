/**
 * Field roles: the people at the edge of a service (TAM, CSM, DevRel,
 * support lead), registered per catalog entity next to the owning team.
 */

import { EntityFilter } from './entityFilter';

/** Which entities must have a role; all given conditions must hold. @public */
export type FieldRoleRequirement = EntityFilter;

/** A role type from `userTrust.fieldRoles`. @public */
export type FieldRoleType = {
  /** Lower-case id, e.g. `tam`. */
  id: string;
  title: string;
  description?: string;
  /** The role is required for entities matching any of these. */
  requiredFor: FieldRoleRequirement[];
};

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
export type FieldRoleSource = 'registry' | 'catalog';

/** A person or group holding a field role for an entity. @public */
export type FieldRoleAssignment = {
  /** Full, lower-cased entity ref. */
  entityRef: string;
  role: string;
  /** `user:default/rachel.kim` or `group:default/customer-success`. */
  holderRef: string;
  /** Customer accounts the holder covers for this entity; empty: all. */
  accounts: string[];
  note?: string;
  /** Since when the holder has the role (ISO date or date-time). */
  since: string;
  /** `catalog`: seeded from an entity annotation, read-only. */
  source: FieldRoleSource;
  /** Principal who registered it (registry only). */
  registeredBy?: string;
  registeredAt?: string;
};

/**
 * Answer of `GET /api/user-trust/entities/{kind}/{namespace}/{name}/field-roles`.
 *
 * @public
 */
export type EntityFieldRoles = {
  entityRef: string;
  /** Every configured role type. */
  roles: FieldRoleType[];
  /** Effective assignments: the registry overrides catalog seeds per role. */
  assignments: FieldRoleAssignment[];
  /** Ids of required roles without any holder: a blind spot. */
  missingRequired: string[];
};

/** Body of `PUT .../field-roles/{role}`: replaces the role's holders. @public */
export type PutFieldRoleRequest = {
  holders: Array<{
    ref: string;
    accounts?: string[];
    note?: string;
    since?: string;
  }>;
};

/** One entry of the audit log. @public */
export type FieldRoleAuditEntry = {
  id: number;
  at: string;
  /** Principal who made the change. */
  actor: string;
  entityRef: string;
  role: string;
  action: 'set' | 'remove' | 'import';
  /** Holders of the role before and after the change. */
  before: FieldRoleAssignment[];
  after: FieldRoleAssignment[];
};

/** A row of a bulk import (JSON rows, or CSV with these column names). @public */
export type FieldRoleImportRow = {
  entityRef: string;
  role: string;
  holderRef: string;
  /** In CSV: separated by `;`. */
  accounts?: string[];
  note?: string;
  since?: string;
};

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
export type FieldRoleImportResult = {
  dryRun: boolean;
  /** True when nothing was written because of errors (or dry run). */
  applied: boolean;
  changes: Array<{
    /** 1-based row (CSV: data line, header not counted). */
    row: number;
    entityRef: string;
    role: string;
    holderRef: string;
    change: 'create' | 'update' | 'unchanged';
  }>;
  errors: Array<{ row: number; message: string }>;
};

/** Answer of `GET /api/user-trust/field-roles/coverage`. @public */
export type FieldRoleCoverage = {
  /** Entities missing a required role, most exposed first. */
  blindSpots: Array<{
    entityRef: string;
    title?: string;
    missingRoles: string[];
    /** Support cases and incidents of the last 28 days. */
    recentSupportCases: number;
    recentIncidents: number;
    /** Sort weight: recentSupportCases + 5 × recentIncidents, + 1. */
    weight: number;
  }>;
  /** Per holder, what they cover (a TAM's portfolio). */
  holders: Array<{
    holderRef: string;
    assignments: Array<{ entityRef: string; role: string; accounts: string[] }>;
  }>;
};
