import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  addDays,
  AlertCondition,
  AlertPolicy,
  alertWindowDays,
  dayKey,
  DEFAULT_ALERT_POLICY,
  DEFAULT_EVALUATION_SETTINGS,
  EffectiveSlo,
  EntityTrustEvaluation,
  evaluateEntity,
  EvaluationSettings,
  indicatorQueries,
  SignalQuery,
  TechnicalSli,
  TechnicalSliProvenance,
  toStoredEntityRef,
  windowDays,
} from '@user-trust/plugin-user-trust-common';
import { GLOBAL_SCOPE, hashQuery, RollupStore } from '../rollups/RollupStore';
import { SloProblem, SloResolver } from './SloResolver';
import { SliReport, SliReportStore } from './SliReportStore';

const KNOWN_EVENTS: SignalQuery = { kind: ['known_event'] };
const SLI_REPORTS: SignalQuery = { kind: ['sli_report'] };
/** Days of technical SLI compared with the user-trust view. */
const TECHNICAL_WINDOW_DAYS = 28;

/**
 * The alert policy of `userTrust.alerting`: each condition's keys default
 * to those of {@link DEFAULT_ALERT_POLICY}.
 */
export function readAlertPolicy(config: Config): AlertPolicy {
  const condition = (
    key: 'breached' | 'atRisk',
    defaults: AlertCondition,
  ): AlertCondition => {
    const path = `userTrust.alerting.${key}`;
    const c = config.getOptionalConfig(path);
    const result = {
      longWindow: c?.getOptionalString('longWindow') ?? defaults.longWindow,
      shortWindow: c?.getOptionalString('shortWindow') ?? defaults.shortWindow,
      threshold: c?.getOptionalNumber('threshold') ?? defaults.threshold,
    };
    for (const window of ['longWindow', 'shortWindow'] as const) {
      try {
        alertWindowDays(result[window]);
      } catch (e) {
        throw new Error(`${path}.${window}: ${(e as Error).message}`);
      }
    }
    if (
      alertWindowDays(result.shortWindow) > alertWindowDays(result.longWindow)
    ) {
      throw new Error(
        `${path}: shortWindow must not be longer than longWindow`,
      );
    }
    if (!(result.threshold > 0)) {
      throw new Error(`${path}.threshold: must be a positive burn rate`);
    }
    return result;
  };
  return {
    breached: condition('breached', DEFAULT_ALERT_POLICY.breached),
    atRisk: condition('atRisk', DEFAULT_ALERT_POLICY.atRisk),
  };
}

function readSettings(config: Config): EvaluationSettings {
  const windows = config.getOptionalConfigArray(
    'userTrust.evaluation.burnWindows',
  );
  return {
    burnWindows: windows
      ? windows.map(w => {
          const window = w.getString('window');
          const match = /^([1-9][0-9]*)([dw])$/.exec(window);
          if (!match) {
            throw new Error(
              `userTrust.evaluation.burnWindows: window '${window}' must be days or weeks, like 1d or 1w`,
            );
          }
          const days = Number(match[1]) * (match[2] === 'w' ? 7 : 1);
          return { window, days, threshold: w.getNumber('threshold') };
        })
      : DEFAULT_EVALUATION_SETTINGS.burnWindows,
    minEvents:
      config.getOptionalNumber('userTrust.evaluation.minEvents') ??
      DEFAULT_EVALUATION_SETTINGS.minEvents,
    knownEvents:
      (config.getOptionalString('userTrust.evaluation.knownEvents') as
        | 'exclude'
        | 'include'
        | undefined) ?? DEFAULT_EVALUATION_SETTINGS.knownEvents,
    alerting: readAlertPolicy(config),
  };
}

/**
 * Evaluates the user-trust SLOs of entities from the rollups. Results are
 * cached briefly (at most a minute) and dropped when this replica ingests
 * signals for the entity.
 */
export class EvaluationService {
  private readonly cache = new Map<
    string,
    { at: number; value: Promise<EntityTrustEvaluation> }
  >();
  private registered = new Set<string>();
  private registeredAt = 0;

  private constructor(
    private readonly resolver: SloResolver,
    private readonly rollups: RollupStore,
    private readonly sliReports: SliReportStore,
    private readonly settings: EvaluationSettings,
    private readonly technicalTarget: number,
    private readonly cacheMs: number,
  ) {}

