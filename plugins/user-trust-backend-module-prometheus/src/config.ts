import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { PrometheusCredentials } from './client/PrometheusClient';
import { PrometheusSliQuery, sliQueryOf } from './mapping/sliQueries';

/** `userTrust.prometheus`, read and checked. @public */
export type PrometheusConfig = {
  baseUrl: string;
  credentials?: PrometheusCredentials;
  schedule: SchedulerServiceTaskScheduleDefinition;
  backfillDays: number;
  timeoutSeconds: number;
  /** Entity ref (full, lower-cased) → its query; wins over annotations. */
  entities: Record<string, PrometheusSliQuery>;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 30 },
};

/** One point a day (Prometheus allows 11,000 a series); signals may be at most 10 years old. */
const MAX_BACKFILL_DAYS = 3000;

/**
 * Reads `userTrust.prometheus`; undefined when the section is absent.
 * Throws, naming the key, without a `baseUrl` that is a URL, for both a
 * token and basic auth, or for a bad `entities` entry.
 *
 * @public
 */
export function readPrometheusConfig(
  config: Config,
): PrometheusConfig | undefined {
  const root = config.getOptionalConfig('userTrust.prometheus');
  if (!root) return undefined;
  const baseUrl = root.getString('baseUrl').replace(/\/+$/, '');
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error();
  } catch {
    throw new Error(
      `userTrust.prometheus.baseUrl '${baseUrl}' is not an http(s) URL`,
    );
  }

  const token = root.getOptionalString('token');
  const username = root.getOptionalString('username');
  const password = root.getOptionalString('password');
  if (token && (username || password)) {
    throw new Error(
      'userTrust.prometheus: configure either token or username and password, not both',
    );
  }
  if (!!username !== !!password) {
    throw new Error('userTrust.prometheus: username and password go together');
  }
  let credentials: PrometheusCredentials | undefined;
  if (token) credentials = { type: 'bearer', token };
  else if (username && password) {
    credentials = { type: 'basic', username, password };
  }

  const backfillDays = root.getOptionalNumber('backfillDays') ?? 28;
  if (
    !Number.isInteger(backfillDays) ||
    backfillDays < 1 ||
    backfillDays > MAX_BACKFILL_DAYS
  ) {
    throw new Error(
      `userTrust.prometheus.backfillDays must be a whole number from 1 to ${MAX_BACKFILL_DAYS}`,
    );
  }
  const timeoutSeconds = root.getOptionalNumber('timeoutSeconds') ?? 30;
  if (!(timeoutSeconds > 0)) {
    throw new Error('userTrust.prometheus.timeoutSeconds must be more than 0');
  }

  // Entity refs hold ':' and '/', so the map is read whole.
  const raw = root.getOptional<unknown>('entities') ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(
      'userTrust.prometheus.entities must map entity refs to { good, total } or { ratio }',
    );
  }
  const entities: Record<string, PrometheusSliQuery> = {};
  for (const [ref, value] of Object.entries(raw as Record<string, unknown>)) {
    const where = `userTrust.prometheus.entities['${ref}']`;
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      ).toLocaleLowerCase('en-US');
    } catch {
      throw new Error(`${where}: not an entity ref`);
    }
    const parts = (value ?? {}) as Record<string, unknown>;
    if (
      typeof parts !== 'object' ||
      ['good', 'total', 'ratio'].some(
        k => parts[k] !== undefined && typeof parts[k] !== 'string',
      )
    ) {
      throw new Error(
        `${where} must be { good, total } or { ratio } (PromQL strings)`,
      );
    }
    const query = sliQueryOf(
      parts as { good?: string; total?: string; ratio?: string },
      where,
    );
    if (!query) throw new Error(`${where} has no query`);
    entities[entityRef] = query;
  }

  const schedule = root.getOptionalConfig('schedule');
  return {
    baseUrl,
    ...(credentials && { credentials }),
    schedule: schedule
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
      : DEFAULT_SCHEDULE,
    backfillDays,
    timeoutSeconds,
    entities,
  };
}
