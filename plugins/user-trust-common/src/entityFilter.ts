/**
 * Which entities a rule applies to, by kind, `spec.type`, `spec.lifecycle`
 * and tier label. Used by the SLO default rules (`userTrust.slos.defaults[].filter`)
 * and by the field roles' `requiredFor`.
 */

/**
 * A filter on catalog entities: every condition given must hold; a
 * condition holds when the entity's value is one of its values (compared
 * case-insensitively). An absent condition holds for every entity; an empty
 * list for none.
 *
 * @public
 */
export type EntityFilter = {
  kind?: string[];
  type?: string[];
  lifecycle?: string[];
  /** Values of the tier label (`userTrust.slos.tierLabel`). */
  tier?: string[];
};

/** The conditions of an {@link EntityFilter}. @public */
export const ENTITY_FILTER_CONDITIONS = [
  'kind',
  'type',
  'lifecycle',
  'tier',
] as const;

/** What {@link matchesEntityFilter} reads of an entity. @public */
export type EntityFilterSubject = {
  kind: string;
  metadata: { labels?: Record<string, string> };
  spec?: object;
};

const lower = (value: string) => value.toLocaleLowerCase('en-US');

function holds(value: unknown, allowed: string[] | undefined): boolean {
  if (!allowed) return true;
  if (typeof value !== 'string' || value === '') return false;
  const wanted = lower(value);
  return allowed.some(v => lower(v) === wanted);
}

/**
 * The condition values of a configured filter: one string or a list,
 * lower-cased.
 *
 * @public
 */
export function entityFilterValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(v => lower(String(v)));
}

/**
 * Whether an entity matches a filter. The tier is the value of the entity's
 * label `options.tierLabel`; without a tier label (the frontend does not know
 * it) the tier condition is not checked.
 *
 * @public
 */
export function matchesEntityFilter(
  filter: EntityFilter,
  entity: EntityFilterSubject,
  options?: { tierLabel?: string },
): boolean {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const tierLabel = options?.tierLabel;
  return (
    holds(entity.kind, filter.kind) &&
    holds(spec.type, filter.type) &&
    holds(spec.lifecycle, filter.lifecycle) &&
    (tierLabel === undefined ||
      holds(entity.metadata.labels?.[tierLabel], filter.tier))
  );
}
