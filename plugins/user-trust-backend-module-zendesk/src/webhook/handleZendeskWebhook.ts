import {
  UserTrustWebhookAnswer,
  UserTrustWebhookDelivery,
} from '@user-trust/plugin-user-trust-node';
import { ZendeskSideloads, ZendeskTicket } from '../client/types';
import { verifyZendeskSignature } from './webhookSignature';

/** Prefix of the ticket event types the connector reads. @public */
export const ZENDESK_TICKET_EVENT_PREFIX = 'zen:event-type:ticket.';

/**
 * A ticket event as Zendesk's webhooks deliver it: `type`
 * (`zen:event-type:ticket.status_changed`, ...), `time`, the ticket's
 * current properties in `detail` (ids as strings) and the change in
 * `event` (`current`, `previous`).
 *
 * @public
 */
export type ZendeskTicketEvent = {
  type: string;
  id?: string;
  time?: string;
  account_id?: number | string;
  subject?: string;
  detail: Record<string, unknown> & { id: string | number };
  event?: { current?: unknown; previous?: unknown } & Record<string, unknown>;
};

function viaOf(detail: Record<string, unknown>): ZendeskTicket['via'] {
  const via = detail.via as { channel?: unknown } | undefined;
  const channel =
    via && typeof via === 'object' ? via.channel : detail['via.channel'];
  return typeof channel === 'string' && channel ? { channel } : null;
}

/** A ticket from an event's `detail` (no custom fields, no sideloads). @public */
export function ticketFromEventDetail(
  detail: ZendeskTicketEvent['detail'],
): ZendeskTicket {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const id = (v: unknown) =>
    (typeof v === 'string' || typeof v === 'number') && v !== ''
      ? v
      : undefined;
  return {
    id: String(detail.id),
    created_at: text(detail.created_at) ?? new Date(0).toISOString(),
    updated_at: text(detail.updated_at) ?? null,
    status: text(detail.status) ?? null,
    priority: text(detail.priority) ?? null,
    type: text(detail.type) ?? null,
    assignee_id: id(detail.assignee_id) ?? null,
    organization_id: id(detail.organization_id) ?? null,
    group_id: id(detail.group_id) ?? null,
    tags: Array.isArray(detail.tags)
      ? detail.tags.filter((t): t is string => typeof t === 'string')
      : [],
    via: viaOf(detail),
  };
}

/** @public */
export type ZendeskWebhookOutcome = {
  ingested: number;
  unattributed: number;
  ignored: number;
  /** Tickets whose signals ingestion refused, with its message. */
  refused: Array<{ ticketId: string; message: string }>;
};

/**
 * Receives one Zendesk webhook delivery: checks its signature and replay
 * window (401), reads its JSON (400), ignores events that are not ticket
 * events, and hands a ticket event to `storeTicket`, which reads the
 * ticket (from the API when credentials exist, else from the event) and
 * stores its signals. The answer (202) is given only once they are
 * stored; a storage failure throws (a 5xx, so Zendesk delivers again).
 *
 * @public
 */
export async function handleZendeskWebhook(options: {
  delivery: UserTrustWebhookDelivery;
  secrets: string[];
  toleranceSeconds: number;
  now: number;
  storeTicket(event: ZendeskTicketEvent): Promise<ZendeskWebhookOutcome>;
}): Promise<UserTrustWebhookAnswer> {
  const { delivery } = options;
  const check = verifyZendeskSignature({
    rawBody: delivery.rawBody,
    headers: delivery.headers,
    secrets: options.secrets,
    toleranceSeconds: options.toleranceSeconds,
    now: options.now,
  });
  if (!check.ok) return { status: 401, message: check.message };

  let payload: unknown;
  try {
    payload = JSON.parse(delivery.rawBody.toString('utf8'));
  } catch {
    return { status: 400, message: 'The delivery body is not JSON' };
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    return { status: 400, message: 'The delivery body is not a JSON object' };
  }
  const event = payload as Partial<ZendeskTicketEvent>;
  if (typeof event.type !== 'string') {
    return { status: 400, message: "The delivery has no event 'type'" };
  }
  if (!event.type.startsWith(ZENDESK_TICKET_EVENT_PREFIX)) {
    return { status: 202, outcome: 'ignored' };
  }
  const detail = event.detail;
  if (
    !detail ||
    typeof detail !== 'object' ||
    (typeof detail.id !== 'string' && typeof detail.id !== 'number') ||
    !/^\d+$/.test(String(detail.id))
  ) {
    return {
      status: 400,
      message: `The ${event.type} event has no ticket id in detail.id`,
    };
  }
  if (
    event.time !== undefined &&
    Number.isNaN(Date.parse(String(event.time)))
  ) {
    return {
      status: 400,
      message: `The event time '${event.time}' is not a date`,
    };
  }
  const outcome = await options.storeTicket(event as ZendeskTicketEvent);
  if (outcome.refused.length > 0) {
    const { ticketId, message } = outcome.refused[0];
    return {
      status: 422,
      message: `The signals of ticket ${ticketId} were refused: ${message}`,
    };
  }
  if (outcome.ingested > 0) return { status: 202, outcome: 'ingested' };
  if (outcome.unattributed > 0) return { status: 202, outcome: 'unattributed' };
  return { status: 202, outcome: 'ignored' };
}

/** The hints of an event: when it escalated or solved the ticket. @public */
export function ticketEventHints(event: ZendeskTicketEvent): {
  changedAt?: string;
  solvedAt?: string;
} {
  const time = typeof event.time === 'string' ? event.time : undefined;
  if (!time) return {};
  const current = event.event?.current;
  const solved =
    event.type.endsWith('.status_changed') &&
    typeof current === 'string' &&
    ['solved', 'closed'].includes(current.toLowerCase());
  return { changedAt: time, ...(solved && { solvedAt: time }) };
}

/** Sideloads of nothing, for tickets read from an event. @internal */
export const noSideloads = (): ZendeskSideloads => ({
  users: new Map(),
  organizations: new Map(),
  metricSets: new Map(),
});