  static fromConfig(
    config: Config,
    deps: {
      resolver: SloResolver;
      rollups: RollupStore;
      sliReports: SliReportStore;
    },
  ) {
    const cacheSeconds = Math.min(
      60,
      config.getOptionalNumber('userTrust.evaluation.cacheSeconds') ?? 30,
    );
    return new EvaluationService(
      deps.resolver,
      deps.rollups,
      deps.sliReports,
      readSettings(config),
      config.getOptionalNumber('userTrust.dissonance.technicalTarget') ?? 0.999,
      cacheSeconds * 1000,
    );
  }

  /** Registers the queries of the default SLOs for every entity. */
  async start(): Promise<void> {
    const queries = [
      KNOWN_EVENTS,
      SLI_REPORTS,
      ...this.resolver
        .defaultSlos()
        .flatMap(slo => indicatorQueries(slo.indicator)),
    ];
    await this.rollups.ensureQueries(queries, GLOBAL_SCOPE);
  }

  /** Forgets cached evaluations of these entities (after an ingest). */
  invalidate(entityRefs: Iterable<string>) {
    for (const ref of entityRefs) this.cache.delete(ref);
  }

  async resolveSlos(
    entity: Entity,
  ): Promise<{ slos: EffectiveSlo[]; problems: SloProblem[] }> {
    return this.resolver.resolve(entity);
  }

  async evaluate(
    entity: Entity,
    now: Date = new Date(),
  ): Promise<EntityTrustEvaluation> {
    const [evaluation] = await this.evaluateMany([entity], now);
    return evaluation;
  }

  /**
   * Evaluations of many entities (a page of a catalog-wide view), in the
   * order given: one read of API SLO documents and one of the rollups for
   * all of them.
   */
  async evaluateMany(
    entities: Entity[],
    now: Date = new Date(),
  ): Promise<EntityTrustEvaluation[]> {
    const refs = entities.map(e => toStoredEntityRef(e));
    const fresh = (ref: string) => {
      const cached = this.cache.get(ref);
      return cached && now.getTime() - cached.at < this.cacheMs
        ? cached.value
        : undefined;
    };
    if (this.cacheMs === 0) return this.computeMany(entities, now);
    this.evictExpired(now);
    const todo = entities.flatMap((entity, i) =>
      fresh(refs[i]) ? [] : [{ entity, ref: refs[i] }],
    );
    if (todo.length > 0) {
      const computed = this.computeMany(
        todo.map(t => t.entity),
        now,
      );
      todo.forEach(({ ref }, i) => {
        const value = computed.then(all => all[i]);
        value.catch(() => this.cache.delete(ref));
        this.cache.set(ref, { at: now.getTime(), value });
      });
    }
    return Promise.all(refs.map(ref => this.cache.get(ref)!.value));
  }

  /** Drops expired evaluations, so the cache holds at most a minute's worth. */
  private evictExpired(now: Date) {
    for (const [ref, entry] of this.cache) {
      if (now.getTime() - entry.at >= this.cacheMs) this.cache.delete(ref);
    }
  }

