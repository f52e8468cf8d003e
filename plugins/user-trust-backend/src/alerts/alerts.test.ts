import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(90_000);

const API = '/api/user-trust';
const PAYMENTS: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-b' },
};
const ALERTS = `${API}/entities/component/default/payments/alerts`;

/** A backend replica on the shared database; its tasks run when triggered. */
async function startReplica(knex: Knex) {
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      userTrustPlugin,
      catalogServiceMock.factory({ entities: [PAYMENTS] }),
      mockServices.database.factory({ knex }),
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
    ],
  });
  return { backend, scheduler };
}

describe('alert states at the health refresh', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'are recorded once across two replicas and not again after a restart, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const replicas = [await startReplica(knex), await startReplica(knex)];
      const get = (path: string, replica = 0) =>
        request(replicas[replica].backend.server)
          .get(path)
          .set('Authorization', mockCredentials.user.header());

      // One critical incident: a bad day of the zero-SLO (97% of 28 days:
      // a budget of 0.84 days) spends its budget.
      const ingest = await request(replicas[0].backend.server)
        .post(`${API}/signals`)
        .set('Authorization', mockCredentials.service.header())
        .send({
          signals: [
            {
              source: 'pagerduty',
              externalId: 'payments-incident-1',
              kind: 'incident',
              severity: 'critical',
              entityRef: 'component:default/payments',
              occurredAt: new Date(Date.now() - 60_000).toISOString(),
            },
          ],
        });
      expect(ingest.status).toBe(200);

      const trust = await get(
        `${API}/entities/component/default/payments/trust`,
      );
      const slo = trust.body.slos.find(
        (s: { name: string }) => s.name === 'no-critical-incidents',
      );
      expect(slo.alert).toMatchObject({
        state: 'breached',
        forecast: { spent: true, runsOutAt: null },
      });
      expect(
        slo.alert.burnRates.map((b: { window: string }) => b.window),
      ).toEqual(['2d', '7d']);

      // Both replicas run their refreshes at once (as a scheduler might
      // after a lost lock): one transition.
      await Promise.all(
        replicas.map(r =>
          r.scheduler.triggerTask('user-trust:health:refresh-changed'),
        ),
      );
      await Promise.all(
        replicas.map(r =>
          r.scheduler.triggerTask('user-trust:health:refresh-all'),
        ),
      );
      const alerts = await get(ALERTS, 1);
      expect(alerts.status).toBe(200);
      expect(alerts.body.current).toEqual([
        {
          slo: 'no-critical-incidents',
          state: 'breached',
          since: expect.any(String),
        },
      ]);
      expect(alerts.body.transitions).toEqual([
        expect.objectContaining({
          slo: 'no-critical-incidents',
          from: 'ok',
          to: 'breached',
          forecast: { spent: true, runsOutAt: null },
        }),
      ]);

      const health = await get(`${API}/health?sort=runout`);
      expect(health.body.items[0].alert).toEqual({
        state: 'breached',
        slo: expect.stringMatching(/critical/),
        spent: true,
        runsOutAt: null,
      });

      // A restart: the state is stored, nothing is recorded again.
      await Promise.all(replicas.map(r => r.backend.stop()));
      const restarted = await startReplica(knex);
      await restarted.scheduler.triggerTask('user-trust:health:refresh-all');
      const after = await request(restarted.backend.server)
        .get(ALERTS)
        .set('Authorization', mockCredentials.user.header());
      expect(after.body.transitions).toHaveLength(1);
      await restarted.backend.stop();
    },
  );
});
