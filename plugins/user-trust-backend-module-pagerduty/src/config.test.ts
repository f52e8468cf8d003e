import { ConfigReader } from '@backstage/config';
import { configuredServiceMappings, readPagerDutyConfig } from './config';

describe('readPagerDutyConfig', () => {
  it('is undefined without the section', () => {
    expect(readPagerDutyConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('reads accounts with their defaults', () => {
    const config = readPagerDutyConfig(
      new ConfigReader({
        userTrust: {
          pagerduty: {
            accounts: [
              {
                id: 'us',
                token: 't1',
                webhookSecrets: ['a', 'b'],
                serviceMapping: { PSVC001: 'checkout-api' },
              },
              { id: 'eu', token: 't2', baseUrl: 'https://pd.example.com' },
            ],
            severityByPriority: { Major: 'critical' },
            customerImpact: { priorities: ['P1'] },
          },
        },
      }),
    )!;
    expect(config.accounts).toEqual([
      {
        id: 'us',
        token: 't1',
        baseUrl: 'https://api.pagerduty.com',
        webhookSecrets: ['a', 'b'],
        serviceMapping: { PSVC001: 'checkout-api' },
      },
      {
        id: 'eu',
        token: 't2',
        baseUrl: 'https://pd.example.com',
        webhookSecrets: [],
        serviceMapping: {},
      },
    ]);
    expect(config.backfillDays).toBe(90);
    expect(config.schedule.frequency).toEqual({ minutes: 15 });
    expect(config.classification).toEqual({
      severityByPriority: { Major: 'critical' },
      customerImpactPriorities: ['P1'],
      customerImpactUrgencies: undefined,
    });
    expect(configuredServiceMappings(config)).toEqual([
      { accountId: 'us', services: { PSVC001: 'checkout-api' } },
      { accountId: 'eu', services: {} },
    ]);
  });

  it('takes an account without a token, which only receives webhooks', () => {
    const config = readPagerDutyConfig(
      new ConfigReader({
        userTrust: {
          pagerduty: { accounts: [{ id: 'dev', webhookSecrets: ['s'] }] },
        },
      }),
    )!;
    expect(config.accounts).toEqual([
      {
        id: 'dev',
        token: undefined,
        baseUrl: 'https://api.pagerduty.com',
        webhookSecrets: ['s'],
        serviceMapping: {},
      },
    ]);
  });

  it('names what is wrong', () => {
    const read = (pagerduty: object) => () =>
      readPagerDutyConfig(new ConfigReader({ userTrust: { pagerduty } }));
    expect(
      read({
        accounts: [
          { id: 'a', token: 't' },
          { id: 'a', token: 't' },
        ],
      }),
    ).toThrow("account id 'a' is used twice");
    expect(
      read({ accounts: [], severityByPriority: { P1: 'urgent' } }),
    ).toThrow(/severityByPriority\.P1: 'urgent' is not one of/);
    expect(read({ accounts: [{ id: 'a' }] })).toThrow(
      'userTrust.pagerduty.accounts[0] (a): needs a token (REST sync), webhookSecrets (webhooks) or both',
    );
  });
});
