import type { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_TIER_LABEL,
  type SignalInput,
  type SignalSeverity,
} from '@user-trust/plugin-user-trust-common';
import { hash01, hashInts, rng, weighted } from './random';

/*
 * The benchmark's data set: `entities` Component entities of type service
 * and `signals` signals over the last `days` days, generated from a seed.
 *
 * Signals are produced as a stream, ordered by day and then by entity, the
 * way a connector that syncs every source once a day would send them. Only
 * one (entity, day) group exists in memory at a time, so 5 million signals
 * never sit in memory together.
 *
 * The total is exact. Per entity:
 * - `customer_activity` and `sli_report`: one a day each (fewer if the data
 *   set is too small for that: at most 18% of the average per entity each);
 * - the rest is split between entities by weight (tier × a random factor)
 *   and, within an entity, into ~1.25% incidents, ~0.4% known events, 36%
 *   CSAT answers and support cases for the remainder. Support cases and CSAT
 *   answers follow a weekly rhythm (weekends at 45%).
 */

export const TIER_LABEL = DEFAULT_TIER_LABEL;
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const TIER_FACTOR: Record<string, number> = {
  'tier-1': 1.6,
  'tier-2': 1,
  'tier-3': 0.6,
};
const PLANS = ['starter', 'growth', 'enterprise'] as const;
const CHANNELS = ['email', 'chat', 'phone', 'portal'] as const;
const ACCOUNTS = 5000;
const AGENTS = 200;

export type DataSetOptions = {
  entities: number;
  signals: number;
  days: number;
  seed: number;
  /** End of the history; every signal happened before it. */
  end: Date;
};

export function entityName(index: number): string {
  return `svc-${String(index).padStart(5, '0')}`;
}

export function entityRef(index: number): string {
  return `component:default/${entityName(index)}`;
}

/** Boundaries of a split of `n` items over `weights`, shifted by `u`. */
function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length + 1);
  for (let i = 0; i < weights.length; i++) out[i + 1] = out[i] + weights[i];
  return out;
}

/** Items `n` split over the slots of `cum`: how many fall into slot `j`. */
function share(n: number, cum: Float64Array, j: number, u: number): number {
  if (n === 0) return 0;
  const slots = cum.length - 1;
  const total = cum[slots];
  const at = (k: number) =>
    k === slots ? n : Math.floor((n * cum[k]) / total + u);
  return at(j + 1) - at(j);
}

const KINDS = [
  'known_event',
  'customer_activity',
  'sli_report',
  'incident',
  'support_case',
  'csat_response',
] as const;
type GeneratedKind = (typeof KINDS)[number];

export class DataSet {
  readonly options: DataSetOptions;
  /** Signals of each daily kind per entity. */
  readonly dailyPerEntity: number;
  private readonly endMs: number;
  private readonly tiers: string[];
  private readonly counts: Record<GeneratedKind, Int32Array>;
  private readonly activeBase: Float64Array;
  private readonly uniformDays: Float64Array;
  private readonly weeklyDays: Float64Array;

  constructor(options: DataSetOptions) {
    const { entities: E, signals: N, days: D, seed } = options;
    if (E < 1 || N < E || D < 1) {
      throw new Error(
        'Need at least one entity, a signal per entity and a day',
      );
    }
    this.options = options;
    // Whole seconds, so that ISO strings round-trip exactly.
    this.endMs = Math.floor(options.end.getTime() / 1000) * 1000;

    this.tiers = Array.from({ length: E }, (_, e) => {
      const r = hash01(seed, e, 101);
      if (r < 0.1) return 'tier-1';
      if (r < 0.4) return 'tier-2';
      return 'tier-3';
    });

    this.dailyPerEntity = Math.min(D, Math.floor((0.18 * N) / E));
    const rest = N - 2 * this.dailyPerEntity * E;
    const weights = this.tiers.map(
      (tier, e) => TIER_FACTOR[tier] * (0.5 + hash01(seed, e, 102)),
    );
    const entityCum = cumulative(weights);

    const counts = Object.fromEntries(
      KINDS.map(kind => [kind, new Int32Array(E)]),
    ) as Record<GeneratedKind, Int32Array>;
    this.activeBase = new Float64Array(E);
    for (let e = 0; e < E; e++) {
      const mine = share(rest, entityCum, e, 0);
      const incidents = Math.round(0.0125 * mine);
      const known = Math.round(0.004 * mine);
      const csat = Math.round(0.36 * mine);
      counts.customer_activity[e] = this.dailyPerEntity;
      counts.sli_report[e] = this.dailyPerEntity;
      counts.incident[e] = incidents;
      counts.known_event[e] = known;
      counts.csat_response[e] = csat;
      counts.support_case[e] = mine - incidents - known - csat;
      // Active customers: 1 to 3.5 support cases per 1,000 a day.
      const casesPerDay = Math.max(0.05, counts.support_case[e] / D);
      this.activeBase[e] = Math.max(
        50,
        casesPerDay * (300 + 700 * hash01(seed, e, 103)),
      );
    }
    this.counts = counts;

    this.uniformDays = cumulative(new Float64Array(D).fill(1));
    const weekly = new Float64Array(D);
    for (let d = 0; d < D; d++) {
      weekly[d] = this.isWeekend(d) ? 0.45 : 1;
    }
    this.weeklyDays = cumulative(weekly);
  }

