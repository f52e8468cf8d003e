import { Entity } from '@backstage/catalog-model';
import {
  FakePagerDuty,
  fakeServiceWithIntegrations,
} from '../__testUtils__/fakePagerDuty';
import { PagerDutyClient } from '../client/PagerDutyClient';
import {
  integrationKeysOf,
  ServiceEntityMapping,
} from './ServiceEntityMapping';

const entity = (
  name: string,
  annotations: Record<string, string>,
  kind = 'Component',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, annotations },
});

describe('ServiceEntityMapping', () => {
  it('maps services by the pagerduty.com/service-id annotation', () => {
    const mapping = ServiceEntityMapping.create({
      entities: [
        entity('Checkout-API', { 'pagerduty.com/service-id': 'PSVC001' }),
        entity('no-pagerduty', {}),
      ],
    });
    expect(mapping.resolve('acme', 'PSVC001')).toEqual({
      entityRef: 'component:default/checkout-api',
      via: 'annotation',
    });
    expect(mapping.resolve('acme', 'PSVC404')).toBeUndefined();
  });

  it('lets config win, and an annotation naming the account win over one that does not', () => {
    const mapping = ServiceEntityMapping.create({
      configured: [{ accountId: 'eu', services: { PSVC001: 'payments-eu' } }],
      entities: [
        entity('checkout-api', { 'pagerduty.com/service-id': 'PSVC001' }),
        entity('checkout-us', {
          'pagerduty.com/service-id': 'PSVC001',
          'pagerduty.com/account': 'us',
        }),
      ],
    });
    expect(mapping.resolve('eu', 'PSVC001')).toEqual({
      entityRef: 'component:default/payments-eu',
      via: 'config',
    });
    expect(mapping.resolve('us', 'PSVC001')?.entityRef).toBe(
      'component:default/checkout-us',
    );
    expect(mapping.resolve('apac', 'PSVC001')?.entityRef).toBe(
      'component:default/checkout-api',
    );
    expect(mapping.conflicts).toEqual([]);
  });

  it('reports entities claiming one service, and picks the first ref', () => {
    const mapping = ServiceEntityMapping.create({
      entities: [
        entity('zeta', { 'pagerduty.com/service-id': 'PSVC001' }),
        entity('alpha', { 'pagerduty.com/service-id': 'PSVC001' }, 'System'),
      ],
    });
    expect(mapping.resolve('acme', 'PSVC001')?.entityRef).toBe(
      'component:default/zeta',
    );
    expect(mapping.conflicts).toEqual([
      {
        accountId: undefined,
        serviceId: 'PSVC001',
        entityRefs: ['component:default/zeta', 'system:default/alpha'],
      },
    ]);
  });

  it('maps an entity by pagerduty.com/integration-key to the service holding the key', async () => {
    const fake = await FakePagerDuty.start();
    try {
      fake.services.push(
        fakeServiceWithIntegrations('PSVC001', 'Checkout API', [
          'key-1',
          'key-2',
        ]),
        fakeServiceWithIntegrations('PSVC002', 'Search', ['key-3']),
      );
      const client = new PagerDutyClient({
        token: fake.token,
        baseUrl: fake.baseUrl,
        pageSize: 1,
      });
      const services = await client.listServices();
      expect(services.map(s => s.id)).toEqual(['PSVC001', 'PSVC002']);
      const mapping = ServiceEntityMapping.create({
        entities: [
          entity('checkout-api', { 'pagerduty.com/integration-key': 'key-2' }),
          entity('search', {
            'pagerduty.com/integration-key': 'key-3',
            'pagerduty.com/account': 'other',
          }),
          entity('unknown', { 'pagerduty.com/integration-key': 'key-9' }),
        ],
        integrationKeys: integrationKeysOf('acme', services),
      });
      expect(mapping.resolve('acme', 'PSVC001')).toEqual({
        entityRef: 'component:default/checkout-api',
        via: 'annotation',
      });
      // the annotation names another account than the one holding the key
      expect(mapping.resolve('acme', 'PSVC002')).toBeUndefined();
    } finally {
      await fake.stop();
    }
  });

  it('refuses a configured value that is not an entity ref', () => {
    expect(() =>
      ServiceEntityMapping.create({
        configured: [{ accountId: 'a', services: { PSVC001: 'component:' } }],
      }),
    ).toThrow();
  });
});
