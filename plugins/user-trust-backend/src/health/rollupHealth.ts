import {
  EntityHealth,
  emptyStatusCounts,
  HealthRollup,
  HealthRollupDimension,
} from '@user-trust/plugin-user-trust-common';

const KEY: Record<HealthRollupDimension, (row: EntityHealth) => string | null> =
  {
    group: row => row.owner ?? null,
    system: row => row.system ?? null,
    domain: row => row.domain ?? null,
  };

/**
 * The rows summed up per owner group, system or domain: worst first (most
 * breached, then lowest mean score); entities without one form a group of
 * their own (key null), listed last.
 */
export function rollupHealth(
  rows: EntityHealth[],
  by: HealthRollupDimension,
): HealthRollup[] {
  const groups = new Map<
    string | null,
    HealthRollup & { scoreSum: number; scored: number }
  >();
  for (const row of rows) {
    const key = KEY[by](row);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        entities: 0,
        meanScore: null,
        statusCounts: emptyStatusCounts(),
        blindSpots: 0,
        dissonant: 0,
        supportCases: { last7d: 0, previous7d: 0 },
        incidents: { last7d: 0, previous7d: 0 },
        fastestBurn: null,
        scoreSum: 0,
        scored: 0,
      };
      groups.set(key, group);
    }
    group.entities += 1;
    group.statusCounts[row.status] += 1;
    if (row.missingRoles.length > 0) group.blindSpots += 1;
    if (row.dissonance) group.dissonant += 1;
    group.supportCases.last7d += row.supportCases.last7d;
    group.supportCases.previous7d += row.supportCases.previous7d;
    group.incidents.last7d += row.incidents.last7d;
    group.incidents.previous7d += row.incidents.previous7d;
    if (row.score !== null) {
      group.scoreSum += row.score;
      group.scored += 1;
    }
    const burn = row.fastestBurn?.rate;
    if (burn !== undefined && (group.fastestBurn ?? -Infinity) < burn) {
      group.fastestBurn = burn;
    }
  }
  return [...groups.values()]
    .map(({ scoreSum, scored, ...group }) => ({
      ...group,
      meanScore: scored > 0 ? scoreSum / scored : null,
    }))
    .sort(
      (a, b) =>
        Number(a.key === null) - Number(b.key === null) ||
        b.statusCounts.breached - a.statusCounts.breached ||
        (a.meanScore ?? Infinity) - (b.meanScore ?? Infinity) ||
        String(a.key).localeCompare(String(b.key)),
    );
}
