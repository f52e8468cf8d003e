import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityTrustEvaluation,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

function component(name: string, type = 'service'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type, lifecycle: 'production', owner: 'team-a' },
  };
}

const BASE = '/api/user-trust/entities/component/default';

/** A CSAT SLO at 95% over 28 days, as a platform team would PUT it. */
const CSAT_SLO = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-csat
  displayName: Checkout CSAT
spec:
  service: checkout
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: csat-good
    spec:
      ratioMetric:
        good:
          metricSource:
            type: UserTrust
            spec:
              kind: csat_response
              valueAtLeast: 4
        total:
          metricSource:
            type: UserTrust
            spec:
              kind: csat_response
  objectives:
    - target: 0.95
`;

/** `good` answers of 5 and `bad` answers of 2, spread over the last 20 days. */
function csat(good: number, bad: number): SignalInput[] {
  return Array.from({ length: good + bad }, (_, i) => ({
    source: 'survey',
    externalId: `r-${i}`,
    kind: 'csat_response' as const,
    entityRef: 'component:default/checkout-api',
    // Day 2 to 21 ago, never today or yesterday: 1d burn windows stay empty.
    occurredAt: new Date(Date.now() - (2 + (i % 20)) * DAY).toISOString(),
    value: i < good ? 5 : 2,
  }));
}

describe('SLO routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

  async function start(
    permissions:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    const knex = await databases.init('SQLITE_3');
    backend = await startTestBackend({
      features: [
        userTrustPlugin,
        catalogServiceMock.factory({
          entities: [component('checkout-api'), component('ui-kit', 'library')],
        }),
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory({ result: permissions }),
        mockServices.rootConfig.factory({
          data: { userTrust: { evaluation: { cacheSeconds: 0 } } },
        }),
      ],
    });
    return backend.server;
  }

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  const user = mockCredentials.user.header();

  it('evaluates a PUT OpenSLO document against a hand computation', async () => {
    const server = await start();
    const put = await request(server)
      .put(`${BASE}/checkout-api/slos`)
      .set('Authorization', user)
      .set('Content-Type', 'application/yaml')
      .send(CSAT_SLO);
    expect(put.status).toBe(200);
    expect(put.body.slos.map((s: any) => [s.slo.name, s.source.type])).toEqual(
      expect.arrayContaining([['checkout-csat', 'api']]),
    );

    const ingest = await request(server)
      .post('/api/user-trust/signals')
      .set('Authorization', mockCredentials.service.header())
      .send({ signals: csat(90, 10) });
    expect(ingest.body).toEqual({ created: 100, updated: 0, unchanged: 0 });

    const res = await request(server)
      .get(`${BASE}/checkout-api/trust`)
      .set('Authorization', user);
    expect(res.status).toBe(200);
    const trust: EntityTrustEvaluation = res.body;
    const slo = trust.slos.find(s => s.name === 'checkout-csat')!;
    // 90 of 100 good against 95%: attainment 0.9; 10% errors on a 5%
    // budget: burn rate 2, budget remaining 1 - 0.1 / 0.05 = -1.
    expect(slo.total).toBe(100);
    expect(slo.good).toBe(90);
    expect(slo.attainment).toBeCloseTo(0.9, 10);
    expect(slo.errorBudgetRemaining).toBeCloseTo(-1, 10);
    expect(slo.status).toBe('breached');
    expect(slo.source).toMatchObject({ type: 'api' });
    // Of the 100 answers, those of the last 7 days: days 2 to 6 ago.
    const week = csat(90, 10).filter(
      s => Date.parse(s.occurredAt) > Date.now() - 7 * DAY,
    );
    const weekBad = week.filter(s => s.value === 2).length;
    const sevenDay = slo.burnRates.find(b => b.window === '7d')!;
    expect(sevenDay.rate).toBeCloseTo(weekBad / week.length / 0.05, 10);
    expect(trust.status).toBe('breached');
    expect(trust.score).toBeGreaterThanOrEqual(0);
  });

  it('evaluates a batch like single requests, leaving out unseen entities', async () => {
    const server = await start();
    await request(server)
      .post('/api/user-trust/signals')
      .set('Authorization', mockCredentials.service.header())
      .send({ signals: csat(30, 5) });
    const single = await request(server)
      .get(`${BASE}/checkout-api/trust`)
      .set('Authorization', user);
    const batch = await request(server)
      .post('/api/user-trust/trust/batch')
      .set('Authorization', user)
      .send({
        entityRefs: [
          'component:default/checkout-api',
          'component:default/not-in-catalog',
          'component:default/ui-kit',
        ],
      });
    expect(batch.status).toBe(200);
    expect(batch.body.notFound).toEqual(['component:default/not-in-catalog']);
    expect(batch.body.items.map((e: any) => e.entityRef)).toEqual([
      'component:default/checkout-api',
      'component:default/ui-kit',
    ]);
    // Equal but for the time of evaluation.
    const timeless = (evaluation: EntityTrustEvaluation) => ({
      ...evaluation,
      evaluatedAt: undefined,
      slos: evaluation.slos.map(slo => ({
        ...slo,
        window: { ...slo.window, to: undefined },
      })),
    });
    expect(timeless(batch.body.items[0])).toEqual(timeless(single.body));

    const tooMany = await request(server)
      .post('/api/user-trust/trust/batch')
      .set('Authorization', user)
      .send({
        entityRefs: Array.from(
          { length: 101 },
          (_, i) => `component:default/c${i}`,
        ),
      });
    expect(tooMany.status).toBe(400);
    const bad = await request(server)
      .post('/api/user-trust/trust/batch')
      .set('Authorization', user)
      .send({ entityRefs: ['nope'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('entityRefs[0]');
  });

  it('rejects invalid documents with the path and rule, storing nothing', async () => {
    const server = await start();
    const res = await request(server)
      .put(`${BASE}/checkout-api/slos`)
      .set('Authorization', user)
      .set('Content-Type', 'application/yaml')
      .send(CSAT_SLO.replace('target: 0.95', 'target: 1.5'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'spec.objectives[0].target: must be in [0, 1)',
    );
    const slos = await request(server)
      .get(`${BASE}/checkout-api/slos`)
      .set('Authorization', user);
    expect(slos.body.slos.map((s: any) => s.source.type)).not.toContain('api');
  });

  it('validates without storing', async () => {
    const server = await start();
    const ok = await request(server)
      .post('/api/user-trust/slos/validate')
      .set('Authorization', user)
      .set('Content-Type', 'text/plain')
      .send(CSAT_SLO);
    expect(ok.body).toMatchObject({ valid: true, errors: [] });
    expect(ok.body.slos[0].name).toBe('checkout-csat');

    // Invalid OpenSLO v1: a spec rule, with its path.
    const bad = await request(server)
      .post('/api/user-trust/slos/validate')
      .set('Authorization', user)
      .set('Content-Type', 'text/plain')
      .send(CSAT_SLO.replace('  service: checkout\n', ''));
    expect(bad.body).toEqual({
      valid: false,
      slos: [],
      errors: [
        {
          path: 'documents[0].spec.service',
          message: 'is required: the name of the service this SLO belongs to',
        },
      ],
      unsupported: [],
      warnings: [],
    });

    // Valid OpenSLO that User Trust does not support: valid, but skipped.
    const unsupported = await request(server)
      .post('/api/user-trust/slos/validate')
      .set('Authorization', user)
      .set('Content-Type', 'text/plain')
      .send(CSAT_SLO.replace('duration: 28d', 'duration: 1M'));
    expect(unsupported.body).toMatchObject({
      valid: true,
      slos: [],
      errors: [],
      unsupported: [
        {
          path: 'documents[0].spec.timeWindow[0].duration',
          message: expect.stringContaining(
            'rolling windows given in months, quarters or years are not supported by User Trust yet',
          ),
        },
      ],
    });
  });

  it('gives services the default SLOs, with their source', async () => {
    const server = await start();
    const res = await request(server)
      .get(`${BASE}/checkout-api/slos`)
      .set('Authorization', user);
    expect(res.body.slos.map((s: any) => s.slo.name)).toEqual([
      'csat',
      'cases-without-escalation',
      'support-case-rate',
      'no-critical-incidents',
    ]);
    expect(res.body.slos[0].source).toEqual({
      type: 'config',
      rule: 'built-in defaults for services and websites',
    });
    const library = await request(server)
      .get(`${BASE}/ui-kit/slos`)
      .set('Authorization', user);
    expect(library.body.slos).toEqual([]);
  });

  it('answers 403 to PUT and DELETE without the permission', async () => {
    const server = await start(AuthorizeResult.DENY);
    const put = await request(server)
      .put(`${BASE}/checkout-api/slos`)
      .set('Authorization', user)
      .set('Content-Type', 'application/yaml')
      .send(CSAT_SLO);
    expect(put.status).toBe(403);
    const del = await request(server)
      .delete(`${BASE}/checkout-api/slos`)
      .set('Authorization', user);
    expect(del.status).toBe(403);
  });

  it('answers 401 without credentials and 404 for entities one cannot see', async () => {
    const server = await start();
    for (const path of ['trust', 'slos', 'signals']) {
      const res = await request(server)
        .get(`${BASE}/checkout-api/${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
      const hidden = await request(server)
        .get(`${BASE}/not-in-catalog/${path}`)
        .set('Authorization', user);
      expect(hidden.status).toBe(404);
    }
  });

  it('lists the signals behind an evaluation, newest first and paged', async () => {
    const server = await start();
    await request(server)
      .post('/api/user-trust/signals')
      .set('Authorization', mockCredentials.service.header())
      .send({ signals: csat(5, 5) });
    const page = await request(server)
      .get(`${BASE}/checkout-api/signals?kind=csat_response&limit=4&offset=2`)
      .set('Authorization', user);
    expect(page.status).toBe(200);
    expect(page.body.totalCount).toBe(10);
    expect(page.body.items).toHaveLength(4);
    const times = page.body.items.map((s: any) => Date.parse(s.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const tooMany = await request(server)
      .get(`${BASE}/checkout-api/signals?limit=100000`)
      .set('Authorization', user);
    expect(tooMany.status).toBe(400);
  });

  it('replaces API SLOs on PUT and removes them on DELETE', async () => {
    const server = await start();
    const names = async () =>
      (
        await request(server)
          .get(`${BASE}/checkout-api/slos`)
          .set('Authorization', user)
      ).body.slos.map((s: any) => s.slo.name);
    await request(server)
      .put(`${BASE}/checkout-api/slos`)
      .set('Authorization', user)
      .set('Content-Type', 'application/yaml')
      .send(CSAT_SLO);
    expect(await names()).toContain('checkout-csat');
    const del = await request(server)
      .delete(`${BASE}/checkout-api/slos`)
      .set('Authorization', user);
    expect(del.status).toBe(204);
    expect(await names()).not.toContain('checkout-csat');
    const again = await request(server)
      .delete(`${BASE}/checkout-api/slos`)
      .set('Authorization', user);
    expect(again.status).toBe(404);
  });
});

