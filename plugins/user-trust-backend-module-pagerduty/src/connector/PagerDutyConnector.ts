import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IngestSignalsResult,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import {
  isUnknownEntityRefsError,
  UnattributedSignalInput,
  UserTrustConnector,
  UserTrustConnectorContext,
  UserTrustExternalService,
  UserTrustWebhookAnswer,
} from '@user-trust/plugin-user-trust-node';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { PagerDutyConfig } from '../config';
import { PAGERDUTY_SIGNAL_SOURCE } from '../incidents/incidentSignals';
import { PagerDutyIncident } from '../incidents/types';
import { UnmappedPagerDutyService } from '../mapping/unmappedService';
import { syncPagerDutyIncidents } from '../sync/syncIncidents';
import {
  handlePagerDutyWebhook,
  PAGERDUTY_WEBHOOK_MAX_BODY_BYTES,
  PagerDutyWebhookResult,
} from '../webhook/handlePagerDutyWebhook';
import {
  PAGERDUTY_SIGNATURE_HEADER,
  SignatureFailureReason,
  verifyPagerDutySignature,
} from '../webhook/webhookSignature';
import { CatalogMappings } from './CatalogMappings';
import { GroupCommit } from './GroupCommit';

const DAY_MS = 24 * 60 * 60 * 1000;
const NO_MAPPING = { resolve: () => undefined };

/**
 * The connector's id for a PagerDuty service: `<account>:<service id>`, so
 * that two accounts' services never share one (and a mapping made on the
 * Sources page names the account).
 */
export const externalServiceId = (accountId: string, serviceId: string) =>
  `${accountId}:${serviceId}`;

/** The account and service of an external service id (see {@link externalServiceId}). */
export function parseExternalServiceId(id: string): {
  accountId?: string;
  serviceId: string;
} {
  // PagerDuty service ids are alphanumeric; account ids are ours and may hold ':'.
  const at = id.lastIndexOf(':');
  if (at < 0) return { serviceId: id };
  return { accountId: id.slice(0, at), serviceId: id.slice(at + 1) };
}

function externalServiceOf(
  service: UnmappedPagerDutyService,
): UserTrustExternalService {
  return {
    id: externalServiceId(service.accountId, service.serviceId),
    ...(service.serviceName && { name: service.serviceName }),
    ...(service.serviceUrl && { url: service.serviceUrl }),
  };
}

/** Signals by the service their attributes name, without their entity. */
function byService(signals: SignalInput[]) {
  const groups = new Map<
    string,
    { service: UserTrustExternalService; kept: UnattributedSignalInput[] }
  >();
  for (const { entityRef: _, ...signal } of signals) {
    const attributes = signal.attributes ?? {};
    const id = externalServiceId(
      String(attributes.pagerdutyAccount),
      String(attributes.serviceId),
    );
    const group = groups.get(id) ?? {
      service: {
        id,
        ...(typeof attributes.serviceName === 'string' && {
          name: attributes.serviceName,
        }),
      },
      kept: [],
    };
    group.kept.push(signal);
    groups.set(id, group);
  }
  return [...groups.values()];
}

const SIGNATURE_MESSAGES: Record<SignatureFailureReason, string> = {
  'missing-header': 'no X-PagerDuty-Signature header',
  'no-v1-signature': 'X-PagerDuty-Signature has no v1= signature',
  'no-secret-configured':
    'no webhook secret is configured (userTrust.pagerduty.accounts[].webhookSecrets)',
  mismatch:
    'X-PagerDuty-Signature matches no configured webhook secret (userTrust.pagerduty.accounts[].webhookSecrets)',
};

/** The route's answer to a handled delivery. */
export function webhookAnswerOf(
  result: PagerDutyWebhookResult,
): UserTrustWebhookAnswer {
  switch (result.status) {
    case 202: {
      const { type } = result.outcome;
      let outcome: 'ingested' | 'unattributed' | 'ignored' = 'ignored';
      if (type === 'signals') outcome = 'ingested';
      else if (type === 'unmapped') outcome = 'unattributed';
      return { status: 202, outcome };
    }
    case 401:
      return { status: 401, message: SIGNATURE_MESSAGES[result.reason] };
    default:
      return { status: result.status, message: result.message };
  }
}

