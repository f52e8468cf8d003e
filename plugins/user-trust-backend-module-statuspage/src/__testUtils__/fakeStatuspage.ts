/**
 * A fake Atlassian Statuspage for tests: an HTTP server on an ephemeral
 * port implementing the public contract of the REST API endpoints this
 * module reads, builders of incidents and webhook notifications in
 * Statuspage's shapes, a sender that posts notifications the way
 * Statuspage does, and a receiver standing in for the backend's route.
 * Written from Statuspage's documentation, not from the module's code.
 *
 * REST rules (developer.statuspage.io, API reference):
 * - base `/v1`; `Authorization: OAuth <api key>`, otherwise 401;
 * - `GET /pages/{page_id}/incidents`: `limit` (default and maximum 100) and
 *   `page` (from 1); a bare JSON array, newest first; a short page is the
 *   last;
 * - `GET /pages/{page_id}/incidents/scheduled` and `/components`: `page`
 *   and `per_page` (default 100);
 * - an unknown page is 404; errors are `{ "message": ... }`;
 * - over the rate limit: 429 (formerly 420) with `Retry-After` seconds
 *   (Atlassian Community, "Upcoming rate limiting changes to Statuspage
 *   REST API").
 * Webhooks (support.atlassian.com, "Enable webhook notifications"): a JSON
 * POST with `meta`, `page` and `incident` or `component_update` +
 * `component`; no signature.
 */
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

export type FakeComponent = {
  id: string;
  page_id: string;
  group_id: string | null;
  created_at: string;
  updated_at: string;
  group: boolean;
  name: string;
  description: string | null;
  position: number;
  status: string;
  showcase: boolean;
  only_show_if_degraded: boolean;
  automation_email: string;
  start_date: string | null;
};

export type FakeIncidentUpdate = {
  id: string;
  incident_id: string;
  status: string;
  body: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: Array<{
    code: string;
    name: string;
    old_status: string;
    new_status: string;
  }> | null;
  deliver_notifications: boolean;
  custom_tweet: string | null;
  tweet_id: string | null;
};

export type FakeIncident = {
  id: string;
  page_id: string;
  name: string;
  status: string;
  impact: string;
  impact_override: string | null;
  created_at: string;
  updated_at: string;
  started_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: string;
  scheduled_for: string | null;
  scheduled_until: string | null;
  scheduled_remind_prior: boolean;
  scheduled_auto_in_progress: boolean;
  scheduled_auto_completed: boolean;
  postmortem_body: string | null;
  postmortem_published_at: string | null;
  metadata: Record<string, unknown>;
  components: FakeComponent[];
  incident_updates: FakeIncidentUpdate[];
};

export function fakeComponent(
  pageId: string,
  id: string,
  name = `Component ${id}`,
  status = 'operational',
): FakeComponent {
  return {
    id,
    page_id: pageId,
    group_id: null,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    group: false,
    name,
    description: null,
    position: 1,
    status,
    showcase: true,
    only_show_if_degraded: false,
    automation_email: `component+${id}@notifications.statuspage.io`,
    start_date: null,
  };
}

/** A realtime incident in Statuspage's shape. */
export function fakeIncident(options: {
  pageId: string;
  id: string;
  createdAt: string;
  startedAt?: string;
  resolvedAt?: string;
  status?: string;
  impact?: string;
  impactOverride?: string;
  name?: string;
  components?: Array<{ id: string; name?: string }>;
}): FakeIncident {
  const status =
    options.status ?? (options.resolvedAt ? 'resolved' : 'investigating');
  const components = (options.components ?? []).map(c =>
    fakeComponent(options.pageId, c.id, c.name, 'major_outage'),
  );
  const updatedAt = options.resolvedAt ?? options.createdAt;
  return {
    id: options.id,
    page_id: options.pageId,
    name: options.name ?? `Incident ${options.id}`,
    status,
    impact: options.impact ?? 'major',
    impact_override: options.impactOverride ?? null,
    created_at: options.createdAt,
    updated_at: updatedAt,
    started_at: options.startedAt ?? options.createdAt,
    monitoring_at: null,
    resolved_at: options.resolvedAt ?? null,
    shortlink: `https://stspg.io/${options.id}`,
    scheduled_for: null,
    scheduled_until: null,
    scheduled_remind_prior: false,
    scheduled_auto_in_progress: false,
    scheduled_auto_completed: false,
    postmortem_body: null,
    postmortem_published_at: null,
    metadata: {},
    components,
    incident_updates: [
      {
        id: `${options.id}-u1`,
        incident_id: options.id,
        status,
        body: 'We are investigating.',
        created_at: updatedAt,
        updated_at: updatedAt,
        display_at: updatedAt,
        affected_components: components.map(c => ({
          code: c.id,
          name: c.name,
          old_status: 'operational',
          new_status: 'major_outage',
        })),
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      },
    ],
  };
}

