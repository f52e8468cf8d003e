import { signedDelivery } from '../__testUtils__/fakeZendesk';
import {
  verifyZendeskSignature,
  zendeskWebhookSignature,
} from './webhookSignature';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const check = (
  delivery: ReturnType<typeof signedDelivery>,
  secrets = ['secret-1'],
  now = NOW,
) =>
  verifyZendeskSignature({
    ...delivery,
    secrets,
    toleranceSeconds: 300,
    now,
  });

describe('verifyZendeskSignature', () => {
  const timestamp = new Date(NOW - 10_000).toISOString();

  it('accepts base64(HMAC-SHA256(secret, timestamp + body)) of any configured secret', () => {
    const delivery = signedDelivery({ type: 'x' }, 'secret-1', { timestamp });
    expect(check(delivery)).toEqual({ ok: true });
    expect(check(delivery, ['old', 'secret-1'])).toEqual({ ok: true });
    expect(delivery.headers['x-zendesk-webhook-signature']).toBe(
      zendeskWebhookSignature('secret-1', timestamp, delivery.rawBody),
    );
  });

  it('refuses another secret, a changed body or a changed timestamp', () => {
    const delivery = signedDelivery({ type: 'x' }, 'secret-1', { timestamp });
    expect(check(delivery, ['secret-2'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/matches no configured/),
    });
    expect(
      check({ ...delivery, rawBody: Buffer.from('{"type":"y"}') }),
    ).toMatchObject({ ok: false });
    expect(
      check({
        ...delivery,
        headers: {
          ...delivery.headers,
          'x-zendesk-webhook-signature-timestamp': new Date(NOW).toISOString(),
        },
      }),
    ).toMatchObject({ ok: false });
  });

  it('refuses a timestamp outside the replay window, either way', () => {
    const stale = signedDelivery({}, 'secret-1', {
      timestamp: new Date(NOW - 301_000).toISOString(),
    });
    expect(check(stale)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/outside the 300 s replay window/),
    });
    const ahead = signedDelivery({}, 'secret-1', {
      timestamp: new Date(NOW + 301_000).toISOString(),
    });
    expect(check(ahead)).toMatchObject({ ok: false });
  });

  it('refuses missing headers, an unreadable timestamp, and no secret configured', () => {
    const delivery = signedDelivery({}, 'secret-1', { timestamp });
    expect(check({ ...delivery, headers: {} })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Missing/),
    });
    const garbled = signedDelivery({}, 'secret-1', { timestamp: 'yesterday' });
    expect(check(garbled)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a timestamp/),
    });
    expect(check(delivery, [])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No webhook signing secret/),
    });
  });
});
