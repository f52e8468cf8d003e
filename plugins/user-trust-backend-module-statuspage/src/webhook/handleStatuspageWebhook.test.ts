import { Entity } from '@backstage/catalog-model';
import {
  componentUpdateNotification,
  fakeComponent,
  fakeIncident,
  fakeMaintenance,
  incidentNotification,
  postNotification,
  startWebhookReceiver,
} from '../__testUtils__/fakeStatuspage';
import { MemoryStore } from '../__testUtils__/memoryStore';
import { attributeStatuspageSignal } from '../incidents/incidentSignals';
import { ComponentEntityMapping } from '../mapping/ComponentEntityMapping';
import {
  handleStatuspageWebhook,
  StatuspageWebhookDependencies,
} from './handleStatuspageWebhook';

const annotated = (name: string, componentIds: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: { 'statuspage.io/component-id': componentIds },
  },
});

const entities = [
  annotated('checkout-api', 'cmpCheckout,cmpPayments'),
  annotated('checkout-web', 'cmpCheckout'),
];
const pages = [
  { id: 'pgUS', webhookTokens: ['us-token'] },
  { id: 'pgEU', webhookTokens: ['eu-old', 'eu-new'] },
];
const now = new Date('2026-12-01T12:00:00Z');

const outage = fakeIncident({
  pageId: 'pgUS',
  id: 'incOutage',
  createdAt: '2026-12-01T10:00:00Z',
  impact: 'major',
  components: [
    { id: 'cmpCheckout', name: 'Checkout' },
    { id: 'cmpPayments', name: 'Payments' },
    { id: 'cmpSearch', name: 'Search' },
  ],
});

let store: MemoryStore;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let deps: StatuspageWebhookDependencies;

beforeEach(async () => {
  store = new MemoryStore();
  deps = {
    pages,
    mapping: ComponentEntityMapping.create({ entities }),
    ingest: store.ingest,
    keepUnmapped: store.keepUnmapped,
    now: () => now,
  };
  receiver = await startWebhookReceiver(delivery =>
    handleStatuspageWebhook(delivery, deps),
  );
});
afterEach(() => receiver.stop());

