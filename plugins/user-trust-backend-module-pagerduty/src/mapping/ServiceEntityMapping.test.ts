import { Entity } from '@backstage/catalog-model';
import { ServiceEntityMapping } from './ServiceEntityMapping';

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

  it('refuses a configured value that is not an entity ref', () => {
    expect(() =>
      ServiceEntityMapping.create({
        configured: [{ accountId: 'a', services: { PSVC001: 'component:' } }],
      }),
    ).toThrow();
  });
});
