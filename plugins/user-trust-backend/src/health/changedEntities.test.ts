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

jest.setTimeout(60_000);

const API = '/api/user-trust';
const PAYMENTS: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-b' },
};

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

describe('entities marked changed', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'are refreshed after a restart that came before the refresh, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      // The first replica acknowledges a signal and stops before any
      // refresh of changed entities ran (as with a kill -9).
      const first = await startReplica(knex);
      const ingest = await request(first.backend.server)
        .post(`${API}/signals`)
        .set('Authorization', mockCredentials.service.header())
        .send({
          signals: [
            {
              source: 'zendesk',
              externalId: 'payments-1',
              kind: 'support_case',
              entityRef: 'component:default/payments',
              occurredAt: new Date(Date.now() - 3600_000).toISOString(),
            },
          ],
        });
      expect(ingest.status).toBe(200);
      await first.backend.stop();

      // The next one to start brings the row up to date on its first run.
      const second = await startReplica(knex);
      await second.scheduler.triggerTask('user-trust:health:refresh-changed');
      const res = await request(second.backend.server)
        .get(`${API}/health`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        entityRef: 'component:default/payments',
        supportCases: { last7d: 1, previous7d: 0 },
      });

      // Refreshed marks are gone: the next run has nothing to do.
      expect(await knex('user_trust_changed_entities')).toEqual([]);
      await second.backend.stop();
    },
  );
});
