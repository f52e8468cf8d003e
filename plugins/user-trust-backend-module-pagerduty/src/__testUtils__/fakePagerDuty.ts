/**
 * A fake PagerDuty for tests: an HTTP server on an ephemeral port that
 * implements the public contract of the REST API v2 endpoints this module
 * reads, and helpers that build and sign webhooks v3 deliveries the way
 * PagerDuty does. Written from PagerDuty's documentation, independently of
 * the module's own code, so tests check the module against the contract.
 *
 * REST rules (developer.pagerduty.com):
 * - `Authorization: Token token=<key>`; a wrong or missing key is 401 with
 *   code 2006 "Authentication failed" ("Authentication", "Errors").
 * - classic pagination: `limit` (default 25, at most 100), `offset`,
 *   `more`, `total` null; `offset + limit` above 10,000 is 400 ("Pagination").
 * - `since`/`until` default to the last month and span at most 6 months;
 *   `date_range=all` lifts the range (List incidents); a bad date is 400
 *   code 2004, a longer range 400 code 2005 ("Errors").
 * - errors as `{ error: { message, code, errors } }` ("Errors"); 429 with
 *   `ratelimit-limit`, `ratelimit-remaining`, `ratelimit-reset` and body
 *   code 2020 ("Rate Limits").
 */
import { createHmac } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

/** A REST API v2 incident, as `GET /incidents` lists it. */
export type FakeIncident = {
  id: string;
  type: 'incident';
  summary: string;
  self: string;
  html_url: string;
  incident_number: number;
  title: string;
  created_at: string;
  updated_at: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  incident_key: string | null;
  service: FakeReference;
  assignments: Array<{ at: string; assignee: FakeReference }>;
  assigned_via: string;
  last_status_change_at: string;
  resolved_at: string | null;
  acknowledgements: Array<{ at: string; acknowledger: FakeReference }>;
  escalation_policy: FakeReference;
  teams: FakeReference[];
  priority: (FakeReference & { name: string }) | null;
  urgency: 'high' | 'low';
  alert_counts: { all: number; triggered: number; resolved: number };
  resolve_reason: null;
};

export type FakeReference = {
  id: string;
  type: string;
  summary: string;
  self: string;
  html_url: string;
};

export type FakeLogEntry = {
  id: string;
  type: string;
  summary: string;
  created_at: string;
  self: string;
  agent: FakeReference | null;
  incident: FakeReference;
};

const API = 'https://api.pagerduty.com';
const WEB = 'https://acme.pagerduty.com';

function reference(
  type: string,
  collection: string,
  id: string,
  summary: string,
): FakeReference {
  return {
    id,
    type,
    summary,
    self: `${API}/${collection}/${id}`,
    html_url: `${WEB}/${collection}/${id}`,
  };
}

export const fakeUser = (id: string, name = `User ${id}`) =>
  reference('user_reference', 'users', id, name);

export const fakeService = (id: string, name = `Service ${id}`) =>
  reference('service_reference', 'services', id, name);

