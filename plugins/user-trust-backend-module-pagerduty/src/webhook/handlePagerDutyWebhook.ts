import { LoggerService } from '@backstage/backend-plugin-api';
import { IngestSignalsResult } from '@user-trust/plugin-user-trust-common';
import { UserTrustSignalProviderConnection } from '@user-trust/plugin-user-trust-node';
import { IncidentClassificationOptions } from '../incidents/classification';
import { IncidentTimeline } from '../incidents/logEntryTimeline';
import { HandledByResolver } from '../mapping/HandledByResolver';
import { ServiceEntityMapping } from '../mapping/ServiceEntityMapping';
import {
  interpretPagerDutyWebhookEvent,
  parsePagerDutyWebhookPayload,
  WebhookEventOutcome,
} from './webhookEvents';
import {
  PAGERDUTY_SIGNATURE_HEADER,
  SignatureFailureReason,
  verifyPagerDutySignature,
} from './webhookSignature';

/**
 * One webhook delivery end to end, without HTTP: size, signature, payload,
 * meaning, then storage. It answers 2xx only after the signals (or the
 * unmapped record) are stored; a storage failure is thrown, so the route
 * answers 5xx and PagerDuty delivers again (it retries 5xx and timeouts,
 * and drops other 4xx: developer.pagerduty.com, Webhooks "Behavior").
 * Deliveries are at least once; the same event builds the same signals,
 * which ingestion counts as unchanged.
 */

/** PagerDuty delivers at most 256 KB; anything far larger is not from it. @public */
export const PAGERDUTY_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/** @public */
export type PagerDutyWebhookDelivery = {
  /** The body exactly as received. */
  rawBody: Buffer;
  /** Request headers, names lower-cased (as Node gives them). */
  headers: Record<string, string | string[] | undefined>;
};

/** @public */
export type PagerDutyWebhookDependencies = {
  /** Accounts and their signing secrets; the one whose secret matches is the sender. */
  accounts: Array<{ id: string; webhookSecrets: string[] }>;
  mapping: Pick<ServiceEntityMapping, 'resolve'>;
  /** The backend's ingestion (validated, idempotent, one transaction). */
  ingest: UserTrustSignalProviderConnection['ingest'];
  /** Keeps the signals of an unmapped service durably until it is mapped. */
  keepUnmapped(
    outcome: Extract<WebhookEventOutcome, { type: 'unmapped' }>,
  ): Promise<void>;
  /** Fetches the log-entry timeline of a resolved incident (for MTTA); optional. */
  getIncidentTimeline?(
    accountId: string,
    incidentId: string,
  ): Promise<IncidentTimeline>;
  logger: Pick<LoggerService, 'warn'>;
  classification?: IncidentClassificationOptions;
  /** Finds the catalog User of an incident's handler (for `handledBy`). */
  handledBy?: Pick<HandledByResolver, 'resolve'>;
  maxBodyBytes?: number;
};

/** @public */
export type PagerDutyWebhookResult =
  | {
      status: 202;
      accountId: string;
      outcome: Exclude<WebhookEventOutcome, { type: 'invalid' }>;
      ingested?: IngestSignalsResult;
    }
  | { status: 400; message: string; accountId: string }
  | { status: 401; reason: SignatureFailureReason }
  | { status: 413; message: string };

/**
 * Handles one delivery; see the module comment for what each answer means.
 *
 * @public
 */
export async function handlePagerDutyWebhook(
  delivery: PagerDutyWebhookDelivery,
  deps: PagerDutyWebhookDependencies,
): Promise<PagerDutyWebhookResult> {
  const maxBytes = deps.maxBodyBytes ?? PAGERDUTY_WEBHOOK_MAX_BODY_BYTES;
  if (delivery.rawBody.length > maxBytes) {
    return {
      status: 413,
      message: `body of ${delivery.rawBody.length} bytes is larger than ${maxBytes}`,
    };
  }

  const header = delivery.headers[PAGERDUTY_SIGNATURE_HEADER];
  let accountId: string | undefined;
  let reason: SignatureFailureReason = 'no-secret-configured';
  for (const account of deps.accounts) {
    const verification = verifyPagerDutySignature(
      delivery.rawBody,
      header,
      account.webhookSecrets,
    );
    if (verification.ok) {
      accountId = account.id;
      break;
    }
    // The most telling reason across accounts: a mismatch beats "no secret".
    if (reason === 'no-secret-configured') reason = verification.reason;
  }
  if (accountId === undefined) return { status: 401, reason };

  const parsed = parsePagerDutyWebhookPayload(delivery.rawBody);
  if (!parsed.ok) return { status: 400, message: parsed.message, accountId };

  const context = {
    accountId,
    mapping: deps.mapping,
    classification: deps.classification,
    handledBy: deps.handledBy,
  };
  let outcome = interpretPagerDutyWebhookEvent(parsed.event, context);
  if (outcome.type === 'invalid') {
    return { status: 400, message: outcome.message, accountId };
  }
  if (outcome.type === 'signals' && outcome.needsTimeline) {
    const timeline = await timelineOf(deps, accountId, outcome.incidentId);
    if (timeline) {
      outcome = interpretPagerDutyWebhookEvent(parsed.event, {
        ...context,
        timeline,
      }) as typeof outcome;
    }
  }

  if (outcome.type === 'unmapped') {
    await deps.keepUnmapped(outcome);
    return { status: 202, accountId, outcome };
  }
  if (outcome.type === 'signals') {
    const ingested = await deps.ingest(outcome.signals);
    return { status: 202, accountId, outcome, ingested };
  }
  return { status: 202, accountId, outcome };
}

// A timeline is a refinement: when PagerDuty cannot be asked, the delivery is
// still stored (the next REST reconciliation fills the times in).
async function timelineOf(
  deps: PagerDutyWebhookDependencies,
  accountId: string,
  incidentId: string,
): Promise<IncidentTimeline | undefined> {
  if (!deps.getIncidentTimeline) return undefined;
  try {
    return await deps.getIncidentTimeline(accountId, incidentId);
  } catch (error) {
    deps.logger.warn(
      `PagerDuty incident ${incidentId}: log entries could not be read, stored without them: ${String(
        error,
      )}`,
    );
    return undefined;
  }
}
