import seedrandom from 'seedrandom';
import { SignalInput } from '@user-trust/plugin-user-trust-common';

/** What the generator needs to know of a catalog component. */
export interface DemoEntity {
  entityRef: string;
  /** Tier label value (tier-1 is the most customer-facing). */
  tier?: string;
  /** System ref, used to place the shared known event. */
  system?: string;
  /**
   * The entity's Prometheus SLI query (`prometheus.io/sli-*` annotations):
   * its demo SLI reports say they stand in for it.
   */
  sliQuery?: DemoSliQuery;
}

/** A good/total pair of PromQL expressions, or one ratio expression. */
export type DemoSliQuery = { good: string; total: string } | { ratio: string };

const SLI_GOOD_ANNOTATION = 'prometheus.io/sli-good';
const SLI_TOTAL_ANNOTATION = 'prometheus.io/sli-total';
const SLI_RATIO_ANNOTATION = 'prometheus.io/sli-ratio';
/** Longest attribute value ingestion accepts. */
const MAX_ATTRIBUTE_LENGTH = 1024;

/**
 * The SLI query of an entity's `prometheus.io/sli-good` and `sli-total`
 * (or `sli-ratio`) annotations, as the Prometheus module reads them;
 * undefined without them or with only half a pair.
 */
export function demoSliQuery(
  annotations: Record<string, string> | undefined,
): DemoSliQuery | undefined {
  const good = annotations?.[SLI_GOOD_ANNOTATION]?.trim();
  const total = annotations?.[SLI_TOTAL_ANNOTATION]?.trim();
  const ratio = annotations?.[SLI_RATIO_ANNOTATION]?.trim();
  if (good && total) return { good, total };
  if (ratio) return { ratio };
  return undefined;
}

/**
 * Attributes of a demo SLI report: with a query, they say the value is demo
 * data standing in for it (`standsInFor`), with the query under the names
 * the Prometheus module stores it.
 */
function sliAttributes(
  target: number,
  query: DemoSliQuery | undefined,
): Record<string, string | number> {
  const attributes: Record<string, string | number> = {
    sli: 'availability',
    target,
  };
  if (!query) return attributes;
  attributes.standsInFor = 'prometheus';
  if ('ratio' in query) {
    attributes.ratioQuery = query.ratio.slice(0, MAX_ATTRIBUTE_LENGTH);
  } else {
    attributes.goodQuery = query.good.slice(0, MAX_ATTRIBUTE_LENGTH);
    attributes.totalQuery = query.total.slice(0, MAX_ATTRIBUTE_LENGTH);
  }
  return attributes;
}

export interface DemoOptions {
  /** End of the history; signals later than this are not produced. */
  now: Date;
  /** Days of history. */
  days: number;
  /** Entity refs of support engineers who handle cases. */
  supportEngineers: string[];
}

export const DEMO_SOURCE = 'demo';

const DAY_MS = 24 * 60 * 60 * 1000;

// Fictional customer accounts of the example company.
const ACCOUNTS = [
  'northwind-traders',
  'globex-retail',
  'initech-supplies',
  'umbrella-outfitters',
  'vandelay-imports',
  'soylent-grocers',
  'tyrell-mobility',
  'wonka-confections',
  'stark-home',
  'oscorp-labs',
  'duff-beverages',
  'pied-piper-shop',
];
/**
 * Fixed stories for the services the README and the end-to-end tests show:
 * checkout-api had a critical incident five days ago.
 */
const STORIES: Record<
  string,
  { spikeDaysAgo: number; spikeSeverity: 'critical' | 'high' }
> = {
  'component:default/checkout-api': {
    spikeDaysAgo: 5,
    spikeSeverity: 'critical',
  },
};

// Critical, customer-facing services see more traffic and more cases.
const TIER_FACTORS: Record<string, number> = { 'tier-1': 1.6, 'tier-3': 0.5 };
const PLANS = ['starter', 'growth', 'enterprise'];
const CHANNELS = ['email', 'chat', 'phone', 'portal'];

/** A random source that depends only on the given parts. */
function rngFor(...parts: Array<string | number>) {
  return seedrandom(parts.join('|'));
}

