import { LoggerService } from '@backstage/backend-plugin-api';
import {
  incidentTimelineOf,
  IncidentTimeline,
} from '../incidents/logEntryTimeline';
import {
  PagerDutyIncident,
  PagerDutyLogEntry,
  PagerDutyService,
  PagerDutyUser,
} from '../incidents/types';
import {
  errorKindOfStatus,
  PagerDutyApiError,
  readErrorBody,
} from './PagerDutyApiError';
import {
  backoffDelayMs,
  BackoffOptions,
  HeaderLookup,
  rateLimitDelayMs,
} from './retryDelay';
import { timeSlices } from './timeSlices';

/**
 * A client of the PagerDuty REST API v2, for one account.
 *
 * Contract (developer.pagerduty.com, REST API): `Authorization: Token
 * token=<key>` and `Accept: application/vnd.pagerduty+json;version=2`
 * ("Authentication", "Versioning"); classic pagination with `limit` (at
 * most 100), `offset` and `more`, where `offset + limit` may not exceed
 * 10,000 or PagerDuty answers 400 ("Pagination"); `since`/`until` at most
 * 6 months apart (List incidents); 429 with `ratelimit-*` headers ("Rate
 * Limits"); errors as `{ error: { message, code, errors } }` ("Errors").
 */

/** The default API host. @public */
export const PAGERDUTY_DEFAULT_BASE_URL = 'https://api.pagerduty.com';

/** The deepest offset + limit classic pagination allows. @public */
export const PAGERDUTY_PAGINATION_CAP = 10_000;

/** The largest page of classic pagination. @public */
export const PAGERDUTY_MAX_PAGE_SIZE = 100;

/** The part of an HTTP answer the client reads (a `fetch` Response has it). @public */
export type FetchLikeResponse = {
  status: number;
  headers: HeaderLookup;
  text(): Promise<string>;
};

/** A `fetch`-like function; the global `fetch` is one. @public */
export type FetchLike = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string> },
) => Promise<FetchLikeResponse>;

/** @public */
export type PagerDutyClientOptions = {
  /** REST API key of the account. */
  token: string;
  /** Default `https://api.pagerduty.com` (EU accounts use the same host). */
  baseUrl?: string;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  logger?: Pick<LoggerService, 'warn'>;
  /** Waits; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock, in ms since the epoch (for `Retry-After` dates). */
  now?: () => number;
  /** Retries of a 5xx, 408 or network failure. Default 4 (5 attempts). */
  maxRetries?: number;
  /** Consecutive 429 answers waited out before giving up. Default 10. */
  maxRateLimitWaits?: number;
  backoff?: BackoffOptions;
  /** Incidents per page, 1 to 100. Default 100. */
  pageSize?: number;
  /** Span of one `since`/`until` slice. Default 30 days; at most 180. */
  sliceMs?: number;
};

/** @public */
export type ListIncidentsOptions = {
  since: Date;
  until: Date;
  /** Only these services (`service_ids[]`). */
  serviceIds?: string[];
};

type Page<K extends string, T> = { [key in K]: T[] } & {
  more?: boolean;
  offset?: number;
  limit?: number;
};

type Query = Array<[string, string]>;

const DAY_MS = 24 * 60 * 60 * 1000;

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Reads incidents and their log entries from one PagerDuty account, waiting
 * out rate limits and retrying transient failures; every other refusal is
 * a {@link PagerDutyApiError}.
 *
 * @public
 */
export class PagerDutyClient {
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly pageSize: number;

  constructor(private readonly options: PagerDutyClientOptions) {
    this.baseUrl = (options.baseUrl ?? PAGERDUTY_DEFAULT_BASE_URL).replace(
      /\/+$/,
      '',
    );
    this.fetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.pageSize = Math.max(
      1,
      Math.min(PAGERDUTY_MAX_PAGE_SIZE, options.pageSize ?? 100),
    );
  }

  /**
   * Incidents created in `[since, until)`, page by page, oldest first.
   * Reads in slices of at most 6 months; a slice holding more incidents than
   * pagination reaches (10,000) is continued from the creation time of the
   * last incident read, so no request passes the cap. Each incident is
   * yielded once.
   */
  async *listIncidents(
    options: ListIncidentsOptions,
  ): AsyncGenerator<PagerDutyIncident[]> {
    const sliceMs = this.options.sliceMs ?? 30 * DAY_MS;
    // Incidents created at the newest instant read so far: a continued or
    // next slice starts at that instant and would return them again.
    let newestAt = -Infinity;
    let idsAtNewest = new Set<string>();

    for (const slice of timeSlices(options.since, options.until, sliceMs)) {
      let since = slice.since;
      let offset = 0;
      for (;;) {
        if (offset + this.pageSize > PAGERDUTY_PAGINATION_CAP) {
          if (newestAt <= since.getTime()) {
            throw new PagerDutyApiError(
              'pagination-limit',
              `PagerDuty has more than ${PAGERDUTY_PAGINATION_CAP} incidents created at ${since.toISOString()}; they cannot all be read`,
              { path: '/incidents' },
            );
          }
          since = new Date(newestAt);
          offset = 0;
        }
        const query: Query = [
          ['since', since.toISOString()],
          ['until', slice.until.toISOString()],
          ['limit', String(this.pageSize)],
          ['offset', String(offset)],
          ['sort_by', 'created_at:asc'],
          ['time_zone', 'UTC'],
          ...(options.serviceIds ?? []).map(
            id => ['service_ids[]', id] as [string, string],
          ),
        ];
        const page = await this.getPage<'incidents', PagerDutyIncident>(
          '/incidents',
          query,
          'incidents',
        );
        const fresh: PagerDutyIncident[] = [];
        for (const incident of page.incidents) {
          const at = Date.parse(incident.created_at);
          if (at === newestAt && idsAtNewest.has(incident.id)) continue;
          if (at > newestAt) {
            newestAt = at;
            idsAtNewest = new Set();
          }
          if (at === newestAt) idsAtNewest.add(incident.id);
          fresh.push(incident);
        }
        if (fresh.length > 0) yield fresh;
        if (!page.more || page.incidents.length === 0) break;
        offset += this.pageSize;
      }
    }
  }

