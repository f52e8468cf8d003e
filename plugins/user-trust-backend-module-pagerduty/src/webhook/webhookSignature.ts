import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verification of PagerDuty webhooks v3 signatures.
 *
 * Contract (developer.pagerduty.com, Webhooks "Verifying Signatures"): the
 * `X-PagerDuty-Signature` header holds one or more comma-separated
 * signatures, `v1=<hex>`, one per signing secret of the subscription (so a
 * secret can be rotated without downtime). `v1` is the hex HMAC-SHA256 of
 * the unaltered raw request body with the secret as key. A delivery is
 * authentic when at least one signature matches; compare in constant time.
 */

/** The header PagerDuty signs deliveries with (lower-cased, as Node gives headers). @public */
export const PAGERDUTY_SIGNATURE_HEADER = 'x-pagerduty-signature';

/** Why a signature was refused. @public */
export type SignatureFailureReason =
  | 'missing-header'
  | 'no-v1-signature'
  | 'no-secret-configured'
  | 'mismatch';

/** @public */
export type SignatureVerification =
  | {
      ok: true;
      /** Index of the configured secret that matched. */
      secretIndex: number;
    }
  | { ok: false; reason: SignatureFailureReason };

// SHA-256 is 32 bytes, 64 hex digits: anything else cannot match.
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** The `v1` signatures of a header value, as bytes; malformed ones dropped. */
function v1Signatures(header: string): Buffer[] {
  return header
    .split(',')
    .map(part => part.trim())
    .filter(part => part.startsWith('v1='))
    .map(part => part.slice('v1='.length))
    .filter(hex => HEX_SHA256.test(hex))
    .map(hex => Buffer.from(hex, 'hex'));
}

/** The raw HMAC-SHA256 of a body with one secret. */
function hmac(body: Buffer, secret: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/**
 * Checks a delivery's `X-PagerDuty-Signature` against every configured
 * secret. Never throws: bad input is a failed verification with its reason.
 *
 * @param rawBody - the request body exactly as received (a string is read as UTF-8)
 * @param header - the header value; Node gives a repeated header as an array
 * @param secrets - the subscription's signing secrets (several during rotation)
 *
 * @public
 */
export function verifyPagerDutySignature(
  rawBody: Buffer | string,
  header: string | string[] | undefined,
  secrets: readonly string[],
): SignatureVerification {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value || !value.trim()) return { ok: false, reason: 'missing-header' };
  const usable = secrets.filter(secret => secret.length > 0);
  if (usable.length === 0) {
    return { ok: false, reason: 'no-secret-configured' };
  }
  const signatures = v1Signatures(value);
  if (signatures.length === 0) return { ok: false, reason: 'no-v1-signature' };

  const body = Buffer.isBuffer(rawBody)
    ? rawBody
    : Buffer.from(rawBody, 'utf8');
  for (let index = 0; index < secrets.length; index++) {
    if (!secrets[index]) continue;
    const expected = hmac(body, secrets[index]);
    // Every signature is compared, match or not, so the time taken does not
    // tell which one matched; lengths are equal by the HEX_SHA256 filter,
    // checked again because timingSafeEqual throws on unequal lengths.
    let matched = false;
    for (const signature of signatures) {
      if (
        signature.length === expected.length &&
        timingSafeEqual(signature, expected)
      ) {
        matched = true;
      }
    }
    if (matched) return { ok: true, secretIndex: index };
  }
  return { ok: false, reason: 'mismatch' };
}

/**
 * The `X-PagerDuty-Signature` value PagerDuty would send for a body signed
 * with the given secrets, for scripts that send sample deliveries.
 *
 * @public
 */
export function signPagerDutyWebhook(
  rawBody: Buffer | string,
  secrets: readonly string[],
): string {
  const body = Buffer.isBuffer(rawBody)
    ? rawBody
    : Buffer.from(rawBody, 'utf8');
  return secrets
    .map(secret => `v1=${hmac(body, secret).toString('hex')}`)
    .join(',');
}
