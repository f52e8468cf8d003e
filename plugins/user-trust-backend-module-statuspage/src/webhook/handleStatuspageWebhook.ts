import { IngestSignalsResult } from '@user-trust/plugin-user-trust-common';
import { UserTrustSignalProviderConnection } from '@user-trust/plugin-user-trust-node';
import { UnmappedComponentSignals } from '../mapping/attributeIncident';
import { ComponentEntityMapping } from '../mapping/ComponentEntityMapping';
import {
  interpretStatuspageNotification,
  parseStatuspageNotification,
  StatuspageNotificationOutcome,
} from './webhookEvents';
import { verifyWebhookToken, WebhookTokenVerification } from './webhookToken';

/**
 * One webhook delivery end to end, without HTTP: token, size, payload,
 * meaning, then storage. Statuspage requires a 2xx answer within 30
 * seconds and counts anything else, 3xx included, as a failure
 * (support.atlassian.com, "Enable webhook notifications"); this answers
 * 202 only after the signals and the kept unmapped ones are stored, and
 * throws when storing fails, so the route answers 5xx. Statuspage does not
 * document retrying a failed delivery, so the scheduled REST sync is what
 * repairs a missed one. A repeated notification builds the same signals,
 * which ingestion counts as unchanged.
 */

/** Far more than any incident notification; larger bodies are refused. @public */
export const STATUSPAGE_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/** @public */
export type StatuspageWebhookDelivery = {
  /** The token of the URL the notification was posted to. */
  token: string | undefined;
  /** The body exactly as received. */
  rawBody: Buffer;
};

/** @public */
export type StatuspageWebhookDependencies = {
  /** Configured pages and their URL tokens; the page whose token matches is the sender. */
  pages: Array<{ id: string; webhookTokens: string[] }>;
  mapping: Pick<ComponentEntityMapping, 'resolve' | 'resolvePage'>;
  /** The backend's ingestion (validated, idempotent, one transaction). */
  ingest: UserTrustSignalProviderConnection['ingest'];
  /** Keeps signals of components that map to no entity, durably, until mapped. */
  keepUnmapped(unmapped: UnmappedComponentSignals[]): Promise<void>;
  /** Default: the system clock. */
  now?: () => Date;
  maxBodyBytes?: number;
};

/** @public */
export type StatuspageWebhookResult =
  | {
      status: 202;
      pageId: string;
      outcome: Exclude<StatuspageNotificationOutcome, { type: 'invalid' }>;
      ingested?: IngestSignalsResult;
    }
  | { status: 400; pageId: string; message: string }
  | {
      status: 401;
      reason: Extract<WebhookTokenVerification, { ok: false }>['reason'];
    }
  | { status: 413; pageId: string; message: string };

/**
 * Handles one delivery; see the module comment for what each answer means.
 *
 * @public
 */
export async function handleStatuspageWebhook(
  delivery: StatuspageWebhookDelivery,
  deps: StatuspageWebhookDependencies,
): Promise<StatuspageWebhookResult> {
  let pageId: string | undefined;
  let reason: Extract<WebhookTokenVerification, { ok: false }>['reason'] =
    'no-token-configured';
  // Every page is checked, so the time taken does not tell which matched.
  for (const page of deps.pages) {
    const verification = verifyWebhookToken(delivery.token, page.webhookTokens);
    if (verification.ok) pageId = pageId ?? page.id;
    else if (reason === 'no-token-configured') reason = verification.reason;
  }
  if (pageId === undefined) return { status: 401, reason };

  const maxBytes = deps.maxBodyBytes ?? STATUSPAGE_WEBHOOK_MAX_BODY_BYTES;
  if (delivery.rawBody.length > maxBytes) {
    return {
      status: 413,
      pageId,
      message: `body of ${delivery.rawBody.length} bytes is larger than ${maxBytes}`,
    };
  }
  const parsed = parseStatuspageNotification(delivery.rawBody);
  if (!parsed.ok) return { status: 400, pageId, message: parsed.message };

  const outcome = interpretStatuspageNotification(parsed.notification, {
    pageId,
    mapping: deps.mapping,
    now: deps.now?.() ?? new Date(),
  });
  if (outcome.type === 'invalid') {
    return { status: 400, pageId, message: outcome.message };
  }
  if (outcome.type !== 'incident') return { status: 202, pageId, outcome };

  const ingested =
    outcome.signals.length > 0 ? await deps.ingest(outcome.signals) : undefined;
  if (outcome.unmapped.length > 0) await deps.keepUnmapped(outcome.unmapped);
  return { status: 202, pageId, outcome, ...(ingested && { ingested }) };
}