  private dayStart(d: number): number {
    return this.endMs - (this.options.days - d) * DAY_MS;
  }

  private isWeekend(d: number): boolean {
    const weekday = new Date(this.dayStart(d) + DAY_MS / 2).getUTCDay();
    return weekday === 0 || weekday === 6;
  }

  /** The catalog: one Component of type service per entity. */
  entities(): Entity[] {
    return this.tiers.map((tier, e) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: entityName(e),
        namespace: 'default',
        labels: { [TIER_LABEL]: tier },
        annotations: {
          'backstage.io/managed-by-location': `url:https://git.example/services/${entityName(
            e,
          )}/catalog-info.yaml`,
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:default/team-${e % 100}`,
        system: `system:default/system-${e % 250}`,
      },
    }));
  }

  /** The support agents signals name as `handledBy`, as catalog Users. */
  people(): Entity[] {
    return Array.from({ length: AGENTS }, (_, i) => ({
      apiVersion: 'backstage.io/v1',
      kind: 'User',
      metadata: { name: `agent-${i}`, namespace: 'default' },
      spec: { memberOf: ['group:default/support'] },
    }));
  }

  /** How many signals of each kind the stream holds. */
  kindTotals(): Record<string, number> {
    return Object.fromEntries(
      KINDS.map(kind => [kind, this.counts[kind].reduce((a, b) => a + b, 0)]),
    );
  }

  /** Signals the stream holds per entity tier. */
  tierCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const tier of this.tiers) out[tier] = (out[tier] ?? 0) + 1;
    return out;
  }

  private dayCount(kind: GeneratedKind, e: number, d: number): number {
    const n = this.counts[kind][e];
    const cum =
      kind === 'support_case' || kind === 'csat_response'
        ? this.weeklyDays
        : this.uniformDays;
    return share(n, cum, d, hash01(this.options.seed, e, KINDS.indexOf(kind)));
  }

  /** All signals, oldest day first, in a fixed order. */
  *signals(): Generator<SignalInput> {
    const { entities: E, days: D, seed } = this.options;
    for (let d = 0; d < D; d++) {
      const start = this.dayStart(d);
      const weekend = this.isWeekend(d);
      for (let e = 0; e < E; e++) {
        yield* this.entityDay(e, d, start, weekend, rng(hashInts(seed, e, d)));
      }
    }
  }

  /** The stream cut into arrays of at most `size` signals. */
  *batches(size: number): Generator<SignalInput[]> {
    let batch: SignalInput[] = [];
    for (const signal of this.signals()) {
      batch.push(signal);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  private *entityDay(
    e: number,
    d: number,
    start: number,
    weekend: boolean,
    random: () => number,
  ): Generator<SignalInput> {
    const ref = entityRef(e);
    const iso = (ms: number) => new Date(ms).toISOString();
    const resolved = (at: number, after: number): string | undefined =>
      at + after < this.endMs ? iso(at + after) : undefined;
    const account = () => `acct-${Math.floor(random() * ACCOUNTS)}`;

    for (let j = 0; j < this.dayCount('known_event', e, d); j++) {
      const at = start + Math.floor(random() * 6) * HOUR_MS;
      yield {
        source: 'calendar',
        externalId: `event-${e}-${d}-${j}`,
        kind: 'known_event',
        entityRef: ref,
        occurredAt: iso(at),
        resolvedAt: resolved(at, (1 + Math.floor(random() * 3)) * DAY_MS),
        attributes:
          random() < 0.5
            ? { name: 'Spring sale', type: 'sales-peak' }
            : { name: 'Product launch', type: 'launch' },
      };
    }

    if (this.dayCount('customer_activity', e, d) > 0) {
      yield {
        source: 'segment',
        externalId: `activity-${e}-${d}`,
        kind: 'customer_activity',
        entityRef: ref,
        occurredAt: iso(start + DAY_MS - HOUR_MS),
        value: Math.round(
          this.activeBase[e] * (weekend ? 0.55 : 1) * (0.95 + 0.1 * random()),
        ),
      };
    }

    if (this.dayCount('sli_report', e, d) > 0) {
      const r = random();
      const availability =
        r < 0.92 ? 0.999 + 0.001 * random() : 0.99 + 0.009 * random();
      yield {
        source: 'prometheus',
        externalId: `sli-${e}-${d}`,
        kind: 'sli_report',
        entityRef: ref,
        occurredAt: iso(start + DAY_MS - 30 * 60 * 1000),
        value: Math.round(availability * 1e6) / 1e6,
        attributes: { sli: 'availability' },
      };
    }

    for (let j = 0; j < this.dayCount('incident', e, d); j++) {
      const at = start + Math.floor(random() * DAY_MS);
      yield {
        source: 'pagerduty',
        externalId: `incident-${e}-${d}-${j}`,
        kind: 'incident',
        entityRef: ref,
        occurredAt: iso(at),
        resolvedAt: resolved(at, Math.floor((0.5 + 7.5 * random()) * HOUR_MS)),
        severity: weighted<SignalSeverity>(random, [
          ['critical', 0.15],
          ['high', 0.35],
          ['medium', 0.5],
        ]),
        attributes: { customerImpacting: random() < 0.8 },
      };
    }

    for (let j = 0; j < this.dayCount('support_case', e, d); j++) {
      const at = start + Math.floor(random() * DAY_MS);
      const severity = weighted<SignalSeverity>(random, [
        ['critical', 0.03],
        ['high', 0.15],
        ['medium', 0.42],
        ['low', 0.4],
      ]);
      yield {
        source: 'zendesk',
        externalId: `case-${e}-${d}-${j}`,
        kind: 'support_case',
        entityRef: ref,
        occurredAt: iso(at),
        resolvedAt:
          random() < 0.92
            ? resolved(at, Math.floor((1 + 71 * random()) * HOUR_MS))
            : undefined,
        severity,
        account: account(),
        fieldRole: 'support',
        handledBy: `user:default/agent-${Math.floor(random() * AGENTS)}`,
        attributes: {
          channel: CHANNELS[Math.floor(random() * CHANNELS.length)],
          escalated: random() < (severity === 'critical' ? 0.4 : 0.06),
          plan: PLANS[Math.floor(random() * PLANS.length)],
        },
      };
    }

    for (let j = 0; j < this.dayCount('csat_response', e, d); j++) {
      yield {
        source: 'delighted',
        externalId: `csat-${e}-${d}-${j}`,
        kind: 'csat_response',
        entityRef: ref,
        occurredAt: iso(start + Math.floor(random() * DAY_MS)),
        // About 85% answer 4 or 5: most services meet the 80% CSAT SLO.
        value: weighted(random, [
          [5, 0.55],
          [4, 0.3],
          [3, 0.07],
          [2, 0.04],
          [1, 0.04],
        ]),
        account: account(),
        attributes: { survey: 'post-case' },
      };
    }
  }
}

/** Attributes as JSON with sorted keys, as the plugin stores them. */
function stableJson(attributes: SignalInput['attributes']): string | null {
  if (!attributes || Object.keys(attributes).length === 0) return null;
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(attributes)
        .sort()
        .map(key => [key, attributes[key]]),
    ),
  );
}

/**
 * The `user_trust_signals` row the plugin stores for a signal (see
 * `toRow` in src/database/SignalStore.ts); the generator's refs are
 * already full and lower-case.
 */
export function signalToRow(signal: SignalInput) {
  return {
    source: signal.source,
    external_id: signal.externalId,
    kind: signal.kind,
    entity_ref: signal.entityRef,
    occurred_at: new Date(signal.occurredAt),
    resolved_at: signal.resolvedAt ? new Date(signal.resolvedAt) : null,
    severity: signal.severity ?? null,
    account: signal.account ?? null,
    value: signal.value ?? null,
    field_role: signal.fieldRole ?? null,
    handled_by: signal.handledBy ?? null,
    attributes: stableJson(signal.attributes),
  };
}