/** An incident with PagerDuty's shape; times ISO strings. */
export function fakeIncident(options: {
  id: string;
  number?: number;
  createdAt: string;
  serviceId?: string;
  serviceName?: string;
  status?: FakeIncident['status'];
  urgency?: 'high' | 'low';
  priority?: string | null;
  title?: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  assigneeId?: string;
}): FakeIncident {
  const status =
    options.status ?? (options.resolvedAt ? 'resolved' : 'triggered');
  const number = options.number ?? 1;
  const title = options.title ?? `Incident ${options.id}`;
  const assignee = fakeUser(options.assigneeId ?? 'PUSER01');
  const lastChange =
    options.resolvedAt ?? options.acknowledgedAt ?? options.createdAt;
  return {
    id: options.id,
    type: 'incident',
    summary: `[#${number}] ${title}`,
    self: `${API}/incidents/${options.id}`,
    html_url: `${WEB}/incidents/${options.id}`,
    incident_number: number,
    title,
    created_at: options.createdAt,
    updated_at: lastChange,
    status,
    incident_key: `key-${options.id}`,
    service: fakeService(
      options.serviceId ?? 'PSVC001',
      options.serviceName ?? 'Checkout API',
    ),
    // PagerDuty clears assignments and acknowledgements on resolution.
    assignments:
      status === 'resolved' ? [] : [{ at: options.createdAt, assignee }],
    assigned_via: 'escalation_policy',
    last_status_change_at: lastChange,
    resolved_at: status === 'resolved' ? lastChange : null,
    acknowledgements:
      status === 'acknowledged' && options.acknowledgedAt
        ? [{ at: options.acknowledgedAt, acknowledger: assignee }]
        : [],
    escalation_policy: reference(
      'escalation_policy_reference',
      'escalation_policies',
      'PEP0001',
      'Default',
    ),
    teams: [reference('team_reference', 'teams', 'PTEAM01', 'Payments')],
    priority:
      options.priority === null || options.priority === undefined
        ? null
        : {
            ...reference(
              'priority_reference',
              'priorities',
              `PRI${options.priority}`,
              options.priority,
            ),
            name: options.priority,
          },
    urgency: options.urgency ?? 'high',
    alert_counts: {
      all: 1,
      triggered: status === 'resolved' ? 0 : 1,
      resolved: status === 'resolved' ? 1 : 0,
    },
    resolve_reason: null,
  };
}

/** A log entry of an incident. */
export function fakeLogEntry(options: {
  id: string;
  incidentId: string;
  type: string;
  at: string;
  agent?: FakeReference | null;
}): FakeLogEntry {
  return {
    id: options.id,
    type: options.type,
    summary: options.type.replace(/_log_entry$/, ''),
    created_at: options.at,
    self: `${API}/log_entries/${options.id}`,
    agent: options.agent === undefined ? null : options.agent,
    incident: reference(
      'incident_reference',
      'incidents',
      options.incidentId,
      options.incidentId,
    ),
  };
}

/** A service with its Events API integrations (full objects). */
export type FakeServiceWithIntegrations = {
  id: string;
  type: 'service';
  summary: string;
  name: string;
  self: string;
  html_url: string;
  status: 'active';
  integrations: Array<
    FakeReference & { name: string; integration_key: string }
  >;
};

export function fakeServiceWithIntegrations(
  id: string,
  name: string,
  integrationKeys: string[],
): FakeServiceWithIntegrations {
  return {
    ...reference('service', 'services', id, name),
    type: 'service',
    name,
    status: 'active',
    integrations: integrationKeys.map((integrationKey, i) => ({
      ...reference(
        'events_api_v2_inbound_integration',
        `services/${id}/integrations`,
        `PINT${i}${id}`,
        'Events API V2',
      ),
      name: 'Events API V2',
      integration_key: integrationKey,
    })),
  };
}

type Scripted = {
  status: number;
  headers?: Record<string, string>;
  body?: string;
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  accept: string | undefined;
};

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 25;
const PAGINATION_CAP = 10_000;

const errorBody = (message: string, code: number, errors?: string[]) =>
  JSON.stringify({ error: { message, code, ...(errors && { errors }) } });

/** `date` plus `months` calendar months (UTC). */
function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

