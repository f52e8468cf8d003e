import { LoggerService } from '@backstage/backend-plugin-api';
import { UserTrustConnector } from '@user-trust/plugin-user-trust-node';
import { ZendeskClient } from '../client/ZendeskClient';
import { ZendeskConfig } from '../config';
import { resolveZendeskService } from '../mapping/TicketEntityMapping';
import { ZENDESK_SOURCE } from '../mapping/ticketSignals';
import { syncZendeskTickets } from '../sync/syncTickets';
import {
  handleZendeskWebhook,
  ticketEventHints,
  ticketFromEventDetail,
} from '../webhook/handleZendeskWebhook';
import { CatalogIndexCache } from './CatalogIndexCache';
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