/** A scheduled maintenance: an incident with `scheduled_for`/`scheduled_until`. */
export function fakeMaintenance(options: {
  pageId: string;
  id: string;
  createdAt: string;
  scheduledFor: string;
  scheduledUntil: string;
  status?: 'scheduled' | 'in_progress' | 'verifying' | 'completed';
  resolvedAt?: string;
  components?: Array<{ id: string; name?: string }>;
}): FakeIncident {
  const base = fakeIncident({
    pageId: options.pageId,
    id: options.id,
    createdAt: options.createdAt,
    status: options.status ?? 'scheduled',
    impact: 'maintenance',
    name: `Maintenance ${options.id}`,
    components: options.components,
    ...(options.resolvedAt && { resolvedAt: options.resolvedAt }),
  });
  return {
    ...base,
    status: options.status ?? 'scheduled',
    started_at: options.scheduledFor,
    scheduled_for: options.scheduledFor,
    scheduled_until: options.scheduledUntil,
    scheduled_auto_in_progress: true,
    scheduled_auto_completed: true,
  };
}

type Scripted = {
  status: number;
  headers?: Record<string, string>;
  body: string;
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
};

const MAX_LIMIT = 100;

const errorBody = (message: string) => JSON.stringify({ message });

export class FakeStatuspage {
  /** Incidents and maintenances per page id. */
  readonly incidents = new Map<string, FakeIncident[]>();
  readonly components = new Map<string, FakeComponent[]>();
  readonly requests: RecordedRequest[] = [];
  private readonly scripted: Scripted[] = [];

  private constructor(
    private readonly server: Server,
    /** Includes `/v1`, as `https://api.statuspage.io/v1`. */
    readonly baseUrl: string,
    readonly apiKey: string,
  ) {}

