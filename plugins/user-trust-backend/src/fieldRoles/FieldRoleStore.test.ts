import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { FieldRoleStore } from './FieldRoleStore';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout-api';
const PAYMENTS = 'component:default/payments';
const RACHEL = 'user:default/rachel.kim';
const SAM = 'user:default/sam.lee';
const CSM_GROUP = 'group:default/customer-success';
const PLATFORM = 'user:default/platform-person';
const OWNER = 'user:default/owner-person';

describe('FieldRoleStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let knex: Knex;
    let store: FieldRoleStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      store = new FieldRoleStore(knex);
    });

    const auditRows = () =>
      knex('user_trust_field_role_audit').orderBy('id', 'asc');

    describe('replaceHolders', () => {
      it('registers holders with since, note, accounts, who and when, and audits it', async () => {
        const before = Date.now();
        const change = await store.replaceHolders(
          CHECKOUT,
          'tam',
          [
            { holderRef: SAM, accounts: ['globex'], since: '2025-06-01' },
            { holderRef: RACHEL, accounts: ['acme', 'initech'], note: 'EU' },
          ],
          PLATFORM,
        );
        expect(change.changed).toBe(true);
        expect(change.before).toEqual([]);
        // Sorted by holder.
        expect(change.after.map(a => a.holderRef)).toEqual([RACHEL, SAM]);

        const stored = await store.forEntity(CHECKOUT);
        expect(stored).toEqual([
          {
            entityRef: CHECKOUT,
            role: 'tam',
            holderRef: RACHEL,
            accounts: ['acme', 'initech'],
            note: 'EU',
            since: expect.any(String),
            source: 'registry',
            registeredBy: PLATFORM,
            registeredAt: expect.any(String),
          },
          {
            entityRef: CHECKOUT,
            role: 'tam',
            holderRef: SAM,
            accounts: ['globex'],
            since: '2025-06-01',
            source: 'registry',
            registeredBy: PLATFORM,
            registeredAt: expect.any(String),
          },
        ]);
        // A new holder without since is there since now.
        expect(Date.parse(stored[0].since)).toBeGreaterThanOrEqual(
          before - 1000,
        );
        expect(Date.parse(stored[0].registeredAt!)).toBeGreaterThanOrEqual(
          before - 1000,
        );
        expect(Date.parse(stored[0].registeredAt!)).toBeLessThanOrEqual(
          Date.now() + 1000,
        );

        const { items, totalCount } = await store.audit(
          {},
          { limit: 10, offset: 0 },
        );
        expect(totalCount).toBe(1);
        expect(items[0]).toEqual({
          id: expect.any(Number),
          at: expect.any(String),
          actor: PLATFORM,
          entityRef: CHECKOUT,
          role: 'tam',
          action: 'set',
          before: [],
          after: stored,
        });
      });

      it('writes nothing and no audit entry when the holders are the same', async () => {
        await store.replaceHolders(
          CHECKOUT,
          'tam',
          [{ holderRef: RACHEL, accounts: ['acme'], note: 'EU' }],
          PLATFORM,
        );
        const first = await store.forEntity(CHECKOUT);

        const again = await store.replaceHolders(
          CHECKOUT,
          'tam',
          [{ holderRef: RACHEL, accounts: ['acme'], note: 'EU' }],
          OWNER,
        );
        expect(again.changed).toBe(false);
        expect(await store.forEntity(CHECKOUT)).toEqual(first);
        expect(await auditRows()).toHaveLength(1);
      });

      it('keeps since and who registered a holder that stays, replaces accounts and note', async () => {
        await store.replaceHolders(
          CHECKOUT,
          'tam',
          [
            { holderRef: RACHEL, since: '2024-01-15', note: 'EU' },
            { holderRef: SAM, accounts: ['globex'] },
          ],
          PLATFORM,
        );
        const [rachelBefore, samBefore] = await store.forEntity(CHECKOUT);

        const change = await store.replaceHolders(
          CHECKOUT,
          'tam',
          [
            { holderRef: RACHEL, note: 'EU' },
            { holderRef: SAM },
            { holderRef: CSM_GROUP, since: '2026-02-01T09:00:00Z' },
          ],
          OWNER,
        );
        expect(change.changed).toBe(true);
        const [group, rachel, sam] = await store.forEntity(CHECKOUT);
        expect(rachel).toEqual(rachelBefore);
        expect(sam).toMatchObject({
          holderRef: SAM,
          accounts: [],
          since: samBefore.since,
          registeredBy: OWNER,
        });
        expect(group).toMatchObject({
          holderRef: CSM_GROUP,
          since: '2026-02-01T09:00:00Z',
          registeredBy: OWNER,
        });

        const audit = await store.audit({}, { limit: 10, offset: 0 });
        expect(audit.items.map(e => e.actor)).toEqual([OWNER, PLATFORM]);
        expect(audit.items[0].before).toEqual([rachelBefore, samBefore]);
        expect(audit.items[0].after).toEqual([group, rachel, sam]);
      });

      it('removes holders left out, and all of them for an empty list', async () => {
        await store.replaceHolders(
          CHECKOUT,
          'tam',
          [{ holderRef: RACHEL }, { holderRef: SAM }],
          PLATFORM,
        );
        await store.replaceHolders(
          CHECKOUT,
          'csm',
          [{ holderRef: SAM }],
          PLATFORM,
        );
        await store.replaceHolders(
          CHECKOUT,
          'tam',
          [{ holderRef: SAM }],
          PLATFORM,
        );
        expect(
          (await store.forEntity(CHECKOUT)).map(a => [a.role, a.holderRef]),
        ).toEqual([
          ['csm', SAM],
          ['tam', SAM],
        ]);
        const emptied = await store.replaceHolders(CHECKOUT, 'tam', [], OWNER);
        expect(emptied.changed).toBe(true);
        expect(emptied.after).toEqual([]);
        expect(
          (await store.forEntity(CHECKOUT)).map(a => [a.role, a.holderRef]),
        ).toEqual([['csm', SAM]]);
        expect(await auditRows()).toHaveLength(4);
      });

      it('keeps audit entries in step under concurrent writes', async () => {
        await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            store.replaceHolders(
              CHECKOUT,
              'tam',
              [{ holderRef: `user:default/person-${i}` }],
              PLATFORM,
            ),
          ),
        );
        const entries = (await store.audit({}, { limit: 10, offset: 0 })).items
          .slice()
          .reverse();
        expect(entries).toHaveLength(6);
        // Each change starts where the previous one ended.
        for (let i = 1; i < entries.length; i++) {
          expect(entries[i].before).toEqual(entries[i - 1].after);
        }
        expect(await store.forEntity(CHECKOUT)).toEqual(entries[5].after);
      });
    });

    describe('removeHolder', () => {
      it('removes one holder with an audit entry, and answers undefined for others', async () => {
        await store.replaceHolders(
          CHECKOUT,
          'tam',
          [{ holderRef: RACHEL }, { holderRef: SAM }],
          PLATFORM,
        );
        const before = await store.forEntity(CHECKOUT);
        const change = await store.removeHolder(CHECKOUT, 'tam', RACHEL, OWNER);
        expect(change).toEqual({
          entityRef: CHECKOUT,
          role: 'tam',
          before,
          after: [before[1]],
        });
        expect(await store.forEntity(CHECKOUT)).toEqual([before[1]]);
        expect(
          await store.removeHolder(CHECKOUT, 'tam', RACHEL, OWNER),
        ).toBeUndefined();
        expect(
          await store.removeHolder(CHECKOUT, 'csm', SAM, OWNER),
        ).toBeUndefined();

        const audit = await store.audit({}, { limit: 10, offset: 0 });
        expect(audit.totalCount).toBe(2);
        expect(audit.items[0]).toMatchObject({
          actor: OWNER,
          action: 'remove',
          before,
          after: [before[1]],
        });
      });
    });

    describe('addHolders', () => {
      it('reports create, update and unchanged on a dry run, writing nothing', async () => {
        await store.replaceHolders(
          CHECKOUT,
          'tam',
          [{ holderRef: RACHEL, accounts: ['acme'] }, { holderRef: SAM }],
          PLATFORM,
        );
        const stored = await store.forEntity(CHECKOUT);

        const result = await store.addHolders(
          [
            { entityRef: CHECKOUT, role: 'tam', holder: { holderRef: RACHEL } },
            {
              entityRef: CHECKOUT,
              role: 'tam',
              holder: { holderRef: SAM, note: 'APAC' },
            },
            { entityRef: PAYMENTS, role: 'csm', holder: { holderRef: SAM } },
          ],
          OWNER,
          { dryRun: true },
        );
        expect(result.changes).toEqual(['unchanged', 'update', 'create']);
        expect(result.roles.map(r => [r.entityRef, r.role])).toEqual([
          [CHECKOUT, 'tam'],
          [PAYMENTS, 'csm'],
        ]);
        expect(await store.forEntity(CHECKOUT)).toEqual(stored);
        expect(await store.forEntity(PAYMENTS)).toEqual([]);
        expect(await auditRows()).toHaveLength(1);
      });

      it('adds holders keeping the others and the fields left out, one audit entry per changed role', async () => {
        await store.replaceHolders(
          CHECKOUT,
          'tam',
          [
            {
              holderRef: RACHEL,
              accounts: ['acme'],
              note: 'EU',
              since: '2024-01-01',
            },
          ],
          PLATFORM,
        );
        await store.replaceHolders(
          CHECKOUT,
          'csm',
          [{ holderRef: SAM }],
          PLATFORM,
        );
        const csmBefore = (await store.forEntity(CHECKOUT)).filter(
          a => a.role === 'csm',
        );

        const result = await store.addHolders(
          [
            {
              entityRef: CHECKOUT,
              role: 'tam',
              holder: { holderRef: RACHEL, accounts: ['acme', 'globex'] },
            },
            {
              entityRef: CHECKOUT,
              role: 'tam',
              holder: { holderRef: SAM, since: '2026-03-01' },
            },
            { entityRef: CHECKOUT, role: 'csm', holder: { holderRef: SAM } },
            {
              entityRef: PAYMENTS,
              role: 'support',
              holder: { holderRef: CSM_GROUP },
            },
          ],
          OWNER,
          { dryRun: false },
        );
        expect(result.changes).toEqual([
          'update',
          'create',
          'unchanged',
          'create',
        ]);

        const checkout = await store.forEntity(CHECKOUT);
        expect(checkout.filter(a => a.role === 'csm')).toEqual(csmBefore);
        expect(checkout.filter(a => a.role === 'tam')).toEqual([
          expect.objectContaining({
            holderRef: RACHEL,
            accounts: ['acme', 'globex'],
            note: 'EU',
            since: '2024-01-01',
            registeredBy: OWNER,
          }),
          expect.objectContaining({
            holderRef: SAM,
            accounts: [],
            since: '2026-03-01',
            registeredBy: OWNER,
          }),
        ]);
        expect(await store.forEntity(PAYMENTS)).toEqual([
          expect.objectContaining({ role: 'support', holderRef: CSM_GROUP }),
        ]);

        const audit = await store.audit({}, { limit: 10, offset: 0 });
        expect(
          audit.items
            .filter(e => e.action === 'import')
            .map(e => [e.entityRef, e.role, e.actor])
            .sort(),
        ).toEqual([
          [CHECKOUT, 'tam', OWNER],
          [PAYMENTS, 'support', OWNER],
        ]);
        const tamImport = audit.items.find(
          e => e.action === 'import' && e.role === 'tam',
        )!;
        expect(tamImport.before.map(a => a.holderRef)).toEqual([RACHEL]);
        expect(tamImport.after.map(a => a.holderRef)).toEqual([RACHEL, SAM]);
      });
    });

    describe('reading', () => {
      beforeEach(async () => {
        await store.replaceHolders(
          CHECKOUT,
          'tam',
          [{ holderRef: RACHEL }, { holderRef: SAM }],
          PLATFORM,
        );
        await store.replaceHolders(
          CHECKOUT,
          'csm',
          [{ holderRef: CSM_GROUP }],
          PLATFORM,
        );
        await store.replaceHolders(
          PAYMENTS,
          'tam',
          [{ holderRef: RACHEL }],
          OWNER,
        );
      });

      it('lists with filters and paging, in entity, role, holder order', async () => {
        const all = await store.list({}, { limit: 10, offset: 0 });
        expect(all.totalCount).toBe(4);
        expect(all.items.map(a => [a.entityRef, a.role, a.holderRef])).toEqual([
          [CHECKOUT, 'csm', CSM_GROUP],
          [CHECKOUT, 'tam', RACHEL],
          [CHECKOUT, 'tam', SAM],
          [PAYMENTS, 'tam', RACHEL],
        ]);
        const paged = await store.list({}, { limit: 2, offset: 1 });
        expect(paged.totalCount).toBe(4);
        expect(paged.items).toEqual(all.items.slice(1, 3));

        expect(
          (
            await store.list({ holderRef: RACHEL }, { limit: 10, offset: 0 })
          ).items.map(a => a.entityRef),
        ).toEqual([CHECKOUT, PAYMENTS]);
        expect(
          (await store.list({ holderRef: CSM_GROUP }, { limit: 10, offset: 0 }))
            .totalCount,
        ).toBe(1);
        expect(
          (
            await store.list(
              { role: 'tam', entityRef: CHECKOUT },
              { limit: 10, offset: 0 },
            )
          ).items.map(a => a.holderRef),
        ).toEqual([RACHEL, SAM]);
        const visible = await store.list(
          { excludeEntityRefs: [CHECKOUT] },
          { limit: 10, offset: 0 },
        );
        expect(visible.totalCount).toBe(1);
        expect(visible.items[0].entityRef).toBe(PAYMENTS);
      });

      it('answers the entities with assignments, and assignments of many', async () => {
        expect((await store.entityRefs()).sort()).toEqual([CHECKOUT, PAYMENTS]);
        expect(await store.entityRefs({ role: 'csm' })).toEqual([CHECKOUT]);
        const many = await store.forEntities([CHECKOUT, PAYMENTS], {
          role: 'tam',
        });
        expect(many.map(a => a.holderRef).sort()).toEqual([
          RACHEL,
          RACHEL,
          SAM,
        ]);
      });

      it('pages the audit log newest first, by entity and without hidden ones', async () => {
        const all = await store.audit({}, { limit: 10, offset: 0 });
        expect(all.totalCount).toBe(3);
        expect(all.items.map(e => [e.entityRef, e.role])).toEqual([
          [PAYMENTS, 'tam'],
          [CHECKOUT, 'csm'],
          [CHECKOUT, 'tam'],
        ]);
        expect(all.items[0].id).toBeGreaterThan(all.items[1].id);
        const second = await store.audit({}, { limit: 1, offset: 1 });
        expect(second.items).toEqual([all.items[1]]);
        expect(
          (
            await store.audit({ entityRef: CHECKOUT }, { limit: 10, offset: 0 })
          ).items.map(e => e.role),
        ).toEqual(['csm', 'tam']);
        expect(
          (
            await store.audit(
              { excludeEntityRefs: [CHECKOUT] },
              { limit: 10, offset: 0 },
            )
          ).totalCount,
        ).toBe(1);
        expect((await store.auditEntityRefs()).sort()).toEqual([
          CHECKOUT,
          PAYMENTS,
        ]);
        expect(await store.auditEntityRefs(PAYMENTS)).toEqual([PAYMENTS]);
      });
    });
  });
});
