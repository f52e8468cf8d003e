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
  SignalImportMapping,
  SignalImportRequest,
  SignalImportStreamLine,
} from '@user-trust/plugin-user-trust-common';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(120_000);

const API = '/api/user-trust';
const HOUR = 3600_000;

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const at = (hoursAgo: number) =>
  new Date(Date.now() - hoursAgo * HOUR).toISOString();

/** A CRM export's columns, mapped to signal fields. */
const MAPPING: SignalImportMapping = {
  columns: {
    externalId: 'Case ID',
    entityRef: 'Service',
    occurredAt: 'Created',
    resolvedAt: 'Solved',
    severity: 'Priority',
    account: 'Customer',
  },
  defaults: { kind: 'support_case' },
  attributes: ['Plan'],
};

const HEADER = 'Case ID,Service,Created,Solved,Priority,Customer,Plan';
const CREATED = at(30);
const GOOD_CSV = [
  HEADER,
  `C-1,checkout-api,${CREATED},${at(20)},P1,globex,enterprise`,
  `C-2,component:default/checkout-api,${at(10)},,low,initech,`,
  `C-3,payments,${at(5)},,P3,globex,"team, annual"`,
].join('\n');

const importRequest = (
  content: string,
  overrides: Partial<SignalImportRequest> = {},
): SignalImportRequest => ({
  source: 'crm-export',
  format: 'csv',
  fileName: 'cases.csv',
  content,
  mapping: MAPPING,
  ...overrides,
});

