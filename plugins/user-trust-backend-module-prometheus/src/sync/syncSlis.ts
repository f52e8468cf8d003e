import { LoggerService } from '@backstage/backend-plugin-api';
import { UserTrustConnectorContext } from '@user-trust/plugin-user-trust-node';
import { PrometheusClient } from '../client/PrometheusClient';
import { PrometheusSliQuery } from '../mapping/sliQueries';
import {
  dailyGoodTotal,
  dailyRatio,
  DailySli,
  sliSignal,
  valuesByDay,
} from '../mapping/sliSignals';

const DAY_SECONDS = 86_400;

/** One entity whose SLI could not be read, and why. @public */
export type PrometheusSliFailure = { entityRef: string; message: string };

/** @public */
export type PrometheusSyncResult = {
  entities: number;
  signals: number;
  failures: PrometheusSliFailure[];
};

/**
 * The UTC days a sync reads: the `backfillDays` complete days before
 * today, as the query_range of their ends (the sample at a day's end
 * covers that day).
 *
 * @public
 */
export function syncRange(nowMs: number, backfillDays: number) {
  const todayStart = Math.floor(nowMs / 1000 / DAY_SECONDS) * DAY_SECONDS;
  return {
    start: todayStart - (backfillDays - 1) * DAY_SECONDS,
    end: todayStart,
    stepSeconds: DAY_SECONDS,
  };
}

async function readDaily(
  client: PrometheusClient,
  query: PrometheusSliQuery,
  range: ReturnType<typeof syncRange>,
  signal: AbortSignal | undefined,
  logger: Pick<LoggerService, 'warn'>,
  entityRef: string,
): Promise<DailySli[]> {
  const read = async (promql: string, what: string) => {
    const { result, warnings } = await client.queryRange(promql, range, signal);
    for (const w of warnings) {
      logger.warn(`Prometheus warning for the ${what} of ${entityRef}: ${w}`);
    }
    if (result.length === 0) {
      throw new Error(`the ${what} query returned no series`);
    }
    return result;
  };
  if (query.type === 'ratio') {
    const series = await read(query.ratio, 'ratio');
    if (series.length > 1) {
      throw new Error(
        `the ratio query returned ${series.length} series; it must return one (aggregate it, e.g. with avg or sum by ())`,
      );
    }
    return dailyRatio(valuesByDay(series));
  }
  const [good, total] = await Promise.all([
    read(query.good, 'good'),
    read(query.total, 'total'),
  ]);
  return dailyGoodTotal(valuesByDay(good), valuesByDay(total));
}

/**
 * Reads the daily SLI of every entity and stores one `sli_report` signal
 * per entity and UTC day. An entity whose query fails (bad PromQL, no
 * series, a timeout) is logged and reported in `failures`; the others are
 * still read and stored.
 *
 * @public
 */
export async function syncPrometheusSlis(options: {
  client: PrometheusClient;
  entities: ReadonlyArray<{ entityRef: string; query: PrometheusSliQuery }>;
  context: Pick<UserTrustConnectorContext, 'ingest' | 'reportProgress'>;
  logger: Pick<LoggerService, 'warn' | 'info'>;
  backfillDays: number;
  now: () => number;
  signal?: AbortSignal;
}): Promise<PrometheusSyncResult> {
  const { client, entities, context, logger, signal } = options;
  const range = syncRange(options.now(), options.backfillDays);
  const failures: PrometheusSliFailure[] = [];
  let signals = 0;
  let done = 0;
  await context.reportProgress({ done, total: entities.length });
  for (const { entityRef, query } of entities) {
    if (signal?.aborted) break;
    try {
      const daily = await readDaily(
        client,
        query,
        range,
        signal,
        logger,
        entityRef,
      );
      if (daily.length > 0) {
        await context.ingest(daily.map(d => sliSignal(entityRef, query, d)));
      }
      signals += daily.length;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(`Prometheus SLI of ${entityRef} not read: ${message}`);
      failures.push({ entityRef, message });
    }
    done += 1;
    await context.reportProgress({ done, total: entities.length });
  }
  return { entities: entities.length, signals, failures };
}

/**
 * The one error a sync with failures throws at its end, so the Sources
 * page shows it: the number of entities and the first failures by name.
 *
 * @public
 */
export function summariseFailures(
  failures: ReadonlyArray<PrometheusSliFailure>,
  entities: number,
): Error {
  const shown = failures
    .slice(0, 5)
    .map(f => `${f.entityRef}: ${f.message}`)
    .join('; ');
  const more = failures.length > 5 ? `; and ${failures.length - 5} more` : '';
  return new Error(
    `Prometheus SLIs of ${failures.length} of ${entities} entities could not be read (the others were stored): ${shown}${more}`,
  );
}
