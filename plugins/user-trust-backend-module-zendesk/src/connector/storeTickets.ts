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
    if (zendeskCsatValue(score) !== undefined) {
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
    });
    if (signals.length === 0) {
      result.ignored += 1;
      continue;
    }
    const serviceId = ticketServiceId(ticket, config.mapping, index);
    const entityRef = serviceId
      ? resolveZendeskService(serviceId, config.mapping, index)
      : config.mapping.defaultEntityRef;
    if (entityRef) {
      mapped.push({
        ticketId: String(ticket.id),
        signals: signals.map(s => ({ ...s, entityRef })),
      });
    } else if (serviceId) {
      const list = kept.get(serviceId) ?? [];
      list.push(...signals);
      kept.set(serviceId, list);
      result.unattributed += 1;
    } else {
      result.ignored += 1;
    }
  }

  if (mapped.length > 0) {
    try {
      await context.ingest(mapped.flatMap(m => m.signals));
      result.ingested += mapped.length;
    } catch (error) {
      if (!isInputError(error)) throw error;
      // One bad ticket must not hold back the others: each on its own.
      for (const { ticketId, signals } of mapped) {
        try {
          await context.ingest(signals);
          result.ingested += 1;
        } catch (e) {
          if (!isInputError(e)) throw e;
          const message = (e as Error).message;
          result.refused.push({ ticketId, message });
          context.logger.warn(
            `Zendesk ticket ${ticketId} was not stored: ${message}`,
          );
        }
      }
    }
  }
  for (const [serviceId, signals] of kept) {
    await context.keepUnattributed({ id: serviceId, name: serviceId }, signals);
  }
  return result;
}
