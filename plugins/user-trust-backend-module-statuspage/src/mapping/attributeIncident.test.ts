import { fakeIncident } from '../__testUtils__/fakeStatuspage';
import { attributeStatuspageSignal } from '../incidents/incidentSignals';
import {
  attributeIncident,
  parseStatuspageServiceId,
  resolveStatuspageService,
  statuspageExternalService,
} from './attributeIncident';
import { ComponentEntityMapping } from './ComponentEntityMapping';

const now = new Date('2026-12-01T12:00:00Z');
const mapping = ComponentEntityMapping.create({
  configured: [
    { pageId: 'pg1', components: { c1: 'api', c2: 'api' } },
    { pageId: 'pg2', components: {}, entityRef: 'status-site' },
  ],
});

describe('attributeIncident', () => {
  it('gives an entity one signal however many of its components are affected', () => {
    const result = attributeIncident(
      'pg1',
      fakeIncident({
        pageId: 'pg1',
        id: 'inc1',
        createdAt: '2026-12-01T10:00:00Z',
        components: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }, { id: 'c4' }],
      }),
      mapping,
      now,
    );
    expect(result.signals.map(s => s.externalId)).toEqual([
      'inc1:component:default/api',
    ]);
    // Each unmapped component keeps its own copy, distinct by externalId.
    expect(
      result.unmapped.map(u => [
        u.component.componentId,
        u.signals[0].externalId,
      ]),
    ).toEqual([
      ['c3', 'inc1:component:c3'],
      ['c4', 'inc1:component:c4'],
    ]);
    // Mapped later to the same entity, a kept copy becomes its signal.
    expect(
      attributeStatuspageSignal(
        result.unmapped[0].signals[0],
        'component:default/api',
      ),
    ).toEqual(result.signals[0]);
  });

  it('maps an incident naming no component to the page entity, else keeps it', () => {
    const incident = (pageId: string) =>
      fakeIncident({
        pageId,
        id: `inc-${pageId}`,
        createdAt: '2026-12-01T10:00:00Z',
      });
    expect(
      attributeIncident('pg2', incident('pg2'), mapping, now).signals,
    ).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/status-site',
        externalId: 'inc-pg2:component:default/status-site',
      }),
    ]);
    const kept = attributeIncident('pg1', incident('pg1'), mapping, now);
    expect(kept.signals).toEqual([]);
    expect(kept.unmapped).toEqual([
      {
        component: { pageId: 'pg1' },
        signals: [expect.objectContaining({ externalId: 'inc-pg1:page' })],
      },
    ]);
  });
});

describe('external services', () => {
  it('names a component as page/component and reads it back', () => {
    const service = statuspageExternalService({
      pageId: 'pg1',
      componentId: 'c3',
      componentName: 'Search',
    });
    expect(service).toEqual({ id: 'pg1/c3', name: 'Search' });
    expect(parseStatuspageServiceId(service.id)).toEqual({
      pageId: 'pg1',
      componentId: 'c3',
    });
    expect(
      parseStatuspageServiceId(statuspageExternalService({ pageId: 'pg1' }).id),
    ).toEqual({
      pageId: 'pg1',
    });
    for (const id of ['', 'pg1', '/c3', 'pg1/']) {
      expect(parseStatuspageServiceId(id)).toBeUndefined();
    }
  });

  it('resolves a service id to its entity once mapped', () => {
    expect(resolveStatuspageService(mapping, 'pg1/c2')).toBe(
      'component:default/api',
    );
    expect(resolveStatuspageService(mapping, 'pg1/c3')).toBeUndefined();
    expect(resolveStatuspageService(mapping, 'pg2/*')).toBe(
      'component:default/status-site',
    );
    expect(resolveStatuspageService(mapping, 'nonsense')).toBeUndefined();
  });
});