/**
 * Where a sync of one account stands, in the connector's durable state.
 * `until` is the end of the last complete run; `oldestOpenAt` the creation
 * time of the oldest incident that run found still open, so the next run
 * reads again from there and sees it resolved. A run that stopped midway
 * left `run`, and the next continues it from the last stored page.
 */
export type AccountSyncCursor = {
  until?: string;
  oldestOpenAt?: string;
  run?: {
    since: string;
    until: string;
    resumeFrom: string;
    oldestOpenAt?: string;
  };
};

const cursorKey = (accountId: string) => `cursor:${accountId}`;
function minIso(a: string | undefined, b: string | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

export type PagerDutyConnectorOptions = {
  config: PagerDutyConfig;
  mappings: Pick<CatalogMappings, 'get'>;
  /** REST clients of the accounts that have a token. */
  clients: Map<string, PagerDutyClient>;
  logger: Pick<LoggerService, 'warn' | 'info'>;
  now?: () => number;
};

/**
 * The PagerDuty connector: webhooks v3 for every account with a secret,
 * and — when at least one account has a REST token — a scheduled backfill
 * and reconciliation of those accounts.
 */
export function createPagerDutyConnector(
  options: PagerDutyConnectorOptions,
): UserTrustConnector {
  const { config, mappings, clients, logger } = options;
  const now = options.now ?? Date.now;

  // One group commit per context (the backend hands every delivery the same).
  const groupCommits = new WeakMap<UserTrustConnectorContext, GroupCommit>();
  const groupCommitOf = (context: UserTrustConnectorContext) => {
    let group = groupCommits.get(context);
    if (!group) {
      group = new GroupCommit(signals => context.ingest(signals));
      groupCommits.set(context, group);
    }
    return group;
  };

  /**
   * A webhook's signals for their mapped entity. When ingestion refuses them
   * because that entity is not in the catalog (a `serviceMapping` naming an
   * entity that is gone or not yet loaded), they are kept under their
   * service like those of an unmapped one, instead of being answered 4xx
   * (which PagerDuty never delivers again): they are attributed once the
   * entity exists, and the failed attributions show on the Sources page.
   */
  async function ingestOrKeep(
    context: UserTrustConnectorContext,
    signals: SignalInput[],
  ): Promise<IngestSignalsResult> {
    try {
      return await groupCommitOf(context).ingest(signals);
    } catch (error) {
      // Ingestion's refusal of an entity the catalog does not have.
      if (!isUnknownEntityRefsError(error)) throw error;
      context.logger.warn(
        `PagerDuty: kept signals of a service mapped to an entity the catalog does not have: ${
          (error as Error).message
        }`,
      );
      for (const { service, kept } of byService(signals)) {
        await context.keepUnattributed(service, kept);
      }
      return { created: 0, updated: 0, unchanged: 0 };
    }
  }

  const keepUnmapped =
    (context: UserTrustConnectorContext) =>
    (
      service: UnmappedPagerDutyService,
      signals: Parameters<UserTrustConnectorContext['keepUnattributed']>[1],
    ) =>
      context.keepUnattributed(externalServiceOf(service), signals);

  async function syncAccount(
    accountId: string,
    client: PagerDutyClient,
    context: UserTrustConnectorContext & { signal: AbortSignal },
    done: { incidents: number },
  ) {
    const stored =
      (await context.state.get<AccountSyncCursor>(cursorKey(accountId))) ?? {};
    const nowMs = now();
    const earliest = new Date(nowMs - config.backfillDays * DAY_MS);
    let run = stored.run;
    if (!run) {
      const from = minIso(stored.oldestOpenAt, stored.until);
      const since =
        from && Date.parse(from) > earliest.getTime()
          ? from
          : earliest.toISOString();
      const until = new Date(nowMs).toISOString();
      run = { since, until, resumeFrom: since };
    }
    const { mapping, handledBy } = await mappings.get();
    let oldestOpenAt = run.oldestOpenAt;
    const observed: Pick<
      PagerDutyClient,
      'listIncidents' | 'getIncidentTimeline'
    > = {
      async *listIncidents(listOptions) {
        for await (const page of client.listIncidents(listOptions)) {
          for (const incident of page as PagerDutyIncident[]) {
            if (incident.status !== 'resolved') {
              oldestOpenAt = minIso(
                oldestOpenAt,
                new Date(incident.created_at).toISOString(),
              );
            }
          }
          yield page;
        }
      },
      getIncidentTimeline: id => client.getIncidentTimeline(id),
    };
    const current = run;
    const result = await syncPagerDutyIncidents({
      accountId,
      client: observed,
      since: new Date(current.resumeFrom),
      until: new Date(current.until),
      mapping,
      handledBy,
      classification: config.classification,
      ingest: context.ingest,
      keepUnmapped: async unmapped => {
        for (const { service, signals } of unmapped) {
          await keepUnmapped(context)(service, signals);
        }
      },
      onPage: async progress => {
        // Everything up to this page is stored: a rerun continues from here
        // (the last incident is read again, which changes nothing).
        await context.state.set<AccountSyncCursor>(cursorKey(accountId), {
          ...stored,
          run: {
            ...current,
            resumeFrom: progress.newestCreatedAt ?? current.resumeFrom,
            ...(oldestOpenAt && { oldestOpenAt }),
          },
        });
        await context.reportProgress({
          done: done.incidents + progress.incidents,
        });
        if (context.signal.aborted) {
          throw new Error(`PagerDuty sync of account ${accountId} was aborted`);
        }
      },
    });
    done.incidents += result.incidents;
    await context.state.set<AccountSyncCursor>(cursorKey(accountId), {
      until: current.until,
      ...(oldestOpenAt && { oldestOpenAt }),
    });
    logger.info(
      `PagerDuty account ${accountId}: read ${result.incidents} incidents created ${current.resumeFrom} to ${current.until} (${result.created} signals created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.unmapped} of unmapped services)`,
    );
  }

  return {
    id: PAGERDUTY_SIGNAL_SOURCE,
    title: 'PagerDuty',

    async handleWebhook(delivery, context) {
      // The catalog is read only for a delivery that some account signed:
      // forged requests cannot make the module read it (the core checks the
      // signature again and answers the refusal).
      const signed =
        delivery.rawBody.length <= PAGERDUTY_WEBHOOK_MAX_BODY_BYTES &&
        config.accounts.some(
          account =>
            verifyPagerDutySignature(
              delivery.rawBody,
              delivery.headers[PAGERDUTY_SIGNATURE_HEADER],
              account.webhookSecrets,
            ).ok,
        );
      const { mapping, handledBy } = signed
        ? await mappings.get()
        : { mapping: NO_MAPPING, handledBy: undefined };
      const result = await handlePagerDutyWebhook(delivery, {
        accounts: config.accounts,
        mapping,
        handledBy,
        classification: config.classification,
        ingest: signals => ingestOrKeep(context, signals),
        keepUnmapped: outcome =>
          keepUnmapped(context)(outcome.service, outcome.signals),
        getIncidentTimeline: async (accountId, incidentId) => {
          const client = clients.get(accountId);
          return client ? client.getIncidentTimeline(incidentId) : {};
        },
        logger: context.logger,
      });
      return webhookAnswerOf(result);
    },

    async resolveService(id) {
      const { accountId, serviceId } = parseExternalServiceId(id);
      const { mapping } = await mappings.get();
      const accounts = accountId
        ? [accountId]
        : config.accounts.map(account => account.id);
      for (const account of accounts) {
        const match = mapping.resolve(account, serviceId);
        if (match) return match.entityRef;
      }
      return undefined;
    },

    ...(clients.size > 0 && {
      sync: {
        schedule: config.schedule,
        async run(context) {
          const done = { incidents: 0 };
          const failures: string[] = [];
          for (const [accountId, client] of clients) {
            try {
              await syncAccount(accountId, client, context, done);
            } catch (error) {
              failures.push(`account ${accountId}: ${String(error)}`);
            }
          }
          if (failures.length > 0) {
            throw new Error(`PagerDuty sync failed for ${failures.join('; ')}`);
          }
        },
      },
    }),
  };
}