export class FakePagerDuty {
  /** Add with {@link FakePagerDuty.addIncidents}. */
  readonly incidents: FakeIncident[] = [];
  readonly logEntries = new Map<string, FakeLogEntry[]>();
  readonly services: FakeServiceWithIntegrations[] = [];
  /** Users as `GET /users` lists them: `fakeUser` plus `name` and `email`. */
  readonly users: Array<FakeReference & { name: string; email: string }> = [];
  readonly requests: RecordedRequest[] = [];
  /** The clock the default `since`/`until` are computed from. */
  now = () => new Date();
  private readonly scripted: Scripted[] = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  static async start(options: { token?: string } = {}): Promise<FakePagerDuty> {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakePagerDuty(
      server,
      `http://127.0.0.1:${port}`,
      options.token ?? 'fake-pagerduty-token',
    );
    server.on('request', (req, res) => fake.handle(req, res));
    return fake;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.server.close(error => (error ? reject(error) : resolve())),
    );
  }

  addIncidents(...incidents: FakeIncident[]) {
    this.incidents.push(...incidents);
    this.sorted = undefined;
  }

  // Oldest first (PagerDuty's `sort_by=created_at:asc`) with their creation
  // times, kept between requests so that a backfill of 100,000 incidents
  // finds each page's range by binary search instead of a full scan.
  private sorted?: { incidents: FakeIncident[]; times: number[] };
  private sortedIncidents() {
    if (!this.sorted) {
      const incidents = this.incidents
        .map(incident => ({ incident, at: Date.parse(incident.created_at) }))
        .sort(
          (a, b) => a.at - b.at || a.incident.id.localeCompare(b.incident.id),
        );
      this.sorted = {
        incidents: incidents.map(i => i.incident),
        times: incidents.map(i => i.at),
      };
    }
    return this.sorted;
  }

  /** Incidents created in `[since, until)`, oldest first. */
  private createdBetween(since: number, until: number): FakeIncident[] {
    const { incidents, times } = this.sortedIncidents();
    const firstAtOrAfter = (time: number) => {
      let low = 0;
      let high = times.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (times[mid] < time) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    return incidents.slice(firstAtOrAfter(since), firstAtOrAfter(until));
  }

  /** The next `count` requests are answered 429, as PagerDuty limits. */
  rateLimitNext(count: number, resetSeconds: number) {
    for (let i = 0; i < count; i++) {
      this.scripted.push({
        status: 429,
        headers: {
          'ratelimit-limit': '960',
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(resetSeconds),
        },
        body: errorBody('Rate Limit Exceeded', 2020),
      });
    }
  }

  /** The next `count` requests are answered with this status (e.g. 500, 503). */
  failNext(
    count: number,
    status: number,
    body = errorBody(
      'An internal error has occurred. PagerDuty team has been notified.',
      2000,
    ),
  ) {
    for (let i = 0; i < count; i++) this.scripted.push({ status, body });
  }

  /** The next request is answered with exactly this (e.g. garbage). */
  answerNext(status: number, body: string, headers?: Record<string, string>) {
    this.scripted.push({ status, body, headers });
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.baseUrl);
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      accept: req.headers.accept,
    });
    const send = (status: number, body: string, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };

    const scripted = this.scripted.shift();
    if (scripted) {
      send(scripted.status, scripted.body ?? '', scripted.headers);
      return;
    }
    if (req.headers.authorization !== `Token token=${this.token}`) {
      send(401, errorBody('Authentication failed', 2006));
      return;
    }
    if (req.method !== 'GET') {
      send(404, errorBody('Not Found', 2100));
      return;
    }
    const logEntries = url.pathname.match(
      /^\/incidents\/([^/]+)\/log_entries$/,
    );
    if (url.pathname === '/incidents') {
      this.listIncidents(url.searchParams, send);
    } else if (url.pathname === '/users') {
      this.paginate(url.searchParams, 'users', this.users, send);
    } else if (url.pathname === '/services') {
      // Without include[]=integrations, integrations are references only.
      const full = url.searchParams
        .getAll('include[]')
        .includes('integrations');
      const services = this.services.map(service => ({
        ...service,
        integrations: service.integrations.map(integration =>
          full
            ? integration
            : {
                id: integration.id,
                type: `${integration.type}_reference`,
                summary: integration.summary,
                self: integration.self,
                html_url: integration.html_url,
              },
        ),
      }));
      this.paginate(url.searchParams, 'services', services, send);
    } else if (logEntries) {
      const id = decodeURIComponent(logEntries[1]);
      if (!this.incidents.some(incident => incident.id === id)) {
        send(404, errorBody('Incident Not Found', 5001));
        return;
      }
      this.paginate(
        url.searchParams,
        'log_entries',
        this.logEntries.get(id) ?? [],
        send,
      );
    } else {
      send(404, errorBody('Not Found', 2100));
    }
  }

  private listIncidents(
    query: URLSearchParams,
    send: (status: number, body: string) => void,
  ) {
    let matching = this.sortedIncidents().incidents;
    if (query.get('date_range') !== 'all') {
      const until = query.has('until')
        ? new Date(query.get('until')!)
        : this.now();
      const since = query.has('since')
        ? new Date(query.get('since')!)
        : addMonths(until, -1);
      if (Number.isNaN(since.getTime()) || Number.isNaN(until.getTime())) {
        send(
          400,
          errorBody(
            "Invalid time values in 'since' and/or 'until' parameters",
            2004,
          ),
        );
        return;
      }
      if (addMonths(since, 6) < until || until < since) {
        send(
          400,
          errorBody('Invalid Query Date Range', 2005, [
            'The maximum range of since and until is 6 months',
          ]),
        );
        return;
      }
      matching = this.createdBetween(since.getTime(), until.getTime());
    }
    const services = query.getAll('service_ids[]');
    if (services.length) {
      matching = matching.filter(incident =>
        services.includes(incident.service.id),
      );
    }
    if (query.get('sort_by') === 'created_at:desc') {
      matching = [...matching].reverse();
    }
    this.paginate(query, 'incidents', matching, send);
  }

  private paginate(
    query: URLSearchParams,
    key: string,
    items: unknown[],
    send: (status: number, body: string) => void,
  ) {
    const limit = Math.min(
      MAX_LIMIT,
      Number(query.get('limit') ?? DEFAULT_LIMIT),
    );
    const offset = Number(query.get('offset') ?? 0);
    if (
      !Number.isInteger(limit) ||
      !Number.isInteger(offset) ||
      limit < 1 ||
      offset < 0
    ) {
      send(
        400,
        errorBody('Invalid Input Provided', 2001, [
          'limit and offset must be whole numbers',
        ]),
      );
      return;
    }
    if (offset + limit > PAGINATION_CAP) {
      send(
        400,
        errorBody('Invalid Input Provided', 2001, [
          `Offset must be less than ${PAGINATION_CAP}.`,
        ]),
      );
      return;
    }
    send(
      200,
      JSON.stringify({
        [key]: items.slice(offset, offset + limit),
        limit,
        offset,
        more: offset + limit < items.length,
        total: query.get('total') === 'true' ? items.length : null,
      }),
    );
  }
}

