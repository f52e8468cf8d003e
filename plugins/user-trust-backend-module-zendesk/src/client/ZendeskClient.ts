import { LoggerService } from '@backstage/backend-plugin-api';
import { ZendeskApiError } from './ZendeskApiError';
import {
  ZendeskOrganization,
  ZendeskSideloads,
  ZendeskSurveyResponse,
  ZendeskSurveyResponsePage,
  ZendeskTicket,
  ZendeskTicketExportPage,
  ZendeskTicketMetricSet,
  ZendeskUser,
} from './types';

/** The subset of `fetch`'s response the client reads. @public */
export type ZendeskFetchResponse = {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
};

/** A `fetch`, replaceable in tests. @public */
export type ZendeskFetch = (
  url: string,
  init: {
    method: 'GET';
    headers: Record<string, string>;
    signal?: AbortSignal;
  },
) => Promise<ZendeskFetchResponse>;

/**
 * How a Zendesk account is signed in to: an API token of an agent
 * (`{email}/token:{apiToken}` in basic auth) or an OAuth access token
 * (bearer).
 *
 * @public
 */
export type ZendeskCredentials =
  | { type: 'apiToken'; email: string; apiToken: string }
  | { type: 'oauth'; accessToken: string };

/** @public */
export type ZendeskClientOptions = {
  /** `https://{subdomain}.zendesk.com`, or a host of one's own. */
  baseUrl: string;
  credentials: ZendeskCredentials;
  /**
   * Requests a minute to the incremental export. Zendesk allows 10 (30
   * with the High Volume API add-on); 0 turns the pacing off (tests).
   */
  exportRequestsPerMinute?: number;
  /** Attempts after a 429, 5xx or network failure. Default 5. */
  maxRetries?: number;
  /** Longest wait of one retry, in ms. Default 120,000. */
  maxRetryDelayMs?: number;
  fetch?: ZendeskFetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  logger?: LoggerService;
};

/** Tickets a page of the export holds at most (Zendesk: 1,000). @public */
export const ZENDESK_EXPORT_PAGE_SIZE = 1000;

const EXPORT_PATH = '/api/v2/incremental/tickets/cursor.json';
const SIDELOADS = 'users,organizations,metric_sets';
const SURVEY_RESPONSES_PATH = '/api/v2/guide/survey_responses';
const SHOW_MANY_PATH = '/api/v2/tickets/show_many.json';

/** Survey responses a page holds (`page[size]`, at most 100). @public */
export const ZENDESK_SURVEY_PAGE_SIZE = 100;

/** Tickets one `show_many` request reads at most (Zendesk: 100). @public */
export const ZENDESK_SHOW_MANY_LIMIT = 100;

