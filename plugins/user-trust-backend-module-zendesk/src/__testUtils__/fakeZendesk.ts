/*
 * A fake Zendesk Support API over HTTP for tests, implementing the public
 * contract the connector relies on:
 *
 * - `GET /api/v2/incremental/tickets/cursor.json`: `start_time` (Unix
 *   seconds) on the first request, then `cursor` (an `after_cursor`);
 *   tickets ordered by `updated_at`, then id; `after_cursor`, `after_url`,
 *   `end_of_stream`; sideloads `users`, `organizations`, `metric_sets` with
 *   `include`; 400 without either parameter or with an unknown cursor;
 * - `GET /api/v2/tickets/{id}.json`: 404 `RecordNotFound` when absent;
 * - `GET /api/v2/tickets/show_many.json?ids=`: up to 100 comma-separated
 *   ids (400 beyond), the tickets found (absent ones left out), sideloads;
 * - `GET /api/v2/guide/survey_responses`: customizable CSAT survey
 *   responses, filters `filter[created_at_start]`/`filter[created_at_end]`
 *   (Unix seconds, inclusive), `filter[subject_zrns]`,
 *   `filter[responder_ids]`; cursor pagination `page[size]` (default and
 *   most 100), `page[after]`, answered with `meta.has_more`,
 *   `meta.after_cursor`, `meta.before_cursor`, `links.next`, `links.prev`;
 *   ordered by creation (the rating answer's `created_at`), then id;
 * - basic auth `{email}/token:{apiToken}` or an OAuth bearer, else 401
 *   `Couldn't authenticate you`;
 * - 429 with `Retry-After` (seconds) when told to, or when more export
 *   requests than the limit arrive within a minute.
 */
import { createHmac } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import {
  ZendeskOrganization,
  ZendeskSurveyResponse,
  ZendeskTicket,
  ZendeskTicketMetricSet,
  ZendeskUser,
} from '../client/types';

export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
};

const encodeCursor = (position: { t: number; id: number }) =>
  Buffer.from(JSON.stringify(position)).toString('base64url');