  static async start(options: { apiKey?: string } = {}) {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeStatuspage(
      server,
      `http://127.0.0.1:${port}/v1`,
      options.apiKey ?? 'fake-statuspage-key',
    );
    server.on('request', (req, res) => fake.handle(req, res));
    return fake;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.server.close(error => (error ? reject(error) : resolve())),
    );
  }

  addPage(pageId: string) {
    if (!this.incidents.has(pageId)) this.incidents.set(pageId, []);
    if (!this.components.has(pageId)) this.components.set(pageId, []);
  }

  addIncidents(pageId: string, ...incidents: FakeIncident[]) {
    this.addPage(pageId);
    this.incidents.get(pageId)!.push(...incidents);
  }

  /** The next `count` requests are answered 429 (or 420) with `Retry-After`. */
  rateLimitNext(count: number, retryAfterSeconds: number, status = 429) {
    for (let i = 0; i < count; i++) {
      this.scripted.push({
        status,
        headers: { 'retry-after': String(retryAfterSeconds) },
        body: errorBody('Rate limit exceeded'),
      });
    }
  }

  /** The next `count` requests are answered with this status (e.g. 500, 503). */
  failNext(count: number, status: number, body = errorBody('Internal error')) {
    for (let i = 0; i < count; i++) this.scripted.push({ status, body });
  }

  /** The next request is answered with exactly this (e.g. garbage). */
  answerNext(status: number, body: string) {
    this.scripted.push({ status, body });
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    });
    const send = (
      status: number,
      body: string,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    const scripted = this.scripted.shift();
    if (scripted) {
      send(scripted.status, scripted.body, scripted.headers);
      return;
    }
    if (req.headers.authorization !== `OAuth ${this.apiKey}`) {
      send(401, errorBody('Could not authenticate'));
      return;
    }
    const match = url.pathname.match(
      /^\/v1\/pages\/([^/]+)\/(incidents|incidents\/scheduled|components)$/,
    );
    if (req.method !== 'GET' || !match) {
      send(404, errorBody('Not found'));
      return;
    }
    const pageId = decodeURIComponent(match[1]);
    const incidents = this.incidents.get(pageId);
    if (!incidents) {
      send(404, errorBody('Page not found'));
      return;
    }
    const newestFirst = [...incidents].sort(
      (a, b) =>
        Date.parse(b.created_at) - Date.parse(a.created_at) ||
        b.id.localeCompare(a.id),
    );
    const query = url.searchParams;
    if (match[2] === 'incidents') {
      this.paginate(query, 'limit', newestFirst, send);
    } else if (match[2] === 'incidents/scheduled') {
      const scheduled = newestFirst.filter(i => i.scheduled_for !== null);
      this.paginate(query, 'per_page', scheduled, send);
    } else {
      this.paginate(query, 'per_page', this.components.get(pageId)!, send);
    }
  }

  private paginate(
    query: URLSearchParams,
    sizeParameter: 'limit' | 'per_page',
    items: unknown[],
    send: (status: number, body: string) => void,
  ) {
    const size = Math.min(MAX_LIMIT, Number(query.get(sizeParameter) ?? 100));
    const page = Number(query.get('page') ?? 1);
    if (
      !Number.isInteger(size) ||
      !Number.isInteger(page) ||
      size < 1 ||
      page < 1
    ) {
      send(
        400,
        errorBody(`${sizeParameter} and page must be positive integers`),
      );
      return;
    }
    send(200, JSON.stringify(items.slice((page - 1) * size, page * size)));
  }
}

/** The `meta` and `page` every notification carries. */
function envelope(pageId: string) {
  return {
    meta: {
      unsubscribe: `https://${pageId}.statuspage.io/?unsubscribe=fake`,
      documentation:
        'https://doers.statuspage.io/customer-notifications/webhooks/',
    },
    page: {
      id: pageId,
      status_indicator: 'major',
      status_description: 'Partial System Outage',
    },
  };
}

/**
 * An incident notification. Statuspage's sample sends the incident with
 * its updates; `withoutComponents` leaves out the incident's `components`
 * so only the updates' `affected_components` name them.
 */
export function incidentNotification(
  incident: FakeIncident,
  options: { withoutComponents?: boolean } = {},
) {
  const { components, ...rest } = incident;
  return {
    ...envelope(incident.page_id),
    incident: {
      ...rest,
      ...(!options.withoutComponents && { components }),
      backfilled: false,
      organization_id: incident.page_id,
    },
  };
}

/** A component status notification. */
export function componentUpdateNotification(
  component: FakeComponent,
  oldStatus: string,
) {
  return {
    ...envelope(component.page_id),
    component_update: {
      created_at: component.updated_at,
      new_status: component.status,
      old_status: oldStatus,
      id: `cu-${component.id}`,
      component_id: component.id,
    },
    component: {
      created_at: component.created_at,
      id: component.id,
      name: component.name,
      status: component.status,
    },
  };
}

/** Posts a notification as Statuspage does: JSON, POST, nothing signed. */
export async function postNotification(
  url: string,
  payload: unknown,
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Statuspage-Webhook',
    },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * A stand-in for the backend's webhook route: `POST
 * /statuspage/webhook/<token>`, the raw body handed to `handle`, its
 * status answered (500 when `handle` throws).
 */
export async function startWebhookReceiver(
  handle: (delivery: {
    token: string | undefined;
    rawBody: Buffer;
  }) => Promise<{ status: number }>,
) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = (req.url ?? '').match(/^\/statuspage\/webhook\/([^/?]*)/);
    try {
      const result = await handle({
        token: match?.[1] ? decodeURIComponent(match[1]) : undefined,
        rawBody: Buffer.concat(chunks),
      });
      res.writeHead(result.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(error) }));
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (token: string) =>
      `http://127.0.0.1:${port}/statuspage/webhook/${encodeURIComponent(
        token,
      )}`,
    stop: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}
