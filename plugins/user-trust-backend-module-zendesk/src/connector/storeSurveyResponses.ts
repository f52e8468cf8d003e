import { SignalInput } from '@user-trust/plugin-user-trust-common';
import {
  UnattributedSignalInput,
  UserTrustConnectorContext,
} from '@user-trust/plugin-user-trust-node';
import {
  ZendeskSideloads,
  ZendeskSurveyResponse,
  ZendeskTicket,
} from '../client/types';
import { ZendeskConfig } from '../config';
import { ZendeskCatalogIndex } from '../mapping/TicketEntityMapping';
import {
  surveyResponseSignal,
  zendeskSurveyTicketId,
} from '../mapping/surveyResponseSignals';
import {
  ingestEach,
  surveyRatedStateKey,
  ticketDestination,
} from './storeTickets';

/** How the survey responses of one call were used. */
export type StoreSurveyResponsesResult = {
  ingested: number;
  unattributed: number;
  /**
   * Responses left out: about no ticket (a conversation), about a ticket
   * that is gone or names no service, without a usable rating.
   */
  ignored: number;
  refused: Array<{ responseId: string; message: string }>;
};

/**
 * Stores the `csat_response` signals of CSAT survey responses on the
 * entity of their ticket, by the same mapping as the ticket's own signals
 * (kept under the ticket's service while that maps to no entity), with
 * the ticket's `account` and `handledBy`. `tickets` holds the responses'
 * tickets by id, as read from the API. Each ticket with a response is
 * marked in connector state, so that its `satisfaction_rating` (Zendesk's
 * good/bad summary of the response) does not count a second time.
 */
export async function storeSurveyResponses(options: {
  responses: ZendeskSurveyResponse[];
  tickets: Map<string, { ticket: ZendeskTicket; sideloads?: ZendeskSideloads }>;
  config: ZendeskConfig;
  index: ZendeskCatalogIndex;
  context: UserTrustConnectorContext;
}): Promise<StoreSurveyResponsesResult> {
  const { responses, tickets, config, index, context } = options;
  const result: StoreSurveyResponsesResult = {
    ingested: 0,
    unattributed: 0,
    ignored: 0,
    refused: [],
  };
  const mapped: Array<{ id: string; signals: SignalInput[] }> = [];
  const kept = new Map<string, UnattributedSignalInput[]>();
  const rated = new Set<string>();

  for (const response of responses) {
    const ticketId = zendeskSurveyTicketId(response);
    const read = ticketId ? tickets.get(ticketId) : undefined;
    if (!ticketId || !read || read.ticket.status?.toLowerCase() === 'deleted') {
      result.ignored += 1;
      continue;
    }
    const signal = surveyResponseSignal(response, read.ticket, {
      sideloads: read.sideloads,
      account: config.account,
      userByEmail: email => index.usersByEmail.get(email),
    });
    if (!signal) {
      result.ignored += 1;
      continue;
    }
    rated.add(ticketId);
    const destination = ticketDestination(read.ticket, config, index);
    if (destination && 'entityRef' in destination) {
      mapped.push({
        id: response.id,
        signals: [{ ...signal, entityRef: destination.entityRef }],
      });
    } else if (destination) {
      const list = kept.get(destination.serviceId) ?? [];
      list.push(signal);
      kept.set(destination.serviceId, list);
      result.unattributed += 1;
    } else {
      result.ignored += 1;
    }
  }

  // Marked first: a ticket read in between then already leaves out its summary.
  for (const ticketId of rated) {
    if (
      (await context.state.get(surveyRatedStateKey(ticketId))) === undefined
    ) {
      await context.state.set(surveyRatedStateKey(ticketId), true);
    }
  }
  const stored = await ingestEach(context, mapped, 'survey response');
  result.ingested += stored.ingested;
  result.refused.push(
    ...stored.refused.map(r => ({ responseId: r.id, message: r.message })),
  );
  for (const [serviceId, signals] of kept) {
    await context.keepUnattributed({ id: serviceId, name: serviceId }, signals);
  }
  return result;
}
