import { LoggerService } from '@backstage/backend-plugin-api';
import { StatuspageComponent, StatuspageIncident } from '../incidents/types';
import {
  StatuspageApiError,
  statuspageErrorKind,
  statuspageErrorMessage,
} from './StatuspageApiError';
import {
  exponentialDelayMs,
  retryAfterDelayMs,
  StatuspageRetryOptions,
} from './waits';

/**
 * A client of the Statuspage REST API for one page.
 *
 * Contract (developer.statuspage.io, API reference as published in
 * Statuspage's OpenAPI document; "Incidents", "Components"):
 * - base `https://api.statuspage.io/v1`, header `Authorization: OAuth <api key>`;
 * - `GET /pages/{page_id}/incidents` takes `limit` ("The default and
 *   maximum limit is 100") and `page` (page offset, from 1) and answers a
 *   JSON array of incidents, no envelope: the end is a page shorter than
 *   `limit`;
 * - `GET /pages/{page_id}/incidents/scheduled` (scheduled maintenances) and
 *   `GET /pages/{page_id}/components` take `page` and `per_page`
 *   (default 100) and answer arrays likewise;
 * - errors carry `{ "message": ... }`.
 * Rate limits and their waits: see `waits.ts`.
 */

/** The default API base. @public */
export const STATUSPAGE_DEFAULT_BASE_URL = 'https://api.statuspage.io/v1';

/** The largest page of `GET /pages/{page_id}/incidents`. @public */
export const STATUSPAGE_MAX_PAGE_SIZE = 100;

/** The part of an HTTP answer the client reads (a `fetch` Response has it). @public */
export type StatuspageFetchResponse = {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
};

/** A `fetch`-like function; the global `fetch` is one. @public */
export type StatuspageFetch = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string> },
) => Promise<StatuspageFetchResponse>;

/** @public */
export type StatuspageClientOptions = {
  /** The page (its id, as in the page's API info). */
  pageId: string;
  /** API key of a user of the page's organization. */
  apiKey: string;
  /** Default `https://api.statuspage.io/v1`. */
  baseUrl?: string;
  /** Default: the global `fetch`. */
  fetch?: StatuspageFetch;
  logger?: Pick<LoggerService, 'warn'>;
  /** Waits; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock, in ms since the epoch. */
  now?: () => number;
  retry?: StatuspageRetryOptions;
  /** Items per page, 1 to 100. Default 100. */
  pageSize?: number;
  /**
   * Least time between two requests, so a backfill stays within the 60
   * paginated requests a minute Statuspage allows. Default 1,000 ms.
   */
  minRequestIntervalMs?: number;
};

/** @public */
export type ListStatuspageIncidentsOptions = {
  /**
   * Stop at the first page of results whose incidents were all created
   * before this time (it is not yielded). Statuspage lists incidents newest
   * first; without it, every incident of the page is read.
   */
  createdSince?: Date;
};

// A server that ignores `page` would answer page 1 forever; no page holds
// this many incidents in practice.
const MAX_PAGES = 10_000;

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Reads one page's incidents, scheduled maintenances and components,
 * waiting out rate limits and retrying transient failures; any other
 * refusal is a {@link StatuspageApiError}.
 *
 * @public
 */
export class StatuspageClient {
  readonly pageId: string;
  private readonly baseUrl: string;
  private readonly fetch: StatuspageFetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly pageSize: number;
  private lastRequestAt = -Infinity;

  constructor(private readonly options: StatuspageClientOptions) {
    this.pageId = options.pageId;
    this.baseUrl = (options.baseUrl ?? STATUSPAGE_DEFAULT_BASE_URL).replace(
      /\/+$/,
      '',
    );
    this.fetch =
      options.fetch ?? (globalThis.fetch as unknown as StatuspageFetch);
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.pageSize = Math.min(
      STATUSPAGE_MAX_PAGE_SIZE,
      Math.max(1, Math.floor(options.pageSize ?? STATUSPAGE_MAX_PAGE_SIZE)),
    );
  }

  /** Every incident and maintenance of the page, a page of results at a time. */
  async *listIncidents(
    options: ListStatuspageIncidentsOptions = {},
  ): AsyncGenerator<StatuspageIncident[]> {
    const since = options.createdSince?.getTime();
    for await (const incidents of this.pages<StatuspageIncident>(
      'incidents',
      'limit',
    )) {
      if (
        since !== undefined &&
        incidents.every(incident => Date.parse(incident.created_at) < since)
      ) {
        return;
      }
      yield incidents;
    }
  }

