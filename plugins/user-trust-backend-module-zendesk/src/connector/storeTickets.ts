import { SignalInput } from '@user-trust/plugin-user-trust-common';
import {
  UnattributedSignalInput,
  UserTrustConnectorContext,
} from '@user-trust/plugin-user-trust-node';
import { ZendeskSideloads, ZendeskTicket } from '../client/types';
import { ZendeskConfig } from '../config';
import {
  resolveZendeskService,
  ticketServiceId,
  ZendeskCatalogIndex,
} from '../mapping/TicketEntityMapping';
import { ticketSignals, zendeskCsatValue } from '../mapping/ticketSignals';

/** What a webhook event tells beside the ticket: when things happened. */
export type ZendeskTicketHints = {
  /** The event's time, for an escalation it made. */
  changedAt?: string;
  /** When the event solved the ticket. */
  solvedAt?: string;
};

/** How the tickets of one call were used. */
export type StoreTicketsResult = {
  ingested: number;
  unattributed: number;
  /** Tickets that name no service (and no default entity is configured). */
  ignored: number;
  /** Tickets whose signals ingestion refused (a bad date, an unknown user). */
  refused: Array<{ ticketId: string; message: string }>;
};

const isInputError = (error: unknown) =>
  (error as Error | undefined)?.name === 'InputError';

type FirstSeen = { at: string; score?: string };

/**
 * State key marking a ticket that has a CSAT survey response: its
 * `satisfaction_rating` (Zendesk's good/bad summary of that response) then
 * makes no `csat_response` of its own.
 */
export const surveyRatedStateKey = (ticketId: string | number) =>
  `survey-rated:${ticketId}`;

/**
 * Where a ticket's signals go: the entity of the service it names (or the
 * default entity), else kept under the service, else nowhere.
 */
export function ticketDestination(
  ticket: ZendeskTicket,
  config: ZendeskConfig,
  index: ZendeskCatalogIndex,
): { entityRef: string } | { serviceId: string } | undefined {
  const serviceId = ticketServiceId(ticket, config.mapping, index);
  const entityRef = serviceId
    ? resolveZendeskService(serviceId, config.mapping, index)
    : config.mapping.defaultEntityRef;
  if (entityRef) return { entityRef };
  return serviceId ? { serviceId } : undefined;
}

/**
 * Ingests the signals of several items in one batch; when ingestion
 * refuses one (an `InputError`), each item on its own, so that one bad
 * item holds back no other. Returns how many were stored and the refused.
 */
export async function ingestEach(
  context: UserTrustConnectorContext,
  items: Array<{ id: string; signals: SignalInput[] }>,
  what: string,
): Promise<{
  ingested: number;
  refused: Array<{ id: string; message: string }>;
}> {
  const refused: Array<{ id: string; message: string }> = [];
  if (items.length === 0) return { ingested: 0, refused };
  try {
    await context.ingest(items.flatMap(m => m.signals));
    return { ingested: items.length, refused };
  } catch (error) {
    if (!isInputError(error)) throw error;
  }
  let ingested = 0;
  for (const { id, signals } of items) {
    try {
      await context.ingest(signals);
      ingested += 1;
    } catch (e) {
      if (!isInputError(e)) throw e;
      const message = (e as Error).message;
      refused.push({ id, message });
      context.logger.warn(`Zendesk ${what} ${id} was not stored: ${message}`);
    }
  }
  return { ingested, refused };
}

function isEscalated(ticket: ZendeskTicket, config: ZendeskConfig) {
  const { groupIds, tags } = config.escalation;
  if (
    ticket.group_id !== null &&
    ticket.group_id !== undefined &&
    groupIds.includes(String(ticket.group_id))
  ) {
    return true;
  }
  return (ticket.tags ?? []).some(t => tags.includes(t.toLowerCase()));
}

/**
 * Stores the signals of tickets: those whose service maps to an entity in
 * one atomic ingestion, the others kept per service for the Sources page.
 * When an escalation or a rating is first seen is kept in connector state,
 * so that re-reading a ticket later never moves them.
 */
export async function storeTickets(options: {
  tickets: Array<{
    ticket: ZendeskTicket;
    sideloads?: ZendeskSideloads;
    hints?: ZendeskTicketHints;
  }>;
  config: ZendeskConfig;
  index: ZendeskCatalogIndex;
  context: UserTrustConnectorContext;
}): Promise<StoreTicketsResult> {
  const { tickets, config, index, context } = options;
  const mapped: Array<{ ticketId: string; signals: SignalInput[] }> = [];
  const kept = new Map<string, UnattributedSignalInput[]>();
  const result: StoreTicketsResult = {
    ingested: 0,
    unattributed: 0,
    ignored: 0,
    refused: [],
  };

  for (const { ticket, sideloads, hints } of tickets) {
    const seenAt = hints?.changedAt ?? ticket.updated_at ?? ticket.created_at;
    const escalated = isEscalated(ticket, config);
    let escalatedAt: string | undefined;
    if (escalated) {
      const stateKey = `escalated:${ticket.id}`;
      const stored = await context.state.get<FirstSeen>(stateKey);
      escalatedAt = stored?.at ?? seenAt;
      if (!stored)
        await context.state.set<FirstSeen>(stateKey, { at: escalatedAt });
    }
    let ratedAt: string | undefined;
    const score = ticket.satisfaction_rating?.score;
    const surveyRated =
      zendeskCsatValue(score) !== undefined &&
      (await context.state.get(surveyRatedStateKey(ticket.id))) !== undefined;
    if (zendeskCsatValue(score) !== undefined && !surveyRated) {
      const stateKey = `rated:${ticket.id}`;
      const stored = await context.state.get<FirstSeen>(stateKey);
      // A changed score is a new response: it takes the time it was seen.
      if (stored && stored.score === String(score)) ratedAt = stored.at;
      else {
        ratedAt = seenAt;
        await context.state.set<FirstSeen>(stateKey, {
          at: ratedAt,
          score: String(score),
        });
      }
    }
    const signals = ticketSignals(ticket, {
      sideloads,
      account: config.account,
      userByEmail: email => index.usersByEmail.get(email),
      escalated,
      ...(escalatedAt && { escalatedAt }),
      ...(ratedAt && { ratedAt }),
      ...(hints?.solvedAt && { solvedAt: hints.solvedAt }),
      ...(surveyRated && { csat: false }),
    });
    if (signals.length === 0) {
      result.ignored += 1;
      continue;
    }
    const destination = ticketDestination(ticket, config, index);
    if (destination && 'entityRef' in destination) {
      const { entityRef } = destination;
      mapped.push({
        ticketId: String(ticket.id),
        signals: signals.map(s => ({ ...s, entityRef })),
      });
    } else if (destination) {
      const list = kept.get(destination.serviceId) ?? [];
      list.push(...signals);
      kept.set(destination.serviceId, list);
      result.unattributed += 1;
    } else {
      result.ignored += 1;
    }
  }

  const stored = await ingestEach(
    context,
    mapped.map(m => ({ id: m.ticketId, signals: m.signals })),
    'ticket',
  );
  result.ingested += stored.ingested;
  result.refused.push(
    ...stored.refused.map(r => ({ ticketId: r.id, message: r.message })),
  );
  for (const [serviceId, signals] of kept) {
    await context.keepUnattributed({ id: serviceId, name: serviceId }, signals);
  }
  return result;
}
