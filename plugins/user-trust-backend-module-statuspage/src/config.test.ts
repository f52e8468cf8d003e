import { ConfigReader } from '@backstage/config';
import {
  configuredComponentMappings,
  createStatuspageClients,
  readStatuspageConfig,
} from './config';

const page = (id: string, extra: object = {}) => ({
  id,
  apiKey: `key-${id}`,
  ...extra,
});

describe('readStatuspageConfig', () => {
  it('is undefined without the section', () => {
    expect(readStatuspageConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('reads pages with defaults', () => {
    const config = readStatuspageConfig(
      new ConfigReader({
        userTrust: {
          statuspage: {
            pages: [
              page('pg1', {
                webhookTokens: ['t1', 't2'],
                componentMapping: { cmp1: 'checkout-api' },
                entityRef: 'status-site',
              }),
              page('pg2', { baseUrl: 'http://localhost:9999/v1' }),
            ],
            backfillDays: 30,
          },
        },
      }),
    )!;
    expect(config.pages).toEqual([
      {
        id: 'pg1',
        apiKey: 'key-pg1',
        baseUrl: 'https://api.statuspage.io/v1',
        webhookTokens: ['t1', 't2'],
        componentMapping: { cmp1: 'checkout-api' },
        entityRef: 'status-site',
      },
      {
        id: 'pg2',
        apiKey: 'key-pg2',
        baseUrl: 'http://localhost:9999/v1',
        webhookTokens: [],
        componentMapping: {},
      },
    ]);
    expect(config.backfillDays).toBe(30);
    expect(config.schedule.frequency).toEqual({ minutes: 15 });
    expect(configuredComponentMappings(config)[0]).toEqual({
      pageId: 'pg1',
      components: { cmp1: 'checkout-api' },
      entityRef: 'status-site',
    });
  });

  it('refuses a page listed twice and a token shared by two pages', () => {
    expect(() =>
      readStatuspageConfig(
        new ConfigReader({
          userTrust: { statuspage: { pages: [page('a'), page('a')] } },
        }),
      ),
    ).toThrow("page 'a' is listed twice");
    expect(() =>
      readStatuspageConfig(
        new ConfigReader({
          userTrust: {
            statuspage: {
              pages: [
                page('a', { webhookTokens: ['t'] }),
                page('b', { webhookTokens: ['t'] }),
              ],
            },
          },
        }),
      ),
    ).toThrow("pages 'a' and 'b' share a webhook token");
  });

  it('takes a page without an API key for webhooks only, without a client', () => {
    const config = readStatuspageConfig(
      new ConfigReader({
        userTrust: {
          statuspage: {
            pages: [{ id: 'hooks-only', webhookTokens: ['t'] }, page('pg2')],
          },
        },
      }),
    )!;
    expect(config.pages[0]).toEqual({
      id: 'hooks-only',
      baseUrl: 'https://api.statuspage.io/v1',
      webhookTokens: ['t'],
      componentMapping: {},
    });
    expect(createStatuspageClients(config).map(c => c.pageId)).toEqual(['pg2']);
  });
});