/** The incident of a webhooks v3 `event.data`, from a REST incident. */
export function webhookIncidentData(incident: FakeIncident) {
  return {
    id: incident.id,
    type: 'incident',
    self: incident.self,
    html_url: incident.html_url,
    number: incident.incident_number,
    status: incident.status,
    incident_key: incident.incident_key,
    created_at: incident.created_at,
    title: incident.title,
    service: incident.service,
    assignees: incident.assignments.map(a => a.assignee),
    escalation_policy: incident.escalation_policy,
    teams: incident.teams,
    priority: incident.priority && {
      html_url: incident.priority.html_url,
      id: incident.priority.id,
      self: incident.priority.self,
      summary: incident.priority.summary,
      type: 'priority_reference',
    },
    urgency: incident.urgency,
    conference_bridge: null,
    resolve_reason: null,
  };
}

/** A webhooks v3 payload for one event. */
export function webhookPayload(options: {
  eventId: string;
  eventType: string;
  occurredAt: string;
  data: unknown;
  resourceType?: string;
}) {
  return {
    event: {
      id: options.eventId,
      event_type: options.eventType,
      resource_type: options.resourceType ?? 'incident',
      occurred_at: options.occurredAt,
      agent: fakeUser('PAGENT1', 'Tenex Engineer'),
      client: { name: 'PagerDuty' },
      data: options.data,
    },
  };
}

/**
 * A delivery as PagerDuty sends it: the JSON body, and `X-PagerDuty-Signature`
 * with one `v1=` HMAC-SHA256 (hex) of the body per secret, comma-separated.
 */
export function signedDelivery(
  payload: unknown,
  secrets: string[],
): { rawBody: Buffer; headers: Record<string, string> } {
  const rawBody = Buffer.from(JSON.stringify(payload), 'utf8');
  const signature = secrets
    .map(
      secret =>
        `v1=${createHmac('sha256', secret).update(rawBody).digest('hex')}`,
    )
    .join(',');
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-pagerduty-signature': signature,
      'x-webhook-id': `delivery-${Math.random().toString(36).slice(2)}`,
    },
  };
}
