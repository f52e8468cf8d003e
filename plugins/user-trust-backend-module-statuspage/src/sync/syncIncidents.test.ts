import { Entity } from '@backstage/catalog-model';
import {
  fakeIncident,
  fakeMaintenance,
  FakeStatuspage,
} from '../__testUtils__/fakeStatuspage';
import { MemoryStore } from '../__testUtils__/memoryStore';
import { StatuspageClient } from '../client/StatuspageClient';
import { ComponentEntityMapping } from '../mapping/ComponentEntityMapping';
import { syncStatuspageIncidents } from './syncIncidents';

const PAGE = 'pg1';
const now = new Date('2026-12-01T12:00:00Z');
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-api',
      annotations: { 'statuspage.io/component-id': 'cmpCheckout' },
    },
  },
];

let fake: FakeStatuspage;
beforeEach(async () => {
  fake = await FakeStatuspage.start();
});
afterEach(() => fake.stop());

describe('syncStatuspageIncidents', () => {
  it('backfills a page from the REST API and a rerun changes nothing', async () => {
    const history = Array.from({ length: 120 }, (_, i) =>
      fakeIncident({
        pageId: PAGE,
        id: `inc${i}`,
        createdAt: new Date(
          Date.parse('2026-10-01T00:00:00Z') + i * 3_600_000,
        ).toISOString(),
        resolvedAt: new Date(
          Date.parse('2026-10-01T00:30:00Z') + i * 3_600_000,
        ).toISOString(),
        components: [
          {
            id: i % 2 ? 'cmpCheckout' : 'cmpSearch',
            name: i % 2 ? 'Checkout' : 'Search',
          },
        ],
      }),
    );
    fake.addIncidents(
      PAGE,
      ...history,
      fakeMaintenance({
        pageId: PAGE,
        id: 'mntPast',
        createdAt: '2026-11-01T00:00:00Z',
        scheduledFor: '2026-11-02T00:00:00Z',
        scheduledUntil: '2026-11-02T03:00:00Z',
        status: 'completed',
        resolvedAt: '2026-11-02T02:00:00Z',
        components: [{ id: 'cmpCheckout' }],
      }),
      fakeMaintenance({
        pageId: PAGE,
        id: 'mntNext',
        createdAt: '2026-11-30T00:00:00Z',
        scheduledFor: '2026-12-10T00:00:00Z',
        scheduledUntil: '2026-12-10T03:00:00Z',
        components: [{ id: 'cmpCheckout' }],
      }),
    );
    const store = new MemoryStore();
    const pages: number[] = [];
    const options = {
      client: new StatuspageClient({
        pageId: PAGE,
        apiKey: fake.apiKey,
        baseUrl: fake.baseUrl,
        minRequestIntervalMs: 0,
      }),
      mapping: ComponentEntityMapping.create({ entities }),
      ingest: store.ingest,
      keepUnmapped: store.keepUnmapped,
      now: () => now,
      onPage: (progress: { incidents: number }) => {
        pages.push(progress.incidents);
      },
    };

    const first = await syncStatuspageIncidents(options);
    expect(first).toEqual({
      incidents: 122,
      upcoming: 1,
      unmapped: 60,
      created: 61,
      updated: 0,
      unchanged: 0,
    });
    expect(pages).toEqual([100, 122, 122]);
    expect(
      store.byExternalId('mntPast:component:default/checkout-api'),
    ).toMatchObject({
      kind: 'known_event',
      occurredAt: '2026-11-02T00:00:00.000Z',
      resolvedAt: '2026-11-02T02:00:00.000Z',
    });
    expect(store.unmapped[0].component).toEqual({
      pageId: PAGE,
      componentId: 'cmpSearch',
      componentName: 'Search',
    });

    const again = await syncStatuspageIncidents(options);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 61 });
  });
});
