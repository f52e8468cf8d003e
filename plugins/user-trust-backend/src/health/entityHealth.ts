import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  EntityHealth,
  EntityTrustEvaluation,
  FieldRoleAssignment,
  emptyStatusCounts,
  toStoredEntityRef,
  WeekOverWeek,
} from '@user-trust/plugin-user-trust-common';

/** What the health row of one entity is computed from. */
export type EntityHealthInput = {
  entity: Entity;
  evaluation: EntityTrustEvaluation;
  fieldRoles: { assignments: FieldRoleAssignment[]; missingRequired: string[] };
  supportCases: WeekOverWeek;
  incidents: WeekOverWeek;
  /** Domain of each system, by full lower-cased system ref. */
  systemDomains: Map<string, string>;
};

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** A ref from a spec field, full and lower-cased; undefined when unusable. */
export function specRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return toStoredEntityRef(value, { defaultKind, defaultNamespace });
  } catch {
    return undefined;
  }
}

/** The system an entity belongs to (`spec.system`), full and lower-cased. */
export function systemOf(entity: Entity): string | undefined {
  return specRef(
    entity.spec?.system,
    'system',
    entity.metadata.namespace ?? 'default',
  );
}

function ownerOf(entity: Entity, namespace: string): string | undefined {
  // The catalog's relation is normalised already; spec.owner is the fallback
  // for entities read without relations.
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) return lower(relation.targetRef);
  return specRef(entity.spec?.owner, 'group', namespace);
}

/** The health row of one entity. */
export function entityHealth(input: EntityHealthInput): EntityHealth {
  const { entity, evaluation, fieldRoles } = input;
  const namespace = entity.metadata.namespace ?? 'default';
  const kind = lower(entity.kind);
  const spec = entity.spec ?? {};
  const system =
    kind === 'system' ? toStoredEntityRef(entity) : systemOf(entity);
  const domain =
    kind === 'system'
      ? specRef(spec.domain, 'domain', namespace)
      : (system && input.systemDomains.get(system)) ??
        specRef(spec.domain, 'domain', namespace);

  const sloCounts = emptyStatusCounts();
  let worstBudget: number | null = null;
  let fastestBurn: EntityHealth['fastestBurn'] = null;
  for (const slo of evaluation.slos) {
    sloCounts[slo.status] += 1;
    if (
      slo.errorBudgetRemaining !== null &&
      (worstBudget === null || slo.errorBudgetRemaining < worstBudget)
    ) {
      worstBudget = slo.errorBudgetRemaining;
    }
    for (const burn of slo.burnRates) {
      if (
        burn.rate !== null &&
        (fastestBurn === null || burn.rate > fastestBurn.rate)
      ) {
        fastestBurn = {
          rate: burn.rate,
          window: burn.window,
          slo: slo.displayName ?? slo.name,
        };
      }
    }
  }

  const optional = (key: string, value: unknown) =>
    typeof value === 'string' && value !== '' ? { [key]: value } : {};
  return {
    entityRef: toStoredEntityRef(entity),
    kind,
    namespace: lower(namespace),
    name: lower(entity.metadata.name),
    ...optional('title', entity.metadata.title),
    ...optional('type', typeof spec.type === 'string' ? lower(spec.type) : ''),
    ...optional(
      'lifecycle',
      typeof spec.lifecycle === 'string' ? lower(spec.lifecycle) : '',
    ),
    ...optional('owner', ownerOf(entity, namespace)),
    ...optional('system', system),
    ...optional('domain', domain),
    score: evaluation.score,
    status: evaluation.status,
    sloCounts,
    worstBudget,
    fastestBurn,
    dissonance: evaluation.dissonance.length > 0,
    supportCases: input.supportCases,
    incidents: input.incidents,
    missingRoles: fieldRoles.missingRequired,
    fieldRoles: fieldRoles.assignments.map(a => ({
      role: a.role,
      holderRef: a.holderRef,
    })),
    evaluatedAt: evaluation.evaluatedAt,
  };
}