  /** The page's scheduled maintenances (`/incidents/scheduled`). */
  async *listScheduledMaintenances(): AsyncGenerator<StatuspageIncident[]> {
    yield* this.pages<StatuspageIncident>('incidents/scheduled', 'per_page');
  }

  /** Every component of the page, for names of unmapped components. */
  async listComponents(): Promise<StatuspageComponent[]> {
    const components: StatuspageComponent[] = [];
    for await (const page of this.pages<StatuspageComponent>(
      'components',
      'per_page',
    )) {
      components.push(...page);
    }
    return components;
  }

  private async *pages<T extends { id: string }>(
    resource: string,
    sizeParameter: 'limit' | 'per_page',
  ): AsyncGenerator<T[]> {
    const path = `/pages/${encodeURIComponent(this.pageId)}/${resource}`;
    const seen = new Set<string>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = new URLSearchParams({
        [sizeParameter]: String(this.pageSize),
        page: String(page),
      });
      const items = await this.getList<T>(path, query);
      const fresh = items.filter(item => !seen.has(item.id));
      fresh.forEach(item => seen.add(item.id));
      if (fresh.length > 0) yield fresh;
      // Shorter than asked is the last page; a page of nothing new means
      // the server does not page at all.
      if (items.length < this.pageSize || fresh.length === 0) return;
    }
  }

  private async getList<T>(path: string, query: URLSearchParams): Promise<T[]> {
    const pathAndQuery = `${path}?${query}`;
    const text = await this.get(pathAndQuery, path);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const valid =
      Array.isArray(body) &&
      body.every(
        item =>
          typeof item === 'object' &&
          item !== null &&
          typeof (item as { id?: unknown }).id === 'string',
      );
    if (!valid) {
      throw new StatuspageApiError(
        'invalid-response',
        `Statuspage GET ${path} answered with something other than a JSON list of objects with ids`,
        { pageId: this.pageId, path: pathAndQuery },
      );
    }
    return body as T[];
  }

  /** One GET, paced, with rate limits waited out and failures retried. */
  private async get(pathAndQuery: string, path: string): Promise<string> {
    const retry = this.options.retry ?? {};
    const maxRetries = retry.maxRetries ?? 4;
    const maxRateLimitWaits = retry.maxRateLimitWaits ?? 10;
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      await this.pace();
      let response: StatuspageFetchResponse;
      let text: string;
      try {
        response = await this.fetch(`${this.baseUrl}${pathAndQuery}`, {
          method: 'GET',
          headers: {
            Authorization: `OAuth ${this.options.apiKey}`,
            Accept: 'application/json',
          },
        });
        text = await response.text();
      } catch (error) {
        if (failures >= maxRetries) {
          throw new StatuspageApiError(
            'network',
            `Statuspage GET ${path} could not be reached: ${String(error)}`,
            { pageId: this.pageId, path: pathAndQuery },
          );
        }
        await this.backOff(
          exponentialDelayMs(failures++, retry),
          path,
          'unreachable',
        );
        continue;
      }

      const { status } = response;
      if (status >= 200 && status < 300) return text;
      if (
        (status === 429 || status === 420) &&
        rateLimited < maxRateLimitWaits
      ) {
        const delay = retryAfterDelayMs(
          response.headers.get('retry-after'),
          rateLimited++,
          this.now(),
          retry,
        );
        await this.backOff(delay, path, `rate limited (${status})`);
        continue;
      }
      if ((status >= 500 || status === 408) && failures < maxRetries) {
        await this.backOff(
          exponentialDelayMs(failures++, retry),
          path,
          `answered ${status}`,
        );
        continue;
      }
      const message = statuspageErrorMessage(text);
      throw new StatuspageApiError(
        statuspageErrorKind(status),
        `Statuspage GET ${path} answered ${status}${
          message ? ` (${message})` : ''
        }${status === 401 ? ': check the API key of this page' : ''}${
          status === 404 ? `: check the page id '${this.pageId}'` : ''
        }`,
        { pageId: this.pageId, path: pathAndQuery, status },
      );
    }
  }

  private async pace() {
    const interval = this.options.minRequestIntervalMs ?? 1000;
    const wait = this.lastRequestAt + interval - this.now();
    if (wait > 0) await this.sleep(wait);
    this.lastRequestAt = this.now();
  }

  private async backOff(ms: number, path: string, why: string) {
    this.options.logger?.warn(
      `Statuspage GET ${path} of page ${
        this.pageId
      } ${why}; trying again in ${Math.round(ms)} ms`,
    );
    await this.sleep(ms);
  }
}
