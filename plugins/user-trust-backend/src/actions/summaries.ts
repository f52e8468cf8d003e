import {
  EntityHealth,
  EntitySignalSummary,
  EntityTrustEvaluation,
  parseStoredEntityRef,
  PerceptionDissonance,
  SloEvaluation,
  SloStatus,
  TechnicalSli,
  TechnicalSliProvenance,
} from '@user-trust/plugin-user-trust-common';

/*
 * What the actions answer, in the words and units an assistant repeats:
 * percentages named as such, burn rates as multiples of the sustainable
 * rate, statuses with their meaning, entity refs to pass to the next action.
 */

/** What each status means, for an assistant to repeat. */
export const STATUS_MEANINGS: Record<SloStatus, string> = {
  healthy: 'healthy: within its error budget at a sustainable burn',
  'at-risk': 'at risk: burning its error budget faster than it can last',
  breached: 'breached: the error budget is spent',
  'no-data': 'no data: no user signals for its SLOs yet',
  'insufficient-data': 'insufficient data: too few signals to judge',
};

/** A ratio (0.995) as a percentage rounded to 2 decimals (99.5). */
export function percent(ratio: number): number;
export function percent(ratio: number | null): number | null;
export function percent(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(ratio * 10000) / 100;
}

/** A burn rate rounded to 2 decimals. */
export function rate(value: number): number;
export function rate(value: number | null): number | null;
export function rate(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

const percentText = (ratio: number) => `${percent(ratio)}%`;

/** Where the portal shows an entity: its User trust tab for components. */
export function entityUrl(
  appBaseUrl: string | undefined,
  entityRef: string,
): string | undefined {
  if (!appBaseUrl) return undefined;
  const { kind, namespace, name } = parseStoredEntityRef(entityRef);
  const page = `${appBaseUrl.replace(
    /\/+$/,
    '',
  )}/catalog/${namespace}/${kind}/${name}`;
  return kind === 'component' ? `${page}/user-trust` : page;
}

/** Where an SLO was defined, in words. */
function definedBy(slo: SloEvaluation): string {
  const { source } = slo;
  if (source.type === 'config') return `config default rule ${source.rule}`;
  if (source.type === 'annotation') {
    return `the entity's annotation (${source.location})`;
  }
  return `the User Trust API${
    source.updatedBy ? ` (by ${source.updatedBy})` : ''
  }`;
}

/** One SLO, compact. */
export function sloSummary(slo: SloEvaluation) {
  return {
    name: slo.name,
    title: slo.displayName ?? slo.name,
    status: slo.status,
    targetPercent: percent(slo.target),
    attainmentPercent: percent(slo.attainment),
    window: slo.window.duration,
    budgetingMethod: slo.budgetingMethod,
    errorBudgetLeftPercent: percent(slo.errorBudgetRemaining),
    burnRates: slo.burnRates.map(b => ({
      window: b.window,
      rate: rate(b.rate),
      alertThreshold: b.threshold,
    })),
    goodEvents: slo.good,
    totalEvents: slo.total,
    definedBy: definedBy(slo),
  };
}

/** The SLO burning fastest over any window, with that window. */
function fastestBurn(slos: SloEvaluation[]) {
  let fastest: { slo: SloEvaluation; window: string; rate: number } | undefined;
  for (const slo of slos) {
    for (const b of slo.burnRates) {
      if (b.rate !== null && (!fastest || b.rate > fastest.rate)) {
        fastest = { slo, window: b.window, rate: b.rate };
      }
    }
  }
  return fastest;
}

/** One sentence on an entity's trust: score, status, worst SLO. */
export function trustSentence(evaluation: EntityTrustEvaluation): string {
  const { score, status, slos } = evaluation;
  const parts = [
    score === null
      ? `No trust score yet (${STATUS_MEANINGS[status]})`
      : `Trust score ${Math.round(score)}/100, ${STATUS_MEANINGS[status]}`,
  ];
  let worst: SloEvaluation | undefined;
  for (const slo of slos) {
    if (
      slo.errorBudgetRemaining !== null &&
      (!worst || slo.errorBudgetRemaining < worst.errorBudgetRemaining!)
    ) {
      worst = slo;
    }
  }
  if (worst) {
    parts.push(
      `least budget left: "${
        worst.displayName ?? worst.name
      }" with ${percentText(worst.errorBudgetRemaining!)} of its error budget`,
    );
  }
  const fastest = fastestBurn(slos);
  if (fastest) {
    parts.push(
      `fastest burn: "${fastest.slo.displayName ?? fastest.slo.name}" at ${rate(
        fastest.rate,
      )}x the sustainable rate over ${fastest.window}`,
    );
  }
  if (evaluation.dissonance.length > 0) {
    parts.push('monitoring and users disagree (see dissonance)');
  }
  return `${parts.join('; ')}.`;
}

/** "a", "a and b", "a, b and c". */
function listOf(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const SOURCE_NAMES: Record<string, string> = {
  prometheus: 'Prometheus',
  demo: 'demo data',
};
const sourceName = (source: string) => SOURCE_NAMES[source] ?? source;

/** Where a technical SLI comes from, as the dissonance panel says it. */
export function provenanceSentence(provenance: TechnicalSliProvenance): string {
  const { query, standsInFor, days, reports } = provenance;
  const sources = provenance.sources.length
    ? listOf(provenance.sources.map(sourceName))
    : 'sli_report signals';
  let queryText = '';
  if (query?.ratio !== undefined) queryText = query.ratio;
  else if (query?.good !== undefined || query?.total !== undefined) {
    queryText = `${query.good ?? '?'} / ${query.total ?? '?'}`;
  }
  const from = standsInFor
    ? `${sources} standing in for ${sourceName(standsInFor)}${
        queryText ? ` query ${queryText}` : ''
      }`
    : `${sources}${queryText ? `: ${queryText}` : ''}`;
  const count =
    reports === days
      ? `${days} daily report${days === 1 ? '' : 's'}`
      : `${reports} reports on ${days} day${days === 1 ? '' : 's'}`;
  return `Technical SLI from ${from}, ${count}, latest ${provenance.latestDay}`;
}

/** The technical SLI, compact. */
export function technicalSummary(technical: TechnicalSli) {
  return {
    sli: technical.sli,
    attainmentPercent: percent(technical.attainment),
    targetPercent: percent(technical.target),
    meetsTarget: technical.attainment >= technical.target,
    ...(technical.provenance
      ? { source: provenanceSentence(technical.provenance) }
      : {}),
  };
}

/** Signal counts of one summary window (`7d`, `28d`, `90d`). */
export function signalCounts(summary: EntitySignalSummary, window: string) {
  const counts = summary.windows.find(w => w.window === window);
  return { total: counts?.total ?? 0, byKind: { ...counts?.byKind } };
}

/** One health row, compact. */
export function healthSummary(row: EntityHealth, appBaseUrl?: string) {
  const url = entityUrl(appBaseUrl, row.entityRef);
  return {
    entityRef: row.entityRef,
    ...(row.title ? { title: row.title } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.system ? { system: row.system } : {}),
    ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
    score: row.score === null ? null : Math.round(row.score),
    status: row.status,
    worstErrorBudgetLeftPercent: percent(row.worstBudget),
    fastestBurn: row.fastestBurn
      ? {
          rate: rate(row.fastestBurn.rate),
          window: row.fastestBurn.window,
          slo: row.fastestBurn.slo,
        }
      : null,
    dissonance: row.dissonance,
    supportCases: row.supportCases,
    incidents: row.incidents,
    fieldRoles: row.fieldRoles,
    missingRoles: row.missingRoles,
    evaluatedAt: row.evaluatedAt,
    ...(url ? { url } : {}),
  };
}

const DISSONANCE_TITLES: Record<PerceptionDissonance['kind'], string> = {
  'technical-green-users-burning':
    'Monitoring is green, but users are burning the budget',
  'technical-red-users-fine': 'Monitoring is red, but users are fine',
};

const JUDGED = new Set<SloStatus>(['healthy', 'at-risk', 'breached']);

/**
 * Why monitoring and users disagree about an entity (or that they agree,
 * or why there is nothing to compare): the technical SLI and where it comes
 * from, each contradicting user-trust SLO, and the user signals behind them.
 */
export function explainDissonance(
  evaluation: EntityTrustEvaluation,
  summary: EntitySignalSummary,
) {
  const { technical, dissonance, slos } = evaluation;
  const byName = new Map(slos.map(s => [s.name, s]));
  // What users did, without the monitoring reports compared against them.
  const { sli_report: reports = 0, ...byKind } = signalCounts(
    summary,
    '28d',
  ).byKind;
  const signals28d = {
    total: signalCounts(summary, '28d').total - reports,
    byKind,
  };
  const judged = slos.filter(s => JUDGED.has(s.status));
  let verdict: 'disagree' | 'agree' | 'no-technical-sli' | 'no-user-verdict';
  if (dissonance.length > 0) verdict = 'disagree';
  else if (!technical) verdict = 'no-technical-sli';
  else if (judged.length === 0) verdict = 'no-user-verdict';
  else verdict = 'agree';

  const sentences: string[] = [];
  if (technical) {
    const t = technicalSummary(technical);
    sentences.push(
      `Technical SLI "${t.sli}" is at ${
        t.attainmentPercent
      }% against a target of ${t.targetPercent}% (${
        t.meetsTarget ? 'meets' : 'misses'
      } target).`,
    );
    if (t.source) sentences.push(`${t.source}.`);
  }
  if (verdict === 'disagree') {
    for (const kind of new Set(dissonance.map(d => d.kind))) {
      const slosOfKind = dissonance
        .filter(d => d.kind === kind)
        .map(d => {
          const slo = byName.get(d.userTrust.slo);
          const budget = slo?.errorBudgetRemaining ?? null;
          return `"${slo?.displayName ?? d.userTrust.slo}" is ${
            d.userTrust.status
          }${
            d.userTrust.burnRate === null
              ? ''
              : `, burning at ${rate(
                  d.userTrust.burnRate,
                )}x the sustainable rate`
          }${
            budget === null
              ? ''
              : ` with ${percentText(budget)} of its error budget left`
          }`;
        });
      sentences.push(
        `${DISSONANCE_TITLES[kind] ?? kind}: ${listOf(slosOfKind)}.`,
      );
    }
  } else if (verdict === 'no-technical-sli') {
    sentences.push(
      'There is no technical SLI to compare with: no sli_report signals in the last 28 days (a Prometheus query or another monitoring source reports them).',
    );
  } else if (verdict === 'no-user-verdict') {
    sentences.push(
      'The user-trust SLOs have too little data to judge, so there is nothing to disagree with yet.',
    );
  } else {
    sentences.push(
      `Monitoring and users agree: ${listOf(
        judged.map(s => `"${s.displayName ?? s.name}" is ${s.status}`),
      )}.`,
    );
  }
  const kinds = Object.entries(signals28d.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${kind}`);
  sentences.push(
    signals28d.total === 0
      ? 'No user signals in the last 28 days.'
      : `User signals in the last 28 days: ${listOf(kinds)}.`,
  );

  return {
    entityRef: evaluation.entityRef,
    verdict,
    explanation: sentences.join(' '),
    ...(technical ? { technicalSli: technicalSummary(technical) } : {}),
    disagreements: dissonance.map(d => {
      const slo = byName.get(d.userTrust.slo);
      return {
        kind: d.kind,
        title: DISSONANCE_TITLES[d.kind] ?? d.kind,
        slo: d.userTrust.slo,
        sloTitle: slo?.displayName ?? d.userTrust.slo,
        status: d.userTrust.status,
        burnRate: rate(d.userTrust.burnRate),
        errorBudgetLeftPercent: percent(slo?.errorBudgetRemaining ?? null),
        message: d.message,
      };
    }),
    userSignalsLast28d: signals28d,
  };
}