  /** Every log entry of one incident, oldest first as PagerDuty pages them. */
  async listIncidentLogEntries(
    incidentId: string,
  ): Promise<PagerDutyLogEntry[]> {
    return this.listAll<'log_entries', PagerDutyLogEntry>(
      `/incidents/${encodeURIComponent(incidentId)}/log_entries`,
      'log_entries',
      [['time_zone', 'UTC']],
    );
  }

  /**
   * Every service of the account with its integrations (`GET /services`
   * with `include[]=integrations`), for the `pagerduty.com/integration-key`
   * annotation: an integration key names an integration of one service.
   */
  async listServices(): Promise<PagerDutyService[]> {
    return this.listAll<'services', PagerDutyService>('/services', 'services', [
      ['include[]', 'integrations'],
    ]);
  }

  /** Acknowledge, resolve and escalation times from the incident's log entries. */
  async getIncidentTimeline(incidentId: string): Promise<IncidentTimeline> {
    return incidentTimelineOf(await this.listIncidentLogEntries(incidentId));
  }

  /** Every user of the account (`GET /users`), for {@link HandledByResolver}. */
  async listUsers(): Promise<PagerDutyUser[]> {
    return this.listAll<'users', PagerDutyUser>('/users', 'users', []);
  }

  /** All pages of a classic-paginated list (at most 10,000 items). */
  private async listAll<K extends string, T>(
    path: string,
    key: K,
    query: Query,
  ): Promise<T[]> {
    const items: T[] = [];
    for (
      let offset = 0;
      offset + this.pageSize <= PAGERDUTY_PAGINATION_CAP;
      offset += this.pageSize
    ) {
      const page = await this.getPage<K, T>(
        path,
        [
          ...query,
          ['limit', String(this.pageSize)],
          ['offset', String(offset)],
        ],
        key,
      );
      items.push(...page[key]);
      if (!page.more || page[key].length === 0) break;
    }
    return items;
  }

  private async getPage<K extends string, T>(
    path: string,
    query: Query,
    key: K,
  ): Promise<Page<K, T>> {
    const body = await this.get(path, query);
    const list = (body as Record<string, unknown> | null)?.[key];
    if (!Array.isArray(list)) {
      throw new PagerDutyApiError(
        'invalid-response',
        `PagerDuty GET ${path} answered without a "${key}" list`,
        { path },
      );
    }
    return body as Page<K, T>;
  }

  /** One GET, with rate limits waited out and transient failures retried. */
  private async get(path: string, query: Query): Promise<unknown> {
    const search = new URLSearchParams(query).toString();
    const pathAndQuery = search ? `${path}?${search}` : path;
    const headers = {
      Authorization: `Token token=${this.options.token}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
    };
    const maxRetries = this.options.maxRetries ?? 4;
    const maxRateLimitWaits = this.options.maxRateLimitWaits ?? 10;
    let retries = 0;
    let rateLimitWaits = 0;

    for (;;) {
      let response: FetchLikeResponse;
      try {
        response = await this.fetch(`${this.baseUrl}${pathAndQuery}`, {
          method: 'GET',
          headers,
        });
      } catch (error) {
        if (retries >= maxRetries) {
          throw new PagerDutyApiError(
            'network',
            `PagerDuty GET ${path} could not be reached: ${String(error)}`,
            { path: pathAndQuery },
          );
        }
        await this.wait(backoffDelayMs(retries++, this.options.backoff), path);
        continue;
      }

      const text = await response.text();
      const { status } = response;
      if (status >= 200 && status < 300) {
        try {
          return JSON.parse(text);
        } catch {
          throw new PagerDutyApiError(
            'invalid-response',
            `PagerDuty GET ${path} answered ${status} with a body that is not JSON`,
            { path: pathAndQuery, status },
          );
        }
      }
      if (status === 429 && rateLimitWaits < maxRateLimitWaits) {
        const delay = rateLimitDelayMs(
          response.headers,
          rateLimitWaits++,
          this.now(),
          this.options.backoff,
        );
        await this.wait(delay, path, 'rate limited');
        continue;
      }
      if ((status >= 500 || status === 408) && retries < maxRetries) {
        await this.wait(
          backoffDelayMs(retries++, this.options.backoff),
          path,
          `answered ${status}`,
        );
        continue;
      }
      throw this.errorOf(status, text, pathAndQuery, path);
    }
  }

  private async wait(ms: number, path: string, why = 'unreachable') {
    this.options.logger?.warn(
      `PagerDuty GET ${path} ${why}; trying again in ${Math.round(ms)} ms`,
    );
    await this.sleep(ms);
  }

  private errorOf(
    status: number,
    text: string,
    pathAndQuery: string,
    path: string,
  ): PagerDutyApiError {
    const body = readErrorBody(text);
    const kind = errorKindOfStatus(status);
    const what = [
      body.message,
      body.code !== undefined && `code ${body.code}`,
      ...(body.errors ?? []),
    ]
      .filter(Boolean)
      .join('; ');
    return new PagerDutyApiError(
      kind,
      `PagerDuty GET ${path} answered ${status}${what ? ` (${what})` : ''}`,
      {
        path: pathAndQuery,
        status,
        ...(body.code !== undefined && { code: body.code }),
        ...(body.errors && { errors: body.errors }),
      },
    );
  }
}