/** An OpenSLO file written for another tool: every kind of OpenSLO v1. */
const MULTI_KIND = readFileSync(
  resolve(__dirname, '../../../../examples/slos/multi-kind.openslo.yaml'),
  'utf8',
);

describe('SLO routes with OpenSLO files of every kind', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

    async function start() {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          catalogServiceMock.factory({ entities: [component('checkout-api')] }),
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          mockServices.rootConfig.factory({
            data: { userTrust: { evaluation: { cacheSeconds: 0 } } },
          }),
        ],
      });
      return backend.server;
    }

    afterEach(async () => {
      await backend?.stop();
      backend = undefined;
    });

    const user = mockCredentials.user.header();

    it('validates a file written for another tool with warnings only, and applies its SLOs', async () => {
      const server = await start();
      const validated = await request(server)
        .post('/api/user-trust/slos/validate')
        .set('Authorization', user)
        .set('Content-Type', 'application/yaml')
        .send(MULTI_KIND);
      expect(validated.status).toBe(200);
      expect(validated.body).toMatchObject({
        valid: true,
        errors: [],
        unsupported: [],
      });
      expect(validated.body.warnings.map((w: any) => w.path)).toEqual([
        'documents[1]',
        'documents[3].spec.alertPolicies',
        'documents[5]',
        'documents[7]',
      ]);

      const put = await request(server)
        .put(`${BASE}/checkout-api/slos`)
        .set('Authorization', user)
        .set('Content-Type', 'application/yaml')
        .send(MULTI_KIND);
      expect(put.status).toBe(200);
      expect(put.body.problems).toEqual([]);

      const slos = await request(server)
        .get(`${BASE}/checkout-api/slos`)
        .set('Authorization', user);
      expect(
        slos.body.slos
          .filter((s: any) => s.source.type === 'api')
          .map((s: any) => s.slo.name),
      ).toEqual(['storefront-escalations', 'storefront-no-critical-incidents']);
      expect(slos.body.problems).toEqual([]);

      const trust = await request(server)
        .get(`${BASE}/checkout-api/trust`)
        .set('Authorization', user);
      expect(trust.status).toBe(200);
      expect(trust.body.slos.map((s: any) => s.name)).toEqual(
        expect.arrayContaining([
          'storefront-escalations',
          'storefront-no-critical-incidents',
        ]),
      );
    });

    it('stores a file with an unsupported SLO, applies the others and shows the problem', async () => {
      const server = await start();
      const unsupported = `${MULTI_KIND}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: storefront-monthly-new-york
spec:
  service: storefront
  indicatorRef: storefront-cases-not-escalated
  timeWindow:
    - duration: 1M
      calendar:
        startTime: 2024-01-01 00:00:00
        timeZone: America/New_York
  budgetingMethod: Occurrences
  objectives:
    - target: 0.9
`;
      const put = await request(server)
        .put(`${BASE}/checkout-api/slos`)
        .set('Authorization', user)
        .set('Content-Type', 'application/yaml')
        .send(unsupported);
      expect(put.status).toBe(200);
      const slos = await request(server)
        .get(`${BASE}/checkout-api/slos`)
        .set('Authorization', user);
      expect(
        slos.body.slos
          .filter((s: any) => s.source.type === 'api')
          .map((s: any) => s.slo.name),
      ).toEqual(['storefront-escalations', 'storefront-no-critical-incidents']);
      expect(slos.body.problems).toEqual([
        {
          source: expect.objectContaining({ type: 'api' }),
          message:
            'Not supported by User Trust: [8] spec.timeWindow[0].calendar.timeZone: calendar windows in America/New_York are not supported by User Trust yet: signals are counted per UTC day; use timeZone: UTC (skipped; the other SLOs apply)',
        },
      ]);

      // Only unsupported SLOs: nothing to store.
      const only = await request(server)
        .put(`${BASE}/checkout-api/slos`)
        .set('Authorization', user)
        .set('Content-Type', 'application/yaml')
        .send(CSAT_SLO.replace('duration: 28d', 'duration: 12h'));
      expect(only.status).toBe(400);
      expect(only.body.error.message).toBe(
        'No SLO in the request body that User Trust supports. Not supported by User Trust: spec.timeWindow[0].duration: rolling windows shorter than a day are not supported by User Trust: signals are counted per day; use whole days, e.g. 1d or 28d',
      );

      // Invalid OpenSLO v1 anywhere: refused, with the spec's rule.
      const invalid = await request(server)
        .put(`${BASE}/checkout-api/slos`)
        .set('Authorization', user)
        .set('Content-Type', 'application/yaml')
        .send(MULTI_KIND.replace('  severity: page\n', ''));
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.message).toBe(
        'Invalid OpenSLO v1: [6] spec.severity: is required',
      );
    });
  });
});
