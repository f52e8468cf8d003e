import { LoggerService } from '@backstage/backend-plugin-api';
import {
  UserTrustConnector,
  UserTrustConnectorContext,
  UserTrustWebhookAnswer,
} from '@user-trust/plugin-user-trust-node';
import { StatuspageClient } from '../client/StatuspageClient';
import { StatuspageConfig } from '../config';
import {
  attributeStatuspageSignal,
  isScheduledMaintenance,
  STATUSPAGE_SIGNAL_SOURCE,
} from '../incidents/incidentSignals';
import {
  resolveStatuspageService,
  statuspageExternalService,
  UnmappedComponentSignals,
} from '../mapping/attributeIncident';
import { syncStatuspageIncidents } from '../sync/syncIncidents';
import {
  handleStatuspageWebhook,
  StatuspageWebhookResult,
} from '../webhook/handleStatuspageWebhook';
import { WebhookTokenVerification } from '../webhook/webhookToken';
import { CatalogMappings } from './CatalogMappings';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A run reads back this far before the previous one started, so an
 * incident whose `created_at` (Statuspage's clock) is slightly behind ours
 * is not missed.
 */
const CLOCK_OVERLAP_MS = 10 * 60_000;
/** Incident statuses after which nothing changes but a postmortem. */
const CLOSED_STATUSES = ['resolved', 'postmortem', 'completed'];

type TokenFailureReason = Extract<
  WebhookTokenVerification,
  { ok: false }
>['reason'];

const TOKEN_MESSAGES: Record<TokenFailureReason, string> = {
  'missing-token':
    'the webhook URL has no token; subscribe /api/user-trust/webhooks/statuspage/<token> with a token of userTrust.statuspage.pages[].webhookTokens',
  'no-token-configured':
    'no webhook token is configured (userTrust.statuspage.pages[].webhookTokens)',
  mismatch:
    'the webhook URL token matches no configured one (userTrust.statuspage.pages[].webhookTokens)',
};

/** The route's answer to a handled delivery. */
export function webhookAnswerOf(
  result: StatuspageWebhookResult,
): UserTrustWebhookAnswer {
  switch (result.status) {
    case 202: {
      const { outcome } = result;
      let answer: 'ingested' | 'unattributed' | 'ignored' = 'ignored';
      if (outcome.type === 'incident') {
        if (outcome.signals.length > 0) answer = 'ingested';
        else if (outcome.unmapped.length > 0) answer = 'unattributed';
      }
      return { status: 202, outcome: answer };
    }
    case 401:
      return { status: 401, message: TOKEN_MESSAGES[result.reason] };
    default:
      return { status: result.status, message: result.message };
  }
}

/**
 * Where the sync of one page stands, in the connector's durable state.
 * `until` is the start of the last complete run; `oldestOpenAt` the
 * creation time of the oldest incident that run found still open, so the
 * next run reads back to there and sees it resolved. Statuspage lists
 * incidents newest first by page offset, which new incidents shift, so a
 * run that fails is simply run again from the same cursor (ingestion is
 * idempotent).
 */
export type PageSyncCursor = {
  until?: string;
  oldestOpenAt?: string;
};

const cursorKey = (pageId: string) => `cursor:${pageId}`;
function minIso(a: string | undefined, b: string | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

export type StatuspageConnectorOptions = {
  config: StatuspageConfig;
  mappings: Pick<CatalogMappings, 'get'>;
  /** REST clients of the pages that have an API key. */
  clients: StatuspageClient[];
  logger: Pick<LoggerService, 'warn' | 'info'>;
  now?: () => number;
};

/**
 * The Statuspage connector: webhook notifications for every page with a
 * token, and — when at least one page has an API key — a scheduled
 * backfill and reconciliation of those pages.
 */
export function createStatuspageConnector(
  options: StatuspageConnectorOptions,
): UserTrustConnector {
  const { config, mappings, clients, logger } = options;
  const now = options.now ?? Date.now;

  const keepUnmapped =
    (context: UserTrustConnectorContext) =>
    async (unmapped: UnmappedComponentSignals[]) => {
      for (const { component, signals } of unmapped) {
        await context.keepUnattributed(
          statuspageExternalService(component),
          signals,
        );
      }
    };

  async function syncPage(
    client: StatuspageClient,
    context: UserTrustConnectorContext & { signal: AbortSignal },
    done: { incidents: number },
  ) {
    const { pageId } = client;
    const stored =
      (await context.state.get<PageSyncCursor>(cursorKey(pageId))) ?? {};
    const nowMs = now();
    const earliest = nowMs - config.backfillDays * DAY_MS;
    const from = minIso(
      stored.oldestOpenAt,
      stored.until &&
        new Date(Date.parse(stored.until) - CLOCK_OVERLAP_MS).toISOString(),
    );
    const createdSince = new Date(
      from && Date.parse(from) > earliest ? Date.parse(from) : earliest,
    );
    const until = new Date(nowMs).toISOString();

    let oldestOpenAt: string | undefined;
    const observed: Pick<
      StatuspageClient,
      'pageId' | 'listIncidents' | 'listScheduledMaintenances'
    > = {
      pageId,
      async *listIncidents(listOptions) {
        for await (const page of client.listIncidents(listOptions)) {
          for (const incident of page) {
            // Maintenances are read in full from /incidents/scheduled.
            if (
              !isScheduledMaintenance(incident) &&
              !CLOSED_STATUSES.includes(incident.status) &&
              !Number.isNaN(Date.parse(incident.created_at))
            ) {
              oldestOpenAt = minIso(
                oldestOpenAt,
                new Date(incident.created_at).toISOString(),
              );
            }
          }
          yield page;
        }
      },
      listScheduledMaintenances: () => client.listScheduledMaintenances(),
    };
    const mapping = await mappings.get();
    const result = await syncStatuspageIncidents({
      client: observed,
      mapping,
      ingest: context.ingest,
      keepUnmapped: keepUnmapped(context),
      now: () => new Date(now()),
      createdSince,
      onPage: async progress => {
        await context.reportProgress({
          done: done.incidents + progress.incidents,
        });
        if (context.signal.aborted) {
          throw new Error(`Statuspage sync of page ${pageId} was aborted`);
        }
      },
    });
    done.incidents += result.incidents;
    await context.state.set<PageSyncCursor>(cursorKey(pageId), {
      until,
      ...(oldestOpenAt && { oldestOpenAt }),
    });
    logger.info(
      `Statuspage page ${pageId}: read ${
        result.incidents
      } incidents and maintenances created since ${createdSince.toISOString()} (${
        result.created
      } signals created, ${result.updated} updated, ${
        result.unchanged
      } unchanged, ${result.unmapped} of unmapped components, ${
        result.upcoming
      } maintenances not started)`,
    );
  }

  return {
    id: STATUSPAGE_SIGNAL_SOURCE,
    title: 'Statuspage',

    async handleWebhook(delivery, context) {
      const mapping = await mappings.get();
      const result = await handleStatuspageWebhook(
        { token: delivery.token, rawBody: delivery.rawBody },
        {
          pages: config.pages,
          mapping,
          ingest: context.ingest,
          keepUnmapped: keepUnmapped(context),
          now: () => new Date(now()),
        },
      );
      return webhookAnswerOf(result);
    },

    async resolveService(serviceId) {
      return resolveStatuspageService(await mappings.get(), serviceId);
    },

    attributeSignal: attributeStatuspageSignal,

    ...(clients.length > 0 && {
      sync: {
        schedule: config.schedule,
        async run(context) {
          const done = { incidents: 0 };
          const failures: string[] = [];
          for (const client of clients) {
            try {
              await syncPage(client, context, done);
            } catch (error) {
              failures.push(`page ${client.pageId}: ${String(error)}`);
            }
          }
          if (failures.length > 0) {
            throw new Error(
              `Statuspage sync failed for ${failures.join('; ')}`,
            );
          }
        },
      },
    }),
  };
}
