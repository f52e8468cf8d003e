import { LoggerService } from '@backstage/backend-plugin-api';
import { UserTrustConnector } from '@user-trust/plugin-user-trust-node';
import { ZendeskApiError } from '../client/ZendeskApiError';
import { ZendeskClient } from '../client/ZendeskClient';
import { ZendeskConfig } from '../config';
import { resolveZendeskService } from '../mapping/TicketEntityMapping';
import { zendeskSurveyTicketId } from '../mapping/surveyResponseSignals';
import { ZENDESK_SOURCE } from '../mapping/ticketSignals';
import { syncZendeskSurveyResponses } from '../sync/syncSurveyResponses';
import { syncZendeskTickets } from '../sync/syncTickets';
import {
  handleZendeskWebhook,
  ticketEventHints,
  ticketFromEventDetail,
} from '../webhook/handleZendeskWebhook';
import { CatalogIndexCache } from './CatalogIndexCache';
import { storeSurveyResponses } from './storeSurveyResponses';
import { storeTickets } from './storeTickets';

/**
 * Retries of the ticket read a webhook makes: Zendesk waits for an answer
 * only seconds, so a long Retry-After fails the delivery (a 5xx) and
 * Zendesk delivers it again later.
 */
const WEBHOOK_RETRIES = { maxRetries: 2, maxRetryDelayMs: 3000 };

/**
 * The `zendesk` connector: ticket webhooks, and a scheduled sync of the
 * incremental ticket export when credentials are configured.
 */
export function createZendeskConnector(options: {
  config: ZendeskConfig;
  client?: ZendeskClient;
  catalog: CatalogIndexCache;
  logger: LoggerService;
  now?: () => number;
}): UserTrustConnector {
  const { config, client, catalog, logger } = options;
  const now = options.now ?? Date.now;
  return {
    id: ZENDESK_SOURCE,
    title: 'Zendesk',
    handleWebhook: async (delivery, context) =>
      handleZendeskWebhook({
        delivery,
        secrets: config.webhookSecrets,
        toleranceSeconds: config.webhookToleranceSeconds,
        now: now(),
        storeTicket: async event => {
          const hints = ticketEventHints(event);
          const read = client
            ? await client.getTicket(String(event.detail.id), {
                retries: WEBHOOK_RETRIES,
              })
            : { ticket: ticketFromEventDetail(event.detail) };
          if (!read) {
            return { ingested: 0, unattributed: 0, ignored: 1, refused: [] };
          }
          return storeTickets({
            tickets: [{ ...read, hints }],
            config,
            index: await catalog.get(),
            context,
          });
        },
      }),
    ...(client && {
      sync: {
        schedule: config.schedule,
        run: async context => {
          // Survey responses first: the tickets they rate are marked before
          // the export reads them, so a rating counts once.
          try {
            const surveys = await syncZendeskSurveyResponses({
              client,
              context,
              backfillDays: config.backfillDays,
              signal: context.signal,
              now,
              store: async page => {
                const ids = page.responses
                  .map(zendeskSurveyTicketId)
                  .filter((id): id is string => id !== undefined);
                const tickets = await client.getTickets(ids, {
                  signal: context.signal,
                });
                await storeSurveyResponses({
                  responses: page.responses,
                  tickets: new Map(tickets.map(t => [String(t.ticket.id), t])),
                  config,
                  index: await catalog.get(),
                  context,
                });
              },
            });
            logger.info(
              `Zendesk sync read ${surveys.responses} CSAT survey response(s) in ${surveys.pages} page(s)`,
            );
          } catch (error) {
            // Accounts without customizable CSAT (or a user not allowed to
            // read it) answer 403 or 404: the tickets are read all the same.
            if (
              !(error instanceof ZendeskApiError) ||
              (error.status !== 403 && error.status !== 404)
            ) {
              throw error;
            }
            logger.info(
              `Zendesk CSAT survey responses are not read: ${error.message}`,
            );
          }
          const result = await syncZendeskTickets({
            client,
            context,
            backfillDays: config.backfillDays,
            signal: context.signal,
            now,
            store: async page => {
              await storeTickets({
                tickets: page.tickets.map(ticket => ({
                  ticket,
                  sideloads: page.sideloads,
                })),
                config,
                index: await catalog.get(),
                context,
              });
            },
          });
          logger.info(
            `Zendesk sync read ${result.tickets} ticket(s) in ${result.pages} page(s)`,
          );
        },
      },
    }),
    resolveService: async serviceId =>
      resolveZendeskService(serviceId, config.mapping, await catalog.get()),
  };
}
