import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations } from '../database/migrations';
import { HealthStore } from './HealthStore';
import { healthRow } from './testRows';

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

    it('keeps a row computed later than the one written', async () => {
      const store = await createStore();
      const later = '2026-11-27T10:05:00.000Z';
      await store.write([healthRow('a', { score: 40, evaluatedAt: later })]);
      await store.write([healthRow('a', { score: 90 })]);
      expect((await store.readAll()).rows).toEqual([
        healthRow('a', { score: 40, evaluatedAt: later }),
      ]);
      await store.write([
        healthRow('a', { score: 10, evaluatedAt: '2026-11-27T10:06:00.000Z' }),
      ]);
      expect((await store.readAll()).rows[0].score).toBe(10);
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