function decodeCursor(cursor: string): { t: number; id: number } | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof value?.t === 'number' && typeof value?.id === 'number'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export class FakeZendesk {
  readonly tickets: ZendeskTicket[] = [];
  readonly users: ZendeskUser[] = [];
  readonly organizations: ZendeskOrganization[] = [];
  readonly metricSets: ZendeskTicketMetricSet[] = [];
  readonly surveyResponses: ZendeskSurveyResponse[] = [];
  readonly requests: FakeRequest[] = [];
  readonly email = 'agent@example.com';
  readonly apiToken = 'api-token-test';
  readonly oauthToken = 'oauth-token-test';
  /** Tickets a page holds (Zendesk: 1,000). */
  pageSize = 1000;
  /** Export requests allowed in a rolling minute; 0: no limit. */
  exportRequestsPerMinute = 0;
  private exportTimes: number[] = [];
  private queued: Array<{
    status: number;
    retryAfter?: string;
    body?: string;
  }> = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeZendesk> {
    const holder: { fake?: FakeZendesk } = {};
    const server = createServer((req, res) => holder.fake!.handle(req, res));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeZendesk(server, `http://127.0.0.1:${port}`);
    return holder.fake;
  }

  async stop() {
    const closed = new Promise<void>(resolve =>
      this.server.close(() => resolve()),
    );
    this.server.closeAllConnections();
    await closed;
  }

  /** The next requests answer these statuses (e.g. 429 with Retry-After, 500, garbage). */
  failNext(
    ...answers: Array<{ status: number; retryAfter?: string; body?: string }>
  ) {
    this.queued.push(...answers);
  }

  /** Adds or replaces tickets (by id), as an update in Zendesk would. */
  upsertTickets(...tickets: ZendeskTicket[]) {
    for (const ticket of tickets) {
      const at = this.tickets.findIndex(
        t => String(t.id) === String(ticket.id),
      );
      if (at >= 0) this.tickets[at] = ticket;
      else this.tickets.push(ticket);
    }
  }

  /** Adds or replaces survey responses (by id), as a responder's edit would. */
  upsertSurveyResponses(...responses: ZendeskSurveyResponse[]) {
    for (const response of responses) {
      const at = this.surveyResponses.findIndex(r => r.id === response.id);
      if (at >= 0) this.surveyResponses[at] = response;
      else this.surveyResponses.push(response);
    }
  }

  surveyRequests() {
    return this.requests.filter(
      r => r.path === '/api/v2/guide/survey_responses',
    );
  }

  exportRequests() {
    return this.requests.filter(r => r.path.startsWith('/api/v2/incremental/'));
  }

  private authorized(header?: string) {
    const basic = Buffer.from(`${this.email}/token:${this.apiToken}`).toString(
      'base64',
    );
    return (
      header === `Basic ${basic}` || header === `Bearer ${this.oauthToken}`
    );
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers = {},
  ) {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    };
    this.requests.push(request);
    const queued = this.queued.shift();
    if (queued) {
      res.writeHead(queued.status, {
        'Content-Type': 'application/json',
        ...(queued.retryAfter && { 'Retry-After': queued.retryAfter }),
      });
      res.end(
        queued.body ?? JSON.stringify({ error: `status ${queued.status}` }),
      );
      return;
    }
    if (!this.authorized(request.authorization)) {
      this.send(res, 401, { error: "Couldn't authenticate you" });
      return;
    }
    if (url.pathname === '/api/v2/incremental/tickets/cursor.json') {
      this.exportPage(url, res);
      return;
    }
    if (url.pathname === '/api/v2/guide/survey_responses') {
      this.surveyPage(url, res);
      return;
    }
    if (/^\/api\/v2\/tickets\/show_many(\.json)?$/.test(url.pathname)) {
      const ids = (url.searchParams.get('ids') ?? '')
        .split(',')
        .filter(id => id !== '');
      if (ids.length === 0 || ids.length > 100) {
        this.send(res, 400, {
          error: 'InvalidValue',
          description: 'ids: between 1 and 100 ids',
        });
        return;
      }
      const found = this.tickets.filter(t => ids.includes(String(t.id)));
      this.send(res, 200, {
        tickets: found,
        ...this.sideloads(found, url.searchParams.get('include')),
      });
      return;
    }
    const show = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(url.pathname);
    if (show) {
      const ticket = this.tickets.find(t => String(t.id) === show[1]);
      if (!ticket) {
        this.send(res, 404, {
          error: 'RecordNotFound',
          description: 'Not found',
        });
        return;
      }
      this.send(res, 200, {
        ticket,
        ...this.sideloads([ticket], url.searchParams.get('include')),
      });
      return;
    }
    this.send(res, 404, { error: 'InvalidEndpoint', description: 'Not found' });
  }

  private sideloads(tickets: ZendeskTicket[], include: string | null) {
    const wanted = new Set((include ?? '').split(','));
    const ids = (key: 'assignee_id' | 'organization_id') =>
      new Set(tickets.map(t => String(t[key])));
    const ticketIds = new Set(tickets.map(t => String(t.id)));
    return {
      ...(wanted.has('users') && {
        users: this.users.filter(u => ids('assignee_id').has(String(u.id))),
      }),
      ...(wanted.has('organizations') && {
        organizations: this.organizations.filter(o =>
          ids('organization_id').has(String(o.id)),
        ),
      }),
      ...(wanted.has('metric_sets') && {
        metric_sets: this.metricSets.filter(m =>
          ticketIds.has(String(m.ticket_id)),
        ),
      }),
    };
  }

  private surveyPage(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const epoch = (name: string) => {
      const value = q.get(name);
      return value && /^\d+$/.test(value) ? Number(value) : undefined;
    };
    const start = epoch('filter[created_at_start]');
    const end = epoch('filter[created_at_end]');
    const list = (name: string) =>
      q.get(name)?.split(',').filter(Boolean) ?? undefined;
    const zrns = list('filter[subject_zrns]');
    const responders = list('filter[responder_ids]');
    const size = Number(q.get('page[size]') ?? 100);
    if (!Number.isInteger(size) || size < 1 || size > 100) {
      this.send(res, 400, {
        errors: [{ code: 'InvalidPaginationParameter', title: 'page[size]' }],
      });
      return;
    }
    const createdAt = (r: ZendeskSurveyResponse) =>
      seconds(
        (r.answers ?? []).find(a => a?.created_at)?.created_at ??
          '1970-01-01T00:00:00Z',
      );
    const ordered = this.surveyResponses
      .filter(r => start === undefined || createdAt(r) >= start)
      .filter(r => end === undefined || createdAt(r) <= end)
      .filter(
        r =>
          !zrns ||
          (r.subjects ?? []).some(s => zrns.includes(String(s.zrn))) ||
          (r.subject_zrns ?? []).some(z => zrns.includes(z)),
      )
      .filter(r => !responders || responders.includes(String(r.responder_id)))
      .map(r => ({ t: createdAt(r), id: r.id, response: r }))
      .sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));
    let rest = ordered;
    const afterParam = q.get('page[after]');
    if (afterParam) {
      let after: { t: number; id: string } | undefined;
      try {
        after = JSON.parse(Buffer.from(afterParam, 'base64url').toString());
      } catch {
        after = undefined;
      }
      if (typeof after?.t !== 'number' || typeof after?.id !== 'string') {
        this.send(res, 400, {
          errors: [
            { code: 'InvalidPaginationParameter', title: 'page[after]' },
          ],
        });
        return;
      }
      const a = after;
      rest = ordered.filter(
        o => o.t > a.t || (o.t === a.t && o.id.localeCompare(a.id) > 0),
      );
    }
    const page = rest.slice(0, size);
    const cursorOf = (o?: { t: number; id: string }) =>
      o
        ? Buffer.from(JSON.stringify({ t: o.t, id: o.id })).toString(
            'base64url',
          )
        : null;
    const hasMore = rest.length > size;
    const afterCursor = cursorOf(page[page.length - 1]);
    const next = new URL(url.toString());
    if (afterCursor) next.searchParams.set('page[after]', afterCursor);
    this.send(res, 200, {
      survey_responses: page.map(p => p.response),
      meta: {
        has_more: hasMore,
        after_cursor: afterCursor,
        before_cursor: cursorOf(page[0]),
      },
      links: {
        next: hasMore ? next.toString() : null,
        prev: null,
      },
    });
  }

  private exportPage(url: URL, res: ServerResponse) {
    if (this.exportRequestsPerMinute > 0) {
      const now = Date.now();
      this.exportTimes = this.exportTimes.filter(t => now - t < 60_000);
      if (this.exportTimes.length >= this.exportRequestsPerMinute) {
        const retryAfter = Math.ceil(
          (this.exportTimes[0] + 60_000 - now) / 1000,
        );
        this.send(
          res,
          429,
          { error: 'APIRateLimitExceeded' },
          { 'Retry-After': String(retryAfter) },
        );
        return;
      }
      this.exportTimes.push(now);
    }
    const cursorParam = url.searchParams.get('cursor');
    const startTime = url.searchParams.get('start_time');
    let after: { t: number; id: number };
    if (cursorParam) {
      const decoded = decodeCursor(cursorParam);
      if (!decoded) {
        this.send(res, 400, {
          error: 'InvalidCursor',
          description: 'Invalid cursor',
        });
        return;
      }
      after = decoded;
    } else if (startTime && /^\d+$/.test(startTime)) {
      after = { t: Number(startTime), id: -1 };
    } else {
      this.send(res, 400, {
        error: 'InvalidValue',
        description: 'start_time or cursor is required',
      });
      return;
    }
    const ordered = this.tickets
      .map(t => ({
        t: seconds(t.updated_at ?? t.created_at),
        id: Number(t.id),
        ticket: t,
      }))
      .sort((a, b) => a.t - b.t || a.id - b.id);
    const rest = ordered.filter(
      o =>
        o.t > after.t ||
        (o.t === after.t && o.id > after.id) ||
        (!cursorParam && o.t === after.t),
    );
    const page = rest.slice(0, this.pageSize);
    const last = page[page.length - 1];
    const afterCursor = encodeCursor(last ? { t: last.t, id: last.id } : after);
    this.send(res, 200, {
      tickets: page.map(p => p.ticket),
      after_url: `${this.baseUrl}/api/v2/incremental/tickets/cursor.json?cursor=${afterCursor}`,
      after_cursor: afterCursor,
      before_url: null,
      before_cursor: null,
      end_of_stream: rest.length <= this.pageSize,
      ...this.sideloads(
        page.map(p => p.ticket),
        url.searchParams.get('include'),
      ),
    });
  }
}