function poisson(rng: () => number, mean: number): number {
  // Knuth's method: fine for the small means used here.
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k += 1;
    p *= rng();
  } while (p > limit);
  return k - 1;
}

function pick<T>(rng: () => number, items: T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function weighted<T>(rng: () => number, items: Array<[T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1][0];
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The traits of an entity that stay the same every day. */
function profileOf(entity: DemoEntity) {
  const rng = rngFor('profile', entity.entityRef);
  const tierFactor = TIER_FACTORS[entity.tier ?? ''] ?? 1;
  const casesPerDay = (0.8 + rng() * 2.4) * tierFactor;
  const story = STORIES[entity.entityRef];
  return {
    casesPerDay,
    // About 1 to 3.5 cases per 1,000 active customers a day.
    activeCustomers: Math.round(casesPerDay * (300 + rng() * 600)),
    csatBias: rng(), // some services are simply liked more
    availabilityTarget: 0.999,
    // About a third of the services went through an incident spike: the day
    // (counted back from today) is fixed per entity, so repeated runs agree.
    spikeDaysAgo:
      story?.spikeDaysAgo ??
      (rng() < 0.35 ? 3 + Math.floor(rng() * 60) : undefined),
    spikeSeverity: story?.spikeSeverity,
  };
}

/**
 * Demo signal history for one entity: weekly seasonality, incident spikes
 * with the support cases and poor CSAT they bring, daily customer activity and
 * technical SLI reports, and one known event shared by the storefront system.
 *
 * The output depends only on the entity, the calendar day and `now`: running
 * it again yields the same `externalId`s, so re-seeding creates nothing new.
 */
export function generateDemoSignals(
  entity: DemoEntity,
  options: DemoOptions,
): SignalInput[] {
  const { now, days, supportEngineers } = options;
  const profile = profileOf(entity);
  const signals: SignalInput[] = [];
  const ref = entity.entityRef;
  const todayStart = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const earliest = now.getTime() - days * DAY_MS;
  const spikeDay =
    profile.spikeDaysAgo !== undefined
      ? utcDay(new Date(todayStart - profile.spikeDaysAgo * DAY_MS))
      : undefined;
  const knownEventDays = [21, 20].map(d =>
    utcDay(new Date(todayStart - d * DAY_MS)),
  );
  const inStorefront = entity.system === 'system:default/storefront';
  const sliReportAttributes = sliAttributes(
    profile.availabilityTarget,
    entity.sliQuery,
  );

  const push = (signal: SignalInput) => {
    const at = new Date(signal.occurredAt).getTime();
    if (at <= earliest || at > now.getTime()) return;
    // What has not happened yet is not reported: a case still open today
    // gets its resolution on a later run.
    if (signal.resolvedAt && new Date(signal.resolvedAt) > now) {
      signals.push({ ...signal, resolvedAt: undefined });
    } else {
      signals.push(signal);
    }
  };

  for (let d = days; d >= 0; d--) {
    const dayStart = todayStart - d * DAY_MS;
    const day = utcDay(new Date(dayStart));
    const rng = rngFor(ref, day);
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const seasonality = weekend ? 0.35 : 1;
    const spike = day === spikeDay;
    const knownEvent = inStorefront && knownEventDays.includes(day);
    const load = seasonality * (knownEvent ? 1.8 : 1);
    const at = (fraction: number) =>
      new Date(dayStart + Math.floor(fraction * DAY_MS)).toISOString();

    if (knownEvent && day === knownEventDays[0]) {
      push({
        source: DEMO_SOURCE,
        externalId: `${ref}:${day}:known-event`,
        kind: 'known_event',
        entityRef: ref,
        occurredAt: at(0),
        resolvedAt: new Date(dayStart + 2 * DAY_MS - 1000).toISOString(),
        attributes: { name: 'Spring sale', type: 'sales-peak' },
      });
    }

    // Daily active customers, with the same weekly rhythm as the cases.
    const active = Math.round(
      profile.activeCustomers * (weekend ? 0.55 : 1) * (0.95 + rng() * 0.1),
    );
    push({
      source: DEMO_SOURCE,
      externalId: `${ref}:${day}:activity`,
      kind: 'customer_activity',
      entityRef: ref,
      occurredAt: at(0.99),
      value: active,
    });

    // The technical view: availability as monitoring reports it. It stays
    // green on most spike days, which is what perception dissonance is about.
    // Its id does not depend on the query, so adding or changing an
    // annotation updates the stored reports instead of adding more.
    const availability = spike
      ? 0.9985 + rng() * 0.0014
      : 0.9992 + rng() * 0.0008;
    push({
      source: DEMO_SOURCE,
      externalId: `${ref}:${day}:sli`,
      kind: 'sli_report',
      entityRef: ref,
      occurredAt: at(0.995),
      value: Number(availability.toFixed(5)),
      attributes: sliReportAttributes,
    });

    if (spike) {
      push({
        source: DEMO_SOURCE,
        externalId: `${ref}:${day}:incident`,
        kind: 'incident',
        entityRef: ref,
        occurredAt: at(0.4),
        resolvedAt: at(0.4 + 0.05 + rng() * 0.1),
        severity:
          profile.spikeSeverity ?? pick(rng, ['critical', 'high'] as const),
        attributes: { title: 'Elevated checkout failures for some merchants' },
      });
    } else if (rng() < 0.02) {
      push({
        source: DEMO_SOURCE,
        externalId: `${ref}:${day}:incident`,
        kind: 'incident',
        entityRef: ref,
        occurredAt: at(rng()),
        severity: 'medium',
      });
    }

    // An incident spike drives cases whatever the day of the week.
    const cases = spike
      ? Math.max(5, poisson(rng, profile.casesPerDay * 6))
      : poisson(rng, profile.casesPerDay * load);
    for (let n = 0; n < cases; n++) {
      const openedAt = spike ? 0.4 + rng() * 0.55 : 0.3 + rng() * 0.6;
      const severity = weighted(rng, [
        ['critical', spike ? 3 : 0.3],
        ['high', spike ? 4 : 1.5],
        ['medium', 4],
        ['low', 3],
      ] as const);
      const account = pick(rng, ACCOUNTS);
      const handledBy =
        supportEngineers.length > 0 ? pick(rng, supportEngineers) : undefined;
      const hoursToResolve = 1 + rng() * (severity === 'low' ? 72 : 24);
      const caseId = `${ref}:${day}:case-${n}`;
      const escalated = rng() < (spike ? 0.3 : 0.06);
      push({
        source: DEMO_SOURCE,
        externalId: caseId,
        kind: 'support_case',
        entityRef: ref,
        occurredAt: at(openedAt),
        resolvedAt: new Date(
          dayStart + openedAt * DAY_MS + hoursToResolve * 3600_000,
        ).toISOString(),
        severity,
        account,
        fieldRole: 'support',
        handledBy,
        attributes: {
          channel: pick(rng, CHANNELS),
          plan: pick(rng, PLANS),
          escalated,
        },
      });

      if (escalated) {
        push({
          source: DEMO_SOURCE,
          externalId: `${caseId}:escalation`,
          kind: 'escalation',
          entityRef: ref,
          occurredAt: new Date(
            dayStart + openedAt * DAY_MS + 2 * 3600_000,
          ).toISOString(),
          severity,
          account,
          fieldRole: 'tam',
        });
      }

      // About 40% of customers answer the satisfaction survey; most are
      // satisfied, far fewer on the day of an incident spike.
      if (rng() < 0.4) {
        const satisfied = rng() < (spike ? 0.3 : 0.8 + profile.csatBias * 0.15);
        const score = satisfied
          ? 4 + Math.round(rng() * 0.7 + profile.csatBias * 0.3)
          : 1 + Math.floor(rng() * 3);
        push({
          source: DEMO_SOURCE,
          externalId: `${caseId}:csat`,
          kind: 'csat_response',
          entityRef: ref,
          occurredAt: new Date(
            dayStart + openedAt * DAY_MS + (hoursToResolve + 2) * 3600_000,
          ).toISOString(),
          value: score,
          account,
        });
      }
    }
  }
  return signals;
}
