import { ConfigReader } from '@backstage/config';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;
import { readZendeskConfig } from './config';

const read = (zendesk: JsonObject | undefined) =>
  readZendeskConfig(
    new ConfigReader(zendesk ? { userTrust: { zendesk } } : {}),
  );

describe('readZendeskConfig', () => {
  it('is undefined without a userTrust.zendesk section', () => {
    expect(read(undefined)).toBeUndefined();
  });

  it('reads a subdomain with an API token, and the defaults', () => {
    expect(
      read({
        subdomain: 'acme',
        email: 'bot@example.com',
        apiToken: 'secret',
        webhookSecrets: ['s1', 's2'],
        mapping: {
          fieldId: 360001,
          services: { 'service_web.v2': 'storefront' },
        },
        escalation: { groupIds: [4242, '17'], tags: ['Escalated'] },
      }),
    ).toEqual({
      baseUrl: 'https://acme.zendesk.com',
      account: 'acme',
      credentials: {
        type: 'apiToken',
        email: 'bot@example.com',
        apiToken: 'secret',
      },
      webhookSecrets: ['s1', 's2'],
      webhookToleranceSeconds: 300,
      mapping: {
        fieldId: '360001',
        tagPrefix: 'service_',
        services: { 'service_web.v2': 'storefront' },
      },
      escalation: { groupIds: ['4242', '17'], tags: ['escalated'] },
      schedule: expect.objectContaining({ frequency: { minutes: 10 } }),
      backfillDays: 90,
      exportRequestsPerMinute: 10,
    });
  });

  it('reads a base URL with an OAuth token, or no credentials (webhooks only)', () => {
    expect(
      read({ baseUrl: 'https://support.example.com/', oauthToken: 't' }),
    ).toMatchObject({
      baseUrl: 'https://support.example.com',
      account: 'support.example.com',
      credentials: { type: 'oauth', accessToken: 't' },
    });
    expect(read({ subdomain: 'acme' })?.credentials).toBeUndefined();
  });

  it('names the key of a wrong configuration', () => {
    expect(() => read({})).toThrow(/needs subdomain .* or baseUrl/);
    expect(() => read({ subdomain: 'acme.zendesk.com' })).toThrow(
      /is not a subdomain/,
    );
    expect(() => read({ subdomain: 'acme', apiToken: 'x' })).toThrow(
      /apiToken needs userTrust.zendesk.email/,
    );
    expect(() =>
      read({ subdomain: 'acme', email: 'a@b', apiToken: 'x', oauthToken: 'y' }),
    ).toThrow(/either apiToken .* or oauthToken/);
    expect(() =>
      read({ subdomain: 'acme', escalation: { groupIds: [{}] } }),
    ).toThrow(/escalation.groupIds must be a list of ids/);
    expect(() => read({ subdomain: 'acme', backfillDays: 0 })).toThrow(
      /backfillDays must be more than 0/,
    );
  });
});