  private async computeMany(
    entities: Entity[],
    now: Date,
  ): Promise<EntityTrustEvaluation[]> {
    const resolved = await this.resolver.resolveMany(entities);
    const today = dayKey(now);
    let fromDay = addDays(today, -(TECHNICAL_WINDOW_DAYS - 1));
    const prepared = [];
    for (let i = 0; i < entities.length; i++) {
      const entityRef = toStoredEntityRef(entities[i]);
      const { slos } = resolved[i];
      const queries = [
        KNOWN_EVENTS,
        SLI_REPORTS,
        ...slos.flatMap(({ slo }) => indicatorQueries(slo.indicator)),
      ];
      await this.ensureRegistered(queries, entityRef);
      for (const { slo } of slos) {
        // Read only the days the SLO windows cover, not the whole history.
        const [first] = windowDays(slo.timeWindow, now);
        if (first && first < fromDay) fromDay = first;
      }
      prepared.push({ entityRef, slos, queries });
    }

    const hashes = [
      ...new Set(prepared.flatMap(p => p.queries.map(hashQuery))),
    ];
    const series = await this.rollups.readSeriesMany(
      prepared.map(p => p.entityRef),
      hashes,
      fromDay,
      today,
    );

    const lookups = prepared.map(({ entityRef }) => {
      const byHash = series.get(entityRef);
      return (query: SignalQuery) => byHash?.get(hashQuery(query)) ?? new Map();
    });
    const technical = prepared.map((_, i) =>
      this.technicalSli(lookups[i](SLI_REPORTS), today),
    );
    // Where each technical number comes from: the reports of its latest
    // day, one indexed read for all entities (the rollups know the day).
    const latest = await this.sliReports.reportsOn(
      new Map(
        prepared.flatMap(({ entityRef }, i) =>
          technical[i]
            ? [[entityRef, technical[i]!.provenance!.latestDay]]
            : [],
        ),
      ),
    );

    return prepared.map(({ entityRef, slos }, i) => {
      const lookup = lookups[i];
      const excludedDays = new Set(lookup(KNOWN_EVENTS).keys());
      const sli = technical[i];
      return evaluateEntity({
        entityRef,
        slos,
        series: lookup,
        excludedDays,
        now,
        settings: this.settings,
        technical: sli && {
          ...sli,
          provenance: withLatestReports(
            sli.provenance!,
            latest.get(entityRef) ?? [],
          ),
        },
      });
    });
  }

  /**
   * The technical SLI: mean of `sli_report` values over the last 28 days,
   * with the days it covers (the sources and query are added from the
   * latest day's reports).
   */
  private technicalSli(
    reports: Map<string, { count: number; sum: number }>,
    today: string,
  ): TechnicalSli | undefined {
    let count = 0;
    let sum = 0;
    let days = 0;
    let latestDay: string | undefined;
    for (let d = 0; d < TECHNICAL_WINDOW_DAYS; d++) {
      const day = addDays(today, -d);
      const bucket = reports.get(day);
      if (bucket && bucket.count > 0) {
        count += bucket.count;
        sum += bucket.sum;
        days += 1;
        latestDay ??= day;
      }
    }
    return count > 0 && latestDay
      ? {
          sli: `availability (${TECHNICAL_WINDOW_DAYS}d, from monitoring)`,
          attainment: sum / count,
          target: this.technicalTarget,
          provenance: { sources: [], days, reports: count, latestDay },
        }
      : undefined;
  }

  /**
   * Queries of entity-specific SLOs are kept for that entity only; their
   * rollups are filled from its stored signals the first time.
   */
  private async ensureRegistered(queries: SignalQuery[], entityRef: string) {
    if (Date.now() - this.registeredAt > 30_000) {
      this.registered = new Set(
        (await this.rollups.loadQueries()).map(q =>
          q.scope === GLOBAL_SCOPE ? q.hash : `${q.hash}|${q.scope}`,
        ),
      );
      this.registeredAt = Date.now();
    }
    const missing = queries.filter(q => {
      const hash = hashQuery(q);
      return (
        !this.registered.has(hash) &&
        !this.registered.has(`${hash}|${entityRef}`)
      );
    });
    if (missing.length === 0) return;
    await this.rollups.ensureQueries(missing, entityRef);
    for (const q of missing)
      this.registered.add(`${hashQuery(q)}|${entityRef}`);
  }
}

const text = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/**
 * Adds the sources of the latest day's reports (latest first) and the query
 * stored in the latest report's attributes: `goodQuery` and `totalQuery`, or
 * `ratioQuery`, as the Prometheus module stores them; `standsInFor` when it
 * is demo data standing in for that source's query.
 */
function withLatestReports(
  provenance: TechnicalSliProvenance,
  reports: ReadonlyArray<SliReport>,
): TechnicalSliProvenance {
  const result: TechnicalSliProvenance = {
    ...provenance,
    sources: [...new Set(reports.map(r => r.source))],
  };
  const attributes = reports[0]?.attributes ?? {};
  const good = text(attributes.goodQuery);
  const total = text(attributes.totalQuery);
  const ratio = text(attributes.ratioQuery);
  if (good && total) result.query = { good, total };
  else if (ratio) result.query = { ratio };
  const standsInFor = text(attributes.standsInFor);
  if (standsInFor) result.standsInFor = standsInFor;
  return result;
}
