/** Annotation with a PromQL expression counting the good events of a UTC day. @public */
export const PROMETHEUS_SLI_GOOD_ANNOTATION = 'prometheus.io/sli-good';
/** Annotation with a PromQL expression counting all events of a UTC day. @public */
export const PROMETHEUS_SLI_TOTAL_ANNOTATION = 'prometheus.io/sli-total';
/** Annotation with a PromQL expression (e.g. a recording rule) that already is the day's ratio. @public */
export const PROMETHEUS_SLI_RATIO_ANNOTATION = 'prometheus.io/sli-ratio';

/**
 * The SLI of one entity: a good/total pair of counters or one ratio
 * expression. Each is evaluated at the end of a UTC day, so it should
 * cover the day before, e.g. `sum(increase(x[1d]))`.
 *
 * @public
 */
export type PrometheusSliQuery =
  | { type: 'goodTotal'; good: string; total: string }
  | { type: 'ratio'; ratio: string };

/**
 * The SLI query of an entity's annotations; undefined when it has none.
 * Throws when only one of good and total is set, or both a pair and a
 * ratio are.
 *
 * @public
 */
export function sliQueryFromAnnotations(
  annotations: Record<string, string> | undefined,
): PrometheusSliQuery | undefined {
  const good = annotations?.[PROMETHEUS_SLI_GOOD_ANNOTATION]?.trim();
  const total = annotations?.[PROMETHEUS_SLI_TOTAL_ANNOTATION]?.trim();
  const ratio = annotations?.[PROMETHEUS_SLI_RATIO_ANNOTATION]?.trim();
  return sliQueryOf({ good, total, ratio }, 'annotations');
}

/**
 * A query from its parts (annotations or config), checked.
 *
 * @public
 */
export function sliQueryOf(
  parts: { good?: string; total?: string; ratio?: string },
  where: string,
): PrometheusSliQuery | undefined {
  const { good, total, ratio } = parts;
  if (!good && !total && !ratio) return undefined;
  if (ratio && (good || total)) {
    throw new Error(`${where}: set either a ratio or good and total, not both`);
  }
  if (ratio) return { type: 'ratio', ratio };
  if (!good || !total) {
    throw new Error(
      `${where}: good and total go together (${
        good ? 'total' : 'good'
      } is missing)`,
    );
  }
  return { type: 'goodTotal', good, total };
}
