import { ConfigReader } from '@backstage/config';
import { readPrometheusConfig } from './config';

const read = (prometheus: Record<string, any>) =>
  readPrometheusConfig(new ConfigReader({ userTrust: { prometheus } }));

describe('readPrometheusConfig', () => {
  it('is undefined without a section', () => {
    expect(readPrometheusConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('reads the defaults', () => {
    expect(read({ baseUrl: 'https://prom.example.com/' })).toEqual({
      baseUrl: 'https://prom.example.com',
      schedule: {
        frequency: { hours: 1 },
        timeout: { minutes: 30 },
        initialDelay: { seconds: 30 },
      },
      backfillDays: 28,
      timeoutSeconds: 30,
      entities: {},
    });
  });

  it('reads credentials, schedule and entities (refs completed and lower-cased)', () => {
    const config = read({
      baseUrl: 'http://prom:9090',
      username: 'u',
      password: 'p',
      schedule: { frequency: { minutes: 15 }, timeout: { minutes: 5 } },
      backfillDays: 90,
      entities: {
        'Checkout-API': { good: 'g', total: 't' },
        'component:shop/payments': { ratio: 'r' },
      },
    })!;
    expect(config.credentials).toEqual({
      type: 'basic',
      username: 'u',
      password: 'p',
    });
    expect(config.schedule.frequency).toEqual({ minutes: 15 });
    expect(config.entities).toEqual({
      'component:default/checkout-api': {
        type: 'goodTotal',
        good: 'g',
        total: 't',
      },
      'component:shop/payments': { type: 'ratio', ratio: 'r' },
    });
    expect(read({ baseUrl: 'http://p', token: 'x' })!.credentials).toEqual({
      type: 'bearer',
      token: 'x',
    });
  });

  it.each([
    [{}, /baseUrl/],
    [{ baseUrl: 'prom:9090' }, /not an http\(s\) URL/],
    [
      { baseUrl: 'http://p', token: 't', username: 'u', password: 'p' },
      /either token/,
    ],
    [{ baseUrl: 'http://p', username: 'u' }, /go together/],
    [{ baseUrl: 'http://p', backfillDays: 0 }, /backfillDays/],
    [{ baseUrl: 'http://p', backfillDays: 1.5 }, /backfillDays/],
    [{ baseUrl: 'http://p', timeoutSeconds: -1 }, /timeoutSeconds/],
    [
      {
        baseUrl: 'http://p',
        entities: { 'component:default/': { ratio: 'r' } },
      },
      /not an entity ref/,
    ],
    [
      { baseUrl: 'http://p', entities: { x: { good: 'g' } } },
      /total is missing/,
    ],
    [{ baseUrl: 'http://p', entities: { x: { ratio: 1 } } }, /PromQL strings/],
    [{ baseUrl: 'http://p', entities: { x: {} } }, /has no query/],
  ])('refuses %j', (prometheus, message) => {
    expect(() => read(prometheus)).toThrow(message);
  });
});
