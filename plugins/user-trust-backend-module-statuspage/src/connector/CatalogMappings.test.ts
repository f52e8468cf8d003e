import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { readStatuspageConfig } from '../config';
import { CatalogMappings } from './CatalogMappings';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
  };
}

const config = readStatuspageConfig(
  new ConfigReader({
    userTrust: {
      statuspage: {
        pages: [
          {
            id: 'pg1',
            webhookTokens: ['t'],
            componentMapping: { 'cmp-config': 'status-site' },
          },
        ],
      },
    },
  }),
)!;

describe('CatalogMappings', () => {
  const auth = mockServices.auth();
  const logger = mockServices.logger.mock();
  let clock = 0;
  const mappingsOf = (
    getEntities: (request: any, options: any) => Promise<{ items: Entity[] }>,
  ) =>
    new CatalogMappings({
      config,
      catalog: { getEntities },
      auth,
      logger,
      refreshMs: 1000,
      now: () => clock,
    });
  beforeEach(() => {
    clock = 0;
  });

  it('maps by config and annotations, reads with its own credentials, and refreshes after the interval', async () => {
    let entities = [
      component('checkout-api', { 'statuspage.io/component-id': 'cmp-a' }),
    ];
    const getEntities = jest.fn(async (_request: any, _options: any) => ({
      items: entities,
    }));
    const mappings = mappingsOf(getEntities);

    const first = await mappings.get();
    expect(first.resolve('pg1', 'cmp-a')).toEqual([
      { entityRef: 'component:default/checkout-api', via: 'annotation' },
    ]);
    expect(first.resolve('pg1', 'cmp-config')).toEqual([
      { entityRef: 'component:default/status-site', via: 'config' },
    ]);
    expect(getEntities.mock.calls[0][1].credentials.principal).toMatchObject({
      type: 'service',
    });
    expect(getEntities.mock.calls[0][0].filter).toEqual({
      'metadata.annotations.statuspage.io/component-id': expect.anything(),
    });

    entities = [
      ...entities,
      component('payments', { 'statuspage.io/component-id': 'cmp-b' }),
    ];
    clock = 999;
    expect((await mappings.get()).resolve('pg1', 'cmp-b')).toEqual([]);
    expect(getEntities).toHaveBeenCalledTimes(1);
    clock = 1000;
    expect((await mappings.get()).resolve('pg1', 'cmp-b')).toEqual([
      { entityRef: 'component:default/payments', via: 'annotation' },
    ]);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('keeps the previous mapping while the catalog fails, and throws without one', async () => {
    let fail = true;
    const getEntities = jest.fn(async () => {
      if (fail) throw new Error('catalog down');
      return {
        items: [
          component('checkout-api', { 'statuspage.io/component-id': 'cmp-a' }),
        ],
      };
    });
    const mappings = mappingsOf(getEntities);
    await expect(mappings.get()).rejects.toThrow('catalog down');

    fail = false;
    expect((await mappings.get()).resolve('pg1', 'cmp-a')).toHaveLength(1);
    fail = true;
    clock = 5000;
    expect((await mappings.get()).resolve('pg1', 'cmp-a')).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('could not refresh the component mapping'),
    );
  });
});