/** A ticket as the REST API returns it. */
export function fakeTicket(
  options: Partial<ZendeskTicket> & { id: number; created_at: string },
): ZendeskTicket {
  return {
    url: `https://acme.zendesk.com/api/v2/tickets/${options.id}.json`,
    subject: `Ticket ${options.id}`,
    status: 'open',
    priority: 'normal',
    type: 'problem',
    updated_at: options.created_at,
    assignee_id: null,
    organization_id: null,
    group_id: null,
    tags: [],
    custom_fields: [],
    satisfaction_rating: null,
    via: { channel: 'email' },
    ...options,
  };
}

/** A ticket event webhook payload (`detail` ids as strings, as Zendesk sends). */
export function ticketEvent(options: {
  type: string;
  ticket: ZendeskTicket;
  time?: string;
  current?: unknown;
  previous?: unknown;
}) {
  const { ticket } = options;
  const str = (v: unknown) =>
    v === null || v === undefined ? null : String(v);
  return {
    type: `zen:event-type:ticket.${options.type}`,
    account_id: 12514403,
    id: `ev-${ticket.id}-${options.type}-${options.time ?? ticket.updated_at}`,
    time: options.time ?? ticket.updated_at,
    zendesk_event_version: '2022-11-06',
    subject: `zen:ticket:${ticket.id}`,
    detail: {
      id: String(ticket.id),
      actor_id: '1',
      assignee_id: str(ticket.assignee_id),
      brand_id: '1',
      created_at: ticket.created_at,
      updated_at: ticket.updated_at,
      description: 'Description',
      external_id: null,
      form_id: '1',
      group_id: str(ticket.group_id),
      is_public: true,
      organization_id: str(ticket.organization_id),
      priority: ticket.priority?.toUpperCase() ?? null,
      requester_id: '2',
      status: ticket.status?.toUpperCase() ?? null,
      subject: ticket.subject,
      submitter_id: '2',
      tags: ticket.tags ?? [],
      type: ticket.type?.toUpperCase() ?? null,
      via: { channel: ticket.via?.channel ?? 'web' },
    },
    event: {
      ...(options.current !== undefined && { current: options.current }),
      ...(options.previous !== undefined && { previous: options.previous }),
      meta: { sequence: { id: 'seq-1', position: 1, total: 1 } },
    },
  };
}

