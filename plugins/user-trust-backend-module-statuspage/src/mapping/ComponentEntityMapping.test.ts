import { Entity } from '@backstage/catalog-model';
import { ComponentEntityMapping } from './ComponentEntityMapping';

const entity = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
});

describe('ComponentEntityMapping', () => {
  const mapping = ComponentEntityMapping.create({
    entities: [
      entity('checkout-api', { 'statuspage.io/component-id': 'cmpA, cmpB' }),
      entity('checkout-web', { 'statuspage.io/component-id': 'cmpA' }),
      entity('eu-only', {
        'statuspage.io/component-id': 'cmpC',
        'statuspage.io/page-id': 'eu',
      }),
      entity('nothing', {}),
    ],
    configured: [
      {
        pageId: 'us',
        components: { cmpB: 'billing', cmpX: 'group:default/ops' },
        entityRef: 'status-site',
      },
    ],
  });

  it('maps a component to every entity annotated with it', () => {
    expect(mapping.resolve('eu', 'cmpA')).toEqual([
      { entityRef: 'component:default/checkout-api', via: 'annotation' },
      { entityRef: 'component:default/checkout-web', via: 'annotation' },
    ]);
  });

  it('lets config win over annotations, per page', () => {
    expect(mapping.resolve('us', 'cmpB')).toEqual([
      { entityRef: 'component:default/billing', via: 'config' },
    ]);
    expect(mapping.resolve('eu', 'cmpB')).toEqual([
      { entityRef: 'component:default/checkout-api', via: 'annotation' },
    ]);
  });

  it('honours the page annotation', () => {
    expect(mapping.resolve('eu', 'cmpC')).toHaveLength(1);
    expect(mapping.resolve('us', 'cmpC')).toEqual([]);
  });

  it('knows the entity of incidents without components only where configured', () => {
    expect(mapping.resolvePage('us')).toEqual({
      entityRef: 'component:default/status-site',
      via: 'config',
    });
    expect(mapping.resolvePage('eu')).toBeUndefined();
  });

  it('refuses a configured ref that is not a ref', () => {
    expect(() =>
      ComponentEntityMapping.create({
        configured: [{ pageId: 'us', components: { c: '' } }],
      }),
    ).toThrow();
  });
});
