import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from './migrations';
import { HealthStore } from './HealthStore';
import { healthRow } from '../health/testRows';

jest.setTimeout(60_000);

describe('HealthStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      return new HealthStore(knex);
    }

    it('upserts rows and bumps the version with every write', async () => {
      const store = await createStore();
      expect(await store.readAll()).toEqual({ version: 0, rows: [] });
      await store.write([healthRow('a'), healthRow('b')]);
      await store.write([healthRow('a', { score: 10 })]);
      const { version, rows } = await store.readAll();
      expect(version).toBe(2);
      expect(await store.version()).toBe(2);
      expect(
        rows
          .map(r => [r.name, r.score])
          .sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
      ).toEqual([
        ['a', 10],
        ['b', 90],
      ]);
    });

    it('removes named rows, or on a full refresh every row not written', async () => {
      const store = await createStore();
      await store.write(['a', 'b', 'c'].map(name => healthRow(name)));
      await store.write([], { remove: ['component:default/a'] });
      expect((await store.readAll()).rows.map(r => r.name).sort()).toEqual([
        'b',
        'c',
      ]);
      await store.write([healthRow('c'), healthRow('d')], {
        removeOthers: true,
      });
      expect((await store.readAll()).rows.map(r => r.name).sort()).toEqual([
        'c',
        'd',
      ]);
    });
  });
});
