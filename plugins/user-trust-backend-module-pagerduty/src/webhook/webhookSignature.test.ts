import { signedDelivery } from '../__testUtils__/fakePagerDuty';
import {
  signPagerDutyWebhook,
  verifyPagerDutySignature,
} from './webhookSignature';

const payload = { event: { id: 'e1', event_type: 'incident.triggered' } };

describe('verifyPagerDutySignature', () => {
  it('accepts a delivery signed as PagerDuty signs it', () => {
    const { rawBody, headers } = signedDelivery(payload, ['secret-a']);
    expect(
      verifyPagerDutySignature(rawBody, headers['x-pagerduty-signature'], [
        'secret-a',
      ]),
    ).toEqual({ ok: true, secretIndex: 0 });
  });

  it('accepts any of several v1 signatures and any configured secret (rotation)', () => {
    // PagerDuty signs with the old and the new secret during a rotation;
    // we may have only the new one configured, or both.
    const { rawBody, headers } = signedDelivery(payload, ['old', 'new']);
    const header = headers['x-pagerduty-signature'];
    expect(header.split(',')).toHaveLength(2);
    expect(verifyPagerDutySignature(rawBody, header, ['new'])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(
      verifyPagerDutySignature(rawBody, header, ['unrelated', 'old']),
    ).toEqual({ ok: true, secretIndex: 1 });
  });

  it('verifies the raw bytes, unicode included, not a re-serialisation', () => {
    const { rawBody, headers } = signedDelivery(
      { event: { id: 'é', title: 'Zahlungsausfall – 💥' } },
      ['s'],
    );
    const header = headers['x-pagerduty-signature'];
    expect(verifyPagerDutySignature(rawBody, header, ['s']).ok).toBe(true);
    expect(
      verifyPagerDutySignature(rawBody.toString('utf8'), header, ['s']).ok,
    ).toBe(true);
    const reformatted = JSON.stringify(JSON.parse(rawBody.toString()), null, 2);
    expect(verifyPagerDutySignature(reformatted, header, ['s'])).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a wrong secret or a changed body', () => {
    const { rawBody, headers } = signedDelivery(payload, ['secret-a']);
    const header = headers['x-pagerduty-signature'];
    expect(verifyPagerDutySignature(rawBody, header, ['secret-b'])).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const changed = Buffer.from(rawBody.toString().replace('e1', 'e2'));
    expect(verifyPagerDutySignature(changed, header, ['secret-a'])).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('tells why, without throwing, for missing or malformed headers', () => {
    const body = Buffer.from('{}');
    expect(verifyPagerDutySignature(body, undefined, ['s'])).toEqual({
      ok: false,
      reason: 'missing-header',
    });
    expect(verifyPagerDutySignature(body, '  ', ['s'])).toEqual({
      ok: false,
      reason: 'missing-header',
    });
    for (const header of [
      'garbage',
      'v0=abcd',
      'v1=',
      'v1=zz',
      // a signature of the wrong length must not reach timingSafeEqual
      `v1=${'a'.repeat(62)}`,
      `v1=${'a'.repeat(66)}`,
      `sha256=${'a'.repeat(64)}`,
    ]) {
      expect(verifyPagerDutySignature(body, header, ['s'])).toEqual({
        ok: false,
        reason: 'no-v1-signature',
      });
    }
    expect(
      verifyPagerDutySignature(body, signPagerDutyWebhook(body, ['s']), []),
    ).toEqual({ ok: false, reason: 'no-secret-configured' });
    expect(
      verifyPagerDutySignature(body, signPagerDutyWebhook(body, ['s']), ['']),
    ).toEqual({ ok: false, reason: 'no-secret-configured' });
  });

  it('reads a header Node gives as an array, and ignores other versions', () => {
    const { rawBody, headers } = signedDelivery(payload, ['s']);
    const v1 = headers['x-pagerduty-signature'];
    expect(
      verifyPagerDutySignature(rawBody, [`v2=${'b'.repeat(64)}`, v1], ['s']),
    ).toEqual({ ok: true, secretIndex: 0 });
    expect(
      verifyPagerDutySignature(rawBody, ` v9=xyz , ${v1} `, ['s']).ok,
    ).toBe(true);
  });
});

describe('signPagerDutyWebhook', () => {
  it('signs as the fake PagerDuty does', () => {
    const { rawBody, headers } = signedDelivery(payload, ['a', 'b']);
    expect(signPagerDutyWebhook(rawBody, ['a', 'b'])).toBe(
      headers['x-pagerduty-signature'],
    );
  });
});