function abortError() {
  const error = new Error('The request was aborted');
  error.name = 'AbortError';
  return error;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Seconds of a `Retry-After` header (Zendesk sends seconds; an HTTP date
 * is read too), in ms; undefined when absent or unreadable.
 *
 * @public
 */
export function retryAfterMs(
  header: string | null,
  now: number,
): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const key = (id: number | string | null | undefined) =>
  id === null || id === undefined ? undefined : String(id);

function indexBy<T>(items: unknown, id: (item: T) => unknown): Map<string, T> {
  const map = new Map<string, T>();
  if (!Array.isArray(items)) return map;
  for (const item of items as T[]) {
    const k = key(id(item) as string);
    if (k) map.set(k, item);
  }
  return map;
}

function sideloadsOf(body: Record<string, unknown>): ZendeskSideloads {
  return {
    users: indexBy<ZendeskUser>(body.users, u => u.id),
    organizations: indexBy<ZendeskOrganization>(body.organizations, o => o.id),
    metricSets: indexBy<ZendeskTicketMetricSet>(
      body.metric_sets,
      m => m.ticket_id,
    ),
  };
}

/**
 * A client of the Zendesk Support API for what the connector reads: the
 * cursor-based incremental ticket export and single tickets. It paces the
 * export to its rate limit, waits the `Retry-After` of a 429, retries 5xx
 * and network failures with a backoff, and never retries a 401 or 403.
 *
 * @public
 */
export class ZendeskClient {
  readonly baseUrl: string;
  private readonly options: ZendeskClientOptions;
  private readonly fetch: ZendeskFetch;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private lastExportAt?: number;

  constructor(options: ZendeskClientOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch =
      options.fetch ?? ((url, init) => globalThis.fetch(url, init as any));
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /**
   * One page of the incremental ticket export: from `startTime` (Unix
   * seconds) on the first request, then from the `cursor` of the page
   * before (its `after_cursor`).
   */
  async exportTickets(
    from: { startTime: number } | { cursor: string },
    options: { signal?: AbortSignal } = {},
  ): Promise<ZendeskTicketExportPage> {
    const query = new URLSearchParams();
    if ('cursor' in from) query.set('cursor', from.cursor);
    else query.set('start_time', String(Math.floor(from.startTime)));
    query.set('include', SIDELOADS);
    await this.paceExport(options.signal);
    const body = await this.get(EXPORT_PATH, query, options.signal);
    if (
      !Array.isArray(body.tickets) ||
      typeof body.end_of_stream !== 'boolean'
    ) {
      throw new ZendeskApiError(
        `Zendesk ${EXPORT_PATH} answered without 'tickets' and 'end_of_stream'`,
        { kind: 'invalid-response', status: 200, path: EXPORT_PATH },
      );
    }
    const afterCursor =
      typeof body.after_cursor === 'string' && body.after_cursor
        ? body.after_cursor
        : undefined;
    return {
      tickets: body.tickets as ZendeskTicket[],
      sideloads: sideloadsOf(body),
      ...(afterCursor && { afterCursor }),
      endOfStream: body.end_of_stream,
    };
  }

  /** One ticket with its assignee, organization and metrics; undefined when gone (404). */
  async getTicket(
    id: string,
    options: {
      signal?: AbortSignal;
      /**
       * Retries of this request, fewer than the client's for a caller that
       * must answer quickly (a webhook: Zendesk waits only seconds).
       */
      retries?: { maxRetries?: number; maxRetryDelayMs?: number };
    } = {},
  ): Promise<
    { ticket: ZendeskTicket; sideloads: ZendeskSideloads } | undefined
  > {
    const path = `/api/v2/tickets/${encodeURIComponent(id)}.json`;
    const query = new URLSearchParams({ include: SIDELOADS });
    try {
      const body = await this.get(path, query, options.signal, options.retries);
      const ticket = body.ticket as ZendeskTicket | undefined;
      if (!ticket || typeof ticket !== 'object' || ticket.id === undefined) {
        throw new ZendeskApiError(`Zendesk ${path} answered without 'ticket'`, {
          kind: 'invalid-response',
          status: 200,
          path,
        });
      }
      return { ticket, sideloads: sideloadsOf(body) };
    } catch (error) {
      if (error instanceof ZendeskApiError && error.status === 404) {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * One page of the customizable CSAT survey responses created since
   * `createdAtStart` (Unix seconds, `filter[created_at_start]`), the first
   * page without `cursor`, the next ones with the `meta.after_cursor` of
   * the page before (`page[after]`).
   */
  async listSurveyResponses(
    from: { createdAtStart: number; cursor?: string },
    options: { signal?: AbortSignal } = {},
  ): Promise<ZendeskSurveyResponsePage> {
    const path = SURVEY_RESPONSES_PATH;
    const query = new URLSearchParams();
    query.set(
      'filter[created_at_start]',
      String(Math.floor(from.createdAtStart)),
    );
    query.set('page[size]', String(ZENDESK_SURVEY_PAGE_SIZE));
    if (from.cursor) query.set('page[after]', from.cursor);
    const body = await this.get(path, query, options.signal);
    const meta = body.meta as Record<string, unknown> | undefined;
    if (
      !Array.isArray(body.survey_responses) ||
      !meta ||
      typeof meta !== 'object' ||
      typeof meta.has_more !== 'boolean'
    ) {
      throw new ZendeskApiError(
        `Zendesk ${path} answered without 'survey_responses' and 'meta.has_more'`,
        { kind: 'invalid-response', status: 200, path },
      );
    }
    const afterCursor =
      typeof meta.after_cursor === 'string' && meta.after_cursor
        ? meta.after_cursor
        : undefined;
    return {
      responses: (body.survey_responses as ZendeskSurveyResponse[]).filter(
        r => r && typeof r === 'object' && typeof r.id === 'string',
      ),
      ...(afterCursor && { afterCursor }),
      hasMore: meta.has_more,
    };
  }

  /**
   * Tickets by id with their sideloads, read `ZENDESK_SHOW_MANY_LIMIT` at a
   * time (`GET /api/v2/tickets/show_many.json?ids=`). Tickets that are gone
   * are simply absent.
   */
  async getTickets(
    ids: string[],
    options: { signal?: AbortSignal } = {},
  ): Promise<Array<{ ticket: ZendeskTicket; sideloads: ZendeskSideloads }>> {
    const unique = [...new Set(ids)];
    const read: Array<{ ticket: ZendeskTicket; sideloads: ZendeskSideloads }> =
      [];
    for (let at = 0; at < unique.length; at += ZENDESK_SHOW_MANY_LIMIT) {
      const query = new URLSearchParams({
        ids: unique.slice(at, at + ZENDESK_SHOW_MANY_LIMIT).join(','),
        include: SIDELOADS,
      });
      const body = await this.get(SHOW_MANY_PATH, query, options.signal);
      if (!Array.isArray(body.tickets)) {
        throw new ZendeskApiError(
          `Zendesk ${SHOW_MANY_PATH} answered without 'tickets'`,
          { kind: 'invalid-response', status: 200, path: SHOW_MANY_PATH },
        );
      }
      const sideloads = sideloadsOf(body);
      for (const ticket of body.tickets as ZendeskTicket[]) {
        if (ticket && typeof ticket === 'object' && ticket.id !== undefined) {
          read.push({ ticket, sideloads });
        }
      }
    }
    return read;
  }

  private async paceExport(signal?: AbortSignal) {
    const perMinute = this.options.exportRequestsPerMinute ?? 10;
    if (perMinute > 0 && this.lastExportAt !== undefined) {
      const wait = this.lastExportAt + 60_000 / perMinute - this.now();
      if (wait > 0) await this.sleep(wait, signal);
    }
    this.lastExportAt = this.now();
  }

  private authorization(): string {
    const { credentials } = this.options;
    if (credentials.type === 'oauth')
      return `Bearer ${credentials.accessToken}`;
    const basic = Buffer.from(
      `${credentials.email}/token:${credentials.apiToken}`,
    ).toString('base64');
    return `Basic ${basic}`;
  }

  private async get(
    path: string,
    query: URLSearchParams,
    signal?: AbortSignal,
    retries: { maxRetries?: number; maxRetryDelayMs?: number } = {},
  ): Promise<Record<string, unknown>> {
    const maxRetries = retries.maxRetries ?? this.options.maxRetries ?? 5;
    const maxDelay =
      retries.maxRetryDelayMs ?? this.options.maxRetryDelayMs ?? 120_000;
    const url = `${this.baseUrl}${path}?${query}`;
    for (let attempt = 0; ; attempt += 1) {
      if (signal?.aborted) throw abortError();
      let response: ZendeskFetchResponse;
      try {
        response = await this.fetch(url, {
          method: 'GET',
          headers: {
            Accept: 'application/json',
            Authorization: this.authorization(),
          },
          signal,
        });
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') throw error;
        if (attempt >= maxRetries) {
          throw new ZendeskApiError(
            `Zendesk ${path} could not be reached: ${
              (error as Error)?.message ?? error
            }`,
            { kind: 'network', path },
          );
        }
        await this.sleep(Math.min(maxDelay, 1000 * 2 ** attempt), signal);
        continue;
      }

      const { status } = response;
      if (status === 200) {
        const text = await response.text();
        try {
          const body = JSON.parse(text);
          if (body && typeof body === 'object' && !Array.isArray(body)) {
            return body;
          }
        } catch {
          // reported below
        }
        throw new ZendeskApiError(
          `Zendesk ${path} answered 200 with no JSON object`,
          {
            kind: 'invalid-response',
            status,
            path,
          },
        );
      }
      if (status === 401 || status === 403) {
        throw new ZendeskApiError(
          `Zendesk ${path} refused the credentials (${status}): check userTrust.zendesk email and apiToken, or oauthToken, and that the user is an agent or admin`,
          { kind: 'auth', status, path },
        );
      }
      if (status === 429 || status >= 500) {
        const wait =
          retryAfterMs(response.headers.get('retry-after'), this.now()) ??
          1000 * 2 ** attempt;
        if (attempt >= maxRetries || wait > maxDelay) {
          throw new ZendeskApiError(
            status === 429
              ? `Zendesk ${path} is rate limited (429, Retry-After ${
                  response.headers.get('retry-after') ?? 'absent'
                }) after ${attempt + 1} attempt(s)`
              : `Zendesk ${path} answered ${status} after ${
                  attempt + 1
                } attempt(s)`,
            { kind: status === 429 ? 'rate-limited' : 'server', status, path },
          );
        }
        this.options.logger?.info(
          `Zendesk ${path} answered ${status}; retrying in ${Math.round(
            wait / 1000,
          )} s`,
        );
        await this.sleep(wait, signal);
        continue;
      }
      throw new ZendeskApiError(`Zendesk ${path} answered ${status}`, {
        kind: 'client',
        status,
        path,
      });
    }
  }
}