describe('handleStatuspageWebhook, as Statuspage posts notifications', () => {
  it('stores one signal per entity, keeps the unmapped component, and a repeat changes nothing', async () => {
    const first = await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(outage),
    );
    expect(first.status).toBe(202);
    expect(JSON.parse(first.body)).toMatchObject({
      pageId: 'pgUS',
      ingested: { created: 2, updated: 0, unchanged: 0 },
    });
    expect([...store.signals.keys()].sort()).toEqual([
      'statuspage/incOutage:component:default/checkout-api',
      'statuspage/incOutage:component:default/checkout-web',
    ]);
    expect(
      store.byExternalId('incOutage:component:default/checkout-api'),
    ).toMatchObject({
      kind: 'incident',
      severity: 'high',
      occurredAt: '2026-12-01T10:00:00.000Z',
      attributes: { componentIds: 'cmpCheckout,cmpPayments,cmpSearch' },
    });
    expect(store.unmapped).toEqual([
      {
        component: {
          pageId: 'pgUS',
          componentId: 'cmpSearch',
          componentName: 'Search',
        },
        signals: [
          expect.objectContaining({
            externalId: 'incOutage:component:cmpSearch',
          }),
        ],
      },
    ]);

    const again = await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(outage),
    );
    expect(JSON.parse(again.body)).toMatchObject({
      ingested: { created: 0, updated: 0, unchanged: 2 },
    });
  });

  it('updates the same signals when the incident is resolved', async () => {
    await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(outage),
    );
    const resolved = {
      ...outage,
      status: 'resolved',
      resolved_at: '2026-12-01T11:30:00-01:00',
    };
    const result = await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(resolved),
    );
    expect(JSON.parse(result.body)).toMatchObject({
      ingested: { created: 0, updated: 2, unchanged: 0 },
    });
    expect(
      store.byExternalId('incOutage:component:default/checkout-web')
        ?.resolvedAt,
    ).toBe('2026-12-01T12:30:00.000Z');
  });

  it('reads the components from the updates when the incident does not list them', async () => {
    const result = await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(outage, { withoutComponents: true }),
    );
    expect(JSON.parse(result.body)).toMatchObject({ ingested: { created: 2 } });
  });

  it('attributes kept signals to the same ids once the component is mapped', async () => {
    await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(outage),
    );
    const kept = store.unmapped[0].signals[0];
    // Search becomes part of checkout-api: the kept signal lands on the
    // signal already stored for that entity instead of a second one.
    const result = await store.ingest([
      attributeStatuspageSignal(kept, 'component:default/checkout-api'),
    ]);
    expect(result).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('refuses a wrong or missing token with 401 and stores nothing', async () => {
    for (const url of [
      receiver.urlFor('guessed'),
      receiver.urlFor('us-token-and-more'),
      receiver.urlFor('').replace(/\/$/, ''),
    ]) {
      const result = await postNotification(url, incidentNotification(outage));
      expect(result.status).toBe(401);
    }
    expect(store.signals.size).toBe(0);
    expect(store.unmapped).toEqual([]);
  });

  it('finds the page by whichever of its tokens the URL holds (rotation)', async () => {
    const eu = { ...outage, page_id: 'pgEU', id: 'incEU' };
    for (const token of ['eu-old', 'eu-new']) {
      const result = await postNotification(
        receiver.urlFor(token),
        incidentNotification(eu),
      );
      expect(JSON.parse(result.body)).toMatchObject({
        status: 202,
        pageId: 'pgEU',
      });
    }
  });

  it('answers 400 for a body that is no notification or is for another page', async () => {
    const garbage = await postNotification(
      receiver.urlFor('us-token'),
      '{"page":',
    );
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body).message).toMatch(/not JSON/);
    const otherPage = await postNotification(
      receiver.urlFor('eu-new'),
      incidentNotification(outage),
    );
    expect(otherPage.status).toBe(400);
    expect(JSON.parse(otherPage.body).message).toMatch(
      /page 'pgUS' on the webhook URL of page 'pgEU'/,
    );
    expect(store.signals.size).toBe(0);
  });

  it('answers 413 for an oversized body', async () => {
    deps.maxBodyBytes = 100;
    const result = await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(outage),
    );
    expect(result.status).toBe(413);
  });

  it('acknowledges component status changes without storing anything', async () => {
    const result = await postNotification(
      receiver.urlFor('us-token'),
      componentUpdateNotification(
        fakeComponent('pgUS', 'cmpCheckout'),
        'major_outage',
      ),
    );
    expect(result.status).toBe(202);
    expect(JSON.parse(result.body).outcome.type).toBe('ignored');
    expect(store.batches).toBe(0);
  });

  it('stores a started maintenance as a known event and nothing for one to come', async () => {
    const started = fakeMaintenance({
      pageId: 'pgUS',
      id: 'mntNow',
      createdAt: '2026-11-25T00:00:00Z',
      scheduledFor: '2026-12-01T11:00:00Z',
      scheduledUntil: '2026-12-01T13:00:00Z',
      status: 'in_progress',
      components: [{ id: 'cmpPayments' }],
    });
    const result = await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(started),
    );
    expect(JSON.parse(result.body)).toMatchObject({ ingested: { created: 1 } });
    expect(
      store.byExternalId('mntNow:component:default/checkout-api'),
    ).toMatchObject({
      kind: 'known_event',
      occurredAt: '2026-12-01T11:00:00.000Z',
    });

    const later = {
      ...started,
      id: 'mntLater',
      status: 'scheduled',
      scheduled_for: '2026-12-08T11:00:00Z',
      scheduled_until: '2026-12-08T13:00:00Z',
    };
    const upcoming = await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(later),
    );
    expect(JSON.parse(upcoming.body)).toMatchObject({
      status: 202,
      outcome: { upcomingAt: '2026-12-08T11:00:00.000Z', signals: [] },
    });
    expect(store.signals.size).toBe(1);
  });

  it('answers 5xx when storing fails, so nothing is acknowledged unstored', async () => {
    deps.ingest = async () => {
      throw new Error('database is down');
    };
    const result = await postNotification(
      receiver.urlFor('us-token'),
      incidentNotification(outage),
    );
    expect(result.status).toBe(500);
  });
});
