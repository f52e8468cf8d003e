import { SignalInput } from '@user-trust/plugin-user-trust-common';
import { PrometheusSliQuery } from './sliQueries';

/** The `source` of the signals, also the connector id. @public */
export const PROMETHEUS_SOURCE = 'prometheus';

/** One UTC day's SLI of an entity. @public */
export type DailySli = {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** good / total (or the ratio), clamped to 0..1. */
  ratio: number;
  good?: number;
  total?: number;
};

const DAY_SECONDS = 86_400;

/** `YYYY-MM-DD` of a Unix time in seconds. */
export function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Finite number of a sample value (`"NaN"`, `"+Inf"` are not). */
function sampleValue(value: string): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Values by UTC day from the series of a `matrix` evaluated at the end of
 * each day: the sample at `t` belongs to the day ending at `t` (the day
 * starting at `t - 1d`). Several series are added up.
 */
export function valuesByDay(
  series: ReadonlyArray<{ values: ReadonlyArray<[number, string]> }>,
): Map<string, number> {
  const days = new Map<string, number>();
  for (const s of series) {
    for (const [t, v] of s.values) {
      const value = sampleValue(v);
      if (value === undefined) continue;
      const day = utcDay(Math.round(t) - DAY_SECONDS);
      days.set(day, (days.get(day) ?? 0) + value);
    }
  }
  return days;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/**
 * Daily SLIs from good and total by day: days without a total, or with a
 * total of 0 (no traffic), have no SLI; a missing good on a day with
 * traffic counts 0 good.
 *
 * @public
 */
export function dailyGoodTotal(
  good: Map<string, number>,
  total: Map<string, number>,
): DailySli[] {
  const out: DailySli[] = [];
  for (const [day, t] of [...total].sort(([a], [b]) => a.localeCompare(b))) {
    if (!(t > 0)) continue;
    const g = good.get(day) ?? 0;
    out.push({ day, ratio: clamp(g / t), good: g, total: t });
  }
  return out;
}

/** Daily SLIs from a ratio by day. @public */
export function dailyRatio(ratio: Map<string, number>): DailySli[] {
  return [...ratio]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, r]) => ({ day, ratio: clamp(r) }));
}

/**
 * The `sli_report` signal of one entity and UTC day; its `externalId`
 * (`<entityRef>:<YYYY-MM-DD>`) is stable, so reading a day again updates it.
 *
 * @public
 */
export function sliSignal(
  entityRef: string,
  query: PrometheusSliQuery,
  sli: DailySli,
): SignalInput {
  const attributes: Record<string, string | number> =
    query.type === 'ratio'
      ? { ratioQuery: query.ratio.slice(0, 1024) }
      : {
          goodQuery: query.good.slice(0, 1024),
          totalQuery: query.total.slice(0, 1024),
        };
  if (sli.good !== undefined) attributes.good = sli.good;
  if (sli.total !== undefined) attributes.total = sli.total;
  return {
    source: PROMETHEUS_SOURCE,
    externalId: `${entityRef}:${sli.day}`,
    kind: 'sli_report',
    entityRef,
    occurredAt: `${sli.day}T00:00:00.000Z`,
    value: sli.ratio,
    attributes,
  };
}
