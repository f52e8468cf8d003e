import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_TIER_LABEL } from '@user-trust/plugin-user-trust-common';
import { Knex } from 'knex';
import { FieldRoleStore } from './FieldRoleStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { RollupStore } from '../rollups/RollupStore';
import { SignalStore } from '../signals/SignalStore';
import { NormalizedSignal } from '../signals/types';
import { FieldRoleService, isIsoDate } from './FieldRoleService';
import { FieldRoleTypes } from './FieldRoleTypes';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-01T12:00:00.000Z');

function component(name: string, tier?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(tier ? { labels: { [DEFAULT_TIER_LABEL]: tier } } : {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

function signal(
  entity: string,
  kind: 'support_case' | 'incident' | 'csat_response',
  daysAgo: number,
  id: string,
): NormalizedSignal {
  return {
    source: 'test',
    externalId: id,
    kind,
    entityRef: `component:default/${entity}`,
    occurredAt: new Date(NOW.getTime() - daysAgo * DAY),
    resolvedAt: null,
    severity: null,
    account: null,
    value: null,
    fieldRole: null,
    handledBy: null,
    attributes: null,
  };
}

describe('FieldRoleService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('coverage on %p', databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
    });

    it('weighs blind spots by cases and incidents of the last 28 days, from rollups', async () => {
      const rollups = new RollupStore(knex);
      const signals = new SignalStore(knex, rollups);
      // Signals stored before the queries are registered are rolled up too.
      await signals.ingest([
        signal('quiet', 'support_case', 30, 'q-old'),
        signal('busy', 'support_case', 1, 'b-1'),
        signal('busy', 'support_case', 27, 'b-2'),
      ]);
      const service = new FieldRoleService(
        new FieldRoleTypes(
          [
            {
              id: 'support',
              title: 'Support',
              requiredFor: [{ kind: ['component'] }],
            },
          ],
          DEFAULT_TIER_LABEL,
        ),
        new FieldRoleStore(knex),
        rollups,
        catalogServiceMock({
          entities: [
            component('quiet'),
            component('busy'),
            component('burning'),
            component('covered'),
          ],
        }),
        mockServices.auth(),
      );
      await service.start();
      await signals.ingest([
        signal('burning', 'incident', 2, 'x-1'),
        signal('burning', 'csat_response', 2, 'x-2'),
        signal('busy', 'support_case', 3, 'b-3'),
        signal('covered', 'incident', 1, 'c-1'),
      ]);
      await service.store.replaceHolders(
        'component:default/covered',
        'support',
        [{ holderRef: 'user:default/sam' }],
        'user:default/platform',
      );

      const coverage = await service.coverage(mockCredentials.user(), {}, NOW);
      expect(
        coverage.blindSpots.map(b => [
          b.entityRef,
          b.recentSupportCases,
          b.recentIncidents,
          b.weight,
        ]),
      ).toEqual([
        ['component:default/burning', 0, 1, 6],
        ['component:default/busy', 3, 0, 4],
        ['component:default/quiet', 0, 0, 1],
      ]);
      expect(coverage.holders).toEqual([
        {
          holderRef: 'user:default/sam',
          assignments: [
            {
              entityRef: 'component:default/covered',
              role: 'support',
              accounts: [],
            },
          ],
        },
      ]);
    });
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-01-31', true],
    ['2026-01-31T10:00:00Z', true],
    ['2026-01-31T10:00:00.123+02:00', true],
    ['2026-01-31T10:00Z', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['31.01.2026', false],
    ['2026-01-31T10:00:00', false],
    ['', false],
  ])('%p: %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