describe('file imports of signals', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

    async function start(
      result:
        | AuthorizeResult.ALLOW
        | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    ) {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          catalogServiceMock.factory({
            entities: [component('checkout-api'), component('payments')],
          }),
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory({ result }),
        ],
      });
      return backend.server;
    }

    afterEach(async () => {
      await backend?.stop();
      backend = undefined;
    });

    const user = mockCredentials.user.header();
    const post = (server: any, body: object, dryRun: boolean) =>
      request(server)
        .post(`${API}/imports/signals?dryRun=${dryRun}`)
        .set('Authorization', user)
        .send(body);
    const signalsOf = async (server: any, name: string) =>
      (
        await request(server)
          .get(`${API}/entities/component/default/${name}/signals?limit=100`)
          .set('Authorization', user)
          .expect(200)
      ).body.items;

    it('dry-runs, imports atomically, and changes nothing the second time', async () => {
      const server = await start();
      const dry = await post(server, importRequest(GOOD_CSV), true).expect(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        applied: false,
        rows: 3,
        columns: HEADER.split(','),
        created: 3,
        updated: 0,
        unchanged: 0,
        errorCount: 0,
        errors: [],
      });
      expect(dry.body.preview[0]).toEqual({
        source: 'crm-export',
        externalId: 'C-1',
        kind: 'support_case',
        entityRef: 'component:default/checkout-api',
        occurredAt: CREATED,
        resolvedAt: expect.any(String),
        severity: 'critical',
        account: 'globex',
        attributes: { Plan: 'enterprise' },
      });
      expect(await signalsOf(server, 'checkout-api')).toEqual([]);

      const first = await post(server, importRequest(GOOD_CSV), false).expect(
        200,
      );
      expect(first.body).toMatchObject({
        applied: true,
        created: 3,
        updated: 0,
        unchanged: 0,
      });
      const stored = await signalsOf(server, 'checkout-api');
      expect(stored.map((s: any) => s.externalId).sort()).toEqual([
        'C-1',
        'C-2',
      ]);
      expect((await signalsOf(server, 'payments'))[0].attributes).toEqual({
        Plan: 'team, annual',
      });

      const again = await post(server, importRequest(GOOD_CSV), false).expect(
        200,
      );
      expect(again.body).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 3,
      });
      const dryAgain = await post(server, importRequest(GOOD_CSV), true);
      expect(dryAgain.body).toMatchObject({ created: 0, unchanged: 3 });
    });

    it('derives ids from the cells when no id column is mapped', async () => {
      const server = await start();
      const noIds: SignalImportRequest = importRequest(GOOD_CSV, {
        mapping: {
          ...MAPPING,
          columns: { ...MAPPING.columns, externalId: undefined },
        },
      });
      const first = await post(server, noIds, false).expect(200);
      expect(first.body.created).toBe(3);
      const again = await post(server, noIds, false).expect(200);
      expect(again.body).toMatchObject({ created: 0, unchanged: 3 });
      const ids = (await signalsOf(server, 'checkout-api')).map(
        (s: any) => s.externalId,
      );
      expect(ids).toEqual([
        expect.stringMatching(/^row-[0-9a-f]{32}$/),
        expect.stringMatching(/^row-[0-9a-f]{32}$/),
      ]);
    });

    it('lists every bad row in a dry run and writes nothing of a bad file', async () => {
      const server = await start();
      const content = [
        HEADER,
        `C-1,checkout-api,${at(30)},,P1,globex,`, // good
        `C-2,checkout-api,yesterday,,low,globex,`, // bad date
        `C-3,ghost-service,${at(3)},,low,globex,`, // unknown entity
        `C-4,checkout-api,${at(3)},,urgent,globex,`, // unknown severity
        `C-5,checkout-api,${at(3)},,low,"=HYPERLINK(""http://x"")",`, // formula
        `C-1,checkout-api,${at(2)},,low,globex,`, // repeated id
        `C-7,checkout-api,${at(4)},${at(6)},low,globex,`, // solved before created
        `C-8,checkout-api`, // short line
      ].join('\n');
      const dry = await post(server, importRequest(content), true).expect(200);
      expect(dry.body.errorCount).toBe(7);
      expect(
        dry.body.errors.map((e: any) => [e.row, e.field, e.column]),
      ).toEqual([
        [2, 'occurredAt', 'Created'],
        [3, 'entityRef', 'Service'],
        [4, 'severity', 'Priority'],
        [5, 'account', 'Customer'],
        [6, 'externalId', 'Case ID'],
        [7, 'resolvedAt', 'Solved'],
        [8, undefined, undefined],
      ]);
      expect(dry.body.errors[0].message).toMatch(
        /^occurredAt \(column "Created"\): 'yesterday' is not a date/,
      );
      expect(dry.body.errors[1].message).toBe(
        'entityRef (column "Service"): no entity component:default/ghost-service in the catalog',
      );
      expect(dry.body.errors[3].message).toMatch(
        /looks like a spreadsheet formula/,
      );
      expect(dry.body.errors[4].message).toMatch(/repeats row 1/);
      expect(dry.body.errors[6].message).toMatch(/expected 7 fields, got 2/);
      expect(dry.body.created).toBe(1);

      const refused = await post(server, importRequest(content), false).expect(
        400,
      );
      expect(refused.body.error.message).toMatch(
        /^7 problem\(s\) in 8 rows, nothing was imported .*row 2, occurredAt/,
      );
      expect(await signalsOf(server, 'checkout-api')).toEqual([]);
    });

    it('reports a mapping that misses fields or columns once, not per row', async () => {
      const server = await start();
      const dry = await post(
        server,
        importRequest(GOOD_CSV, {
          mapping: { columns: { occurredAt: 'Opened' } },
        }),
        true,
      ).expect(200);
      expect(dry.body.rows).toBe(3);
      expect(dry.body.errors.map((e: any) => e.message)).toEqual([
        expect.stringMatching(/^occurredAt: the file has no column "Opened"/),
        'kind: map a column to it or set a default',
        'entityRef: map a column to it or set a default',
      ]);
      await post(
        server,
        importRequest(GOOD_CSV, { mapping: { columns: {} } }),
        false,
      ).expect(400);
    });

    it('refuses unusable files with a 400 naming the problem', async () => {
      const server = await start();
      const cases: Array<[Partial<SignalImportRequest>, RegExp]> = [
        [{ content: 'a,b\n\uFFFD,1\n' }, /not UTF-8 text .* line 2/],
        // UTF-16 read as UTF-8: the request's own check (every route's).
        [
          { content: '\u0000a\u0000,\u0000b\n' },
          /content must not contain NUL/,
        ],
        [
          { content: `x,${'y'.repeat(70_000)}\n1,2\n` },
          /header line could not be read/,
        ],
        [{ content: 'a,,c\n1,2,3\n' }, /column 2 has no name/],
        [{ content: 'a,b,a\n1,2,3\n' }, /column 'a' appears twice/],
        [{ format: 'json', content: '{"a": 1}' }, /array of flat objects/],
        [{ format: 'json', content: '[{"a": 1' }, /not JSON/],
      ];
      for (const [overrides, message] of cases) {
        const res = await post(server, importRequest('', overrides), true);
        expect({
          status: res.status,
          message: res.body.error?.message,
        }).toEqual({ status: 400, message: expect.stringMatching(message) });
      }
      const empty = await post(server, importRequest(`${HEADER}\n`), false);
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toMatch(/no data rows/);
    });

    it('reports a line of 10 MB by its row, and imports nothing', async () => {
      const server = await start();
      const content = [
        HEADER,
        `C-1,checkout-api,${at(3)},,low,globex,`,
        `C-2,checkout-api,${at(3)},,low,${'x'.repeat(10 * 1024 * 1024)},`,
        `C-3,checkout-api,${at(3)},,low,globex,`,
      ].join('\n');
      const dry = await post(server, importRequest(content), true).expect(200);
      expect(dry.body.errors).toEqual([
        {
          row: 2,
          message: expect.stringMatching(
            /^malformed CSV: Max Record Size: .* 65536 at line 3/,
          ),
        },
      ]);
      await post(server, importRequest(content), false).expect(400);
      expect(await signalsOf(server, 'checkout-api')).toEqual([]);
    });

    it('reads JSON arrays and semicolon-separated CSV', async () => {
      const server = await start();
      const json = JSON.stringify([
        { id: 'J-1', svc: 'checkout-api', when: '2026-12-01', score: 4 },
        { id: 'J-2', svc: 'checkout-api', when: '2026-12-01 10:30', score: 2 },
      ]);
      const mapping: SignalImportMapping = {
        columns: {
          externalId: 'id',
          entityRef: 'svc',
          occurredAt: 'when',
          value: 'score',
        },
        defaults: { kind: 'csat_response' },
      };
      const res = await post(
        server,
        importRequest(json, { format: 'json', mapping }),
        false,
      ).expect(200);
      expect(res.body.created).toBe(2);
      const csv =
        'id;svc;when;score\nS-1;checkout-api;2026-12-02T08:00:00+01:00;5\n';
      const semi = await post(
        server,
        importRequest(csv, { mapping }),
        true,
      ).expect(200);
      expect(semi.body.preview[0]).toMatchObject({
        externalId: 'S-1',
        occurredAt: '2026-12-02T07:00:00.000Z',
        value: 5,
      });
    });

    it('streams progress, then the result, as JSON lines', async () => {
      const server = await start();
      const rows = Array.from(
        { length: 1200 },
        (_, i) => `C-${i},checkout-api,${at(1 + (i % 48))},,low,globex,`,
      );
      const res = await request(server)
        .post(`${API}/imports/signals`)
        .set('Authorization', user)
        .set('Accept', 'application/x-ndjson')
        .send(importRequest([HEADER, ...rows].join('\n')))
        .buffer(true)
        .parse((response, callback) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', chunk => {
            text += chunk;
          });
          response.on('end', () => callback(null, text));
        })
        .expect(200)
        .expect('Content-Type', /application\/x-ndjson/);
      const lines: SignalImportStreamLine[] = (res.body as string)
        .trim()
        .split('\n')
        .map(line => JSON.parse(line));
      const last = lines[lines.length - 1];
      expect(last.result).toMatchObject({ applied: true, created: 1200 });
      const progress = lines.slice(0, -1).map(l => l.progress!);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[progress.length - 1]).toEqual({
        phase: 'writing',
        done: 1200,
        total: 1200,
      });
      // A bad file is still a plain 400 before any stream.
      await request(server)
        .post(`${API}/imports/signals`)
        .set('Authorization', user)
        .set('Accept', 'application/x-ndjson')
        .send(importRequest(`${HEADER}\nC-1,checkout-api,nope,,low,globex,`))
        .expect(400)
        .expect('Content-Type', /application\/json/);
    });

    it('saves a mapping per source, for those who may ingest', async () => {
      const server = await start();
      const saved = await request(server)
        .put(`${API}/imports/mappings/crm-export`)
        .set('Authorization', user)
        .send(MAPPING)
        .expect(200);
      expect(saved.body).toMatchObject({
        source: 'crm-export',
        mapping: MAPPING,
        updatedBy: 'user:default/mock',
      });
      await request(server)
        .put(`${API}/imports/mappings/crm-export`)
        .set('Authorization', user)
        .send({ columns: { externalId: 'id' } })
        .expect(200);
      const list = await request(server)
        .get(`${API}/imports/mappings`)
        .set('Authorization', user)
        .expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          source: 'crm-export',
          mapping: { columns: { externalId: 'id' } },
        }),
      ]);
      await request(server)
        .put(`${API}/imports/mappings/crm-export`)
        .set('Authorization', user)
        .send({ columns: { nope: 'x' } })
        .expect(400);
    });

    it('refuses callers without user-trust.signal.create', async () => {
      const server = await start(AuthorizeResult.DENY);
      const statuses = [
        (await post(server, importRequest(GOOD_CSV), true)).status,
        (
          await request(server)
            .put(`${API}/imports/mappings/crm-export`)
            .set('Authorization', user)
            .send(MAPPING)
        ).status,
        (
          await request(server)
            .post(`${API}/imports/signals`)
            .set('Authorization', mockCredentials.none.header())
            .send(importRequest(GOOD_CSV))
        ).status,
      ];
      expect(statuses).toEqual([403, 403, 401]);
    });
  });
});
