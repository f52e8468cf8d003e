import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Statuspage signs nothing: a webhook notification is a plain JSON POST to
 * the subscribed URL (support.atlassian.com, Statuspage "Enable webhook
 * notifications"). The only proof that a delivery comes from the
 * subscription is a secret the URL holds, so the URL given to Statuspage
 * ends in a token from config, and a delivery is accepted only when its
 * token equals one of them.
 */

/** @public */
export type WebhookTokenVerification =
  | {
      ok: true;
      /** Index of the configured token that matched. */
      tokenIndex: number;
    }
  | { ok: false; reason: 'missing-token' | 'no-token-configured' | 'mismatch' };

// Comparing digests gives equal lengths whatever was sent, so neither the
// comparison nor its length check tells an attacker how close a guess is.
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Checks the token of a delivery's URL against the configured ones, in
 * constant time: every configured token is compared, match or not.
 *
 * @public
 */
export function verifyWebhookToken(
  tokenFromUrl: string | undefined,
  configuredTokens: readonly string[],
): WebhookTokenVerification {
  const usable = configuredTokens.filter(token => token.length > 0);
  if (usable.length === 0) return { ok: false, reason: 'no-token-configured' };
  if (!tokenFromUrl) return { ok: false, reason: 'missing-token' };
  const received = digest(tokenFromUrl);
  let tokenIndex = -1;
  configuredTokens.forEach((token, index) => {
    if (!token) return;
    if (timingSafeEqual(received, digest(token)) && tokenIndex < 0) {
      tokenIndex = index;
    }
  });
  return tokenIndex >= 0
    ? { ok: true, tokenIndex }
    : { ok: false, reason: 'mismatch' };
}

/**
 * A new random token (32 bytes, URL-safe base64) for a page's
 * `webhookTokens`.
 *
 * @public
 */
export function generateWebhookToken(): string {
  return randomBytes(32).toString('base64url');
}
