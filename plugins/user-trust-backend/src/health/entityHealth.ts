import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  ALERT_STATE_ORDER,
  EntityHealth,
  EntityTrustEvaluation,
  FieldRoleAssignment,
  emptyStatusCounts,
  toStoredEntityRef,
  WeekOverWeek,
} from '@user-trust/plugin-user-trust-common';

/**
 * The worst alert state of an entity's SLOs and the first budget to run out
 * (a spent one first); undefined when no SLO carries an alert.
 */
export function alertSummary(
  evaluation: EntityTrustEvaluation,
): EntityHealth['alert'] {
  const alerted = evaluation.slos.filter(slo => slo.alert);
  if (alerted.length === 0) return undefined;
  const rank = (slo: (typeof alerted)[number]) =>
    ALERT_STATE_ORDER.indexOf(slo.alert!.state);
  const runout = (slo: (typeof alerted)[number]) =>
    slo.alert!.forecast.spent ? '' : slo.alert!.forecast.runsOutAt;
  let worst = alerted[0];
  let first: (typeof alerted)[number] | undefined;
  for (const slo of alerted) {
    if (rank(slo) < rank(worst)) worst = slo;
    const at = runout(slo);
    if (at !== null && (first === undefined || at < runout(first)!)) {
      first = slo;
    }
  }
  const named = worst.alert!.state !== 'ok' ? worst : first;
  return {
    state: worst.alert!.state,
    slo: named ? named.displayName ?? named.name : null,
    spent: alerted.some(slo => slo.alert!.forecast.spent),
    runsOutAt:
      alerted
        .map(slo => slo.alert!.forecast.runsOutAt)
        .filter((at): at is string => at !== null)
        .sort()[0] ?? null,
  };
}

const withAlert = (alert: EntityHealth['alert']) => (alert ? { alert } : {});

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
    ...withAlert(alertSummary(evaluation)),
  };
}
