import { generateWebhookToken, verifyWebhookToken } from './webhookToken';

describe('verifyWebhookToken', () => {
  it('accepts any configured token and says which', () => {
    expect(verifyWebhookToken('new', ['old', 'new'])).toEqual({
      ok: true,
      tokenIndex: 1,
    });
  });

  it('refuses a wrong, partial, longer or missing token', () => {
    for (const token of ['guess', 'ol', 'oldx', 'OLD']) {
      expect(verifyWebhookToken(token, ['old'])).toEqual({
        ok: false,
        reason: 'mismatch',
      });
    }
    expect(verifyWebhookToken(undefined, ['old'])).toEqual({
      ok: false,
      reason: 'missing-token',
    });
    expect(verifyWebhookToken('', ['old'])).toEqual({
      ok: false,
      reason: 'missing-token',
    });
  });

  it('accepts nothing when no token is configured, not even an empty one', () => {
    expect(verifyWebhookToken('', [''])).toEqual({
      ok: false,
      reason: 'no-token-configured',
    });
    expect(verifyWebhookToken('x', [])).toEqual({
      ok: false,
      reason: 'no-token-configured',
    });
  });

  it('generates long URL-safe tokens', () => {
    const token = generateWebhookToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookToken()).not.toBe(token);
  });
});