/**
 * A delivery signed as Zendesk signs it:
 * base64(HMAC-SHA256(secret, timestamp + body)), timestamp ISO 8601.
 */
export function signedDelivery(
  payload: unknown,
  secret: string,
  options: { timestamp?: string; body?: string } = {},
) {
  const body = options.body ?? JSON.stringify(payload);
  const timestamp = options.timestamp ?? new Date().toISOString();
  const signature = createHmac('sha256', secret)
    .update(timestamp + body)
    .digest('base64');
  return {
    rawBody: Buffer.from(body, 'utf8'),
    headers: {
      'content-type': 'application/json',
      'x-zendesk-webhook-id': '01HZZZZZZZZZZZZZZZZZZZZZZZ',
      'x-zendesk-webhook-invocation-id': '123456',
      'x-zendesk-webhook-signature': signature,
      'x-zendesk-webhook-signature-timestamp': timestamp,
    } as Record<string, string>,
  };
}

/**
 * A customizable CSAT survey response about a ticket, shaped as Zendesk
 * lists it: a `rating_scale` answer to the `customer_satisfaction`
 * question (with its options, 1 to `scale`), then a skipped comment.
 */
export function fakeSurveyResponse(options: {
  id: string;
  ticketId: number;
  rating: number;
  scale: 2 | 3 | 5;
  createdAt: string;
  updatedAt?: string;
  expiresAt?: string;
  /** False: the answer's question carries no options. */
  withOptions?: boolean;
}): ZendeskSurveyResponse {
  const labels: Record<number, string[]> = {
    2: ['Bad', 'Good'],
    3: ['Unsatisfied', 'Neutral', 'Satisfied'],
    5: [
      'Very unsatisfied',
      'Unsatisfied',
      'Neutral',
      'Satisfied',
      'Very satisfied',
    ],
  };
  const updatedAt = options.updatedAt ?? options.createdAt;
  return {
    id: options.id,
    answers: [
      {
        type: 'rating_scale',
        rating: options.rating,
        rating_category:
          options.rating > (options.scale === 5 ? 3 : options.scale - 1)
            ? 'good'
            : 'bad',
        question: {
          id: '01GFYBENPDGN1R6NAA4WRDNVFR',
          type: 'rating_scale_numeric',
          sub_type: 'customer_satisfaction',
          ...(options.withOptions !== false && {
            options: labels[options.scale].map((label, i) => ({
              rating: i + 1,
              label: { type: 'static', value: label },
            })),
          }),
        },
        created_at: options.createdAt,
        updated_at: updatedAt,
      },
      {
        type: 'skipped',
        question: {
          id: '01JQ6E6V6SQ9P0KB16GFZN61VK',
          type: 'open_ended',
          alias: 'comment',
        },
        created_at: options.createdAt,
        updated_at: options.createdAt,
      },
    ],
    expires_at:
      options.expiresAt ??
      new Date(Date.parse(options.createdAt) + 7 * 86_400_000).toISOString(),
    responder_id: 4398080151295,
    subject_zrns: [`zen:ticket:${options.ticketId}`],
    subjects: [
      {
        id: String(options.ticketId),
        type: 'ticket',
        zrn: `zen:ticket:${options.ticketId}`,
      },
    ],
    survey: { id: '01J58KJ9RAE0D2EK7HRVM7Z8F2', version: 3, state: 'enabled' },
  };
}
