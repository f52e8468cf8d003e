import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header of the signature: base64(HMAC-SHA256(secret, timestamp + body)). @public */
export const ZENDESK_SIGNATURE_HEADER = 'x-zendesk-webhook-signature';
/** Header of the timestamp the signature covers. @public */
export const ZENDESK_SIGNATURE_TIMESTAMP_HEADER =
  'x-zendesk-webhook-signature-timestamp';
/** Default replay window: deliveries signed longer ago (or ahead) are refused. @public */
export const ZENDESK_DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The signature Zendesk sends for a body signed at `timestamp`:
 * base64(HMAC-SHA256(secret, timestamp + body)), the timestamp exactly as
 * sent in its header.
 *
 * @public
 */
export function zendeskWebhookSignature(
  secret: string,
  timestamp: string,
  rawBody: Buffer,
): string {
  return createHmac('sha256', secret)
    .update(timestamp, 'utf8')
    .update(rawBody)
    .digest('base64');
}

/** @public */
export type ZendeskSignatureCheck =
  | { ok: true }
  | { ok: false; message: string };

function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A timestamp header as ms: ISO 8601 (Zendesk's) or Unix seconds. */
function timestampMs(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^\d{9,11}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Checks a delivery's `X-Zendesk-Webhook-Signature` against every
 * configured signing secret (several while one is rotated), in constant
 * time, and refuses a timestamp outside the replay window.
 *
 * @public
 */
export function verifyZendeskSignature(options: {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  secrets: string[];
  toleranceSeconds: number;
  now: number;
}): ZendeskSignatureCheck {
  const { rawBody, headers, secrets, toleranceSeconds, now } = options;
  if (secrets.length === 0) {
    return {
      ok: false,
      message:
        'No webhook signing secret is configured (userTrust.zendesk.webhookSecrets): deliveries cannot be verified and are refused',
    };
  }
  const signature = header(headers, ZENDESK_SIGNATURE_HEADER);
  const timestamp = header(headers, ZENDESK_SIGNATURE_TIMESTAMP_HEADER);
  if (!signature || !timestamp) {
    return {
      ok: false,
      message: `Missing ${ZENDESK_SIGNATURE_HEADER} or ${ZENDESK_SIGNATURE_TIMESTAMP_HEADER} header`,
    };
  }
  const signedAt = timestampMs(timestamp);
  if (signedAt === undefined) {
    return {
      ok: false,
      message: `${ZENDESK_SIGNATURE_TIMESTAMP_HEADER} is not a timestamp`,
    };
  }
  const given = Buffer.from(signature.trim(), 'utf8');
  const matches = secrets.some(secret => {
    const expected = Buffer.from(
      zendeskWebhookSignature(secret, timestamp, rawBody),
      'utf8',
    );
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!matches) {
    return {
      ok: false,
      message:
        'The signature matches no configured webhook signing secret (userTrust.zendesk.webhookSecrets)',
    };
  }
  if (Math.abs(now - signedAt) > toleranceSeconds * 1000) {
    return {
      ok: false,
      message: `The delivery was signed at ${timestamp}, outside the ${toleranceSeconds} s replay window; it is refused as stale`,
    };
  }
  return { ok: true };
}
