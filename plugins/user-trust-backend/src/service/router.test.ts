import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntitySignalSummary,
  SignalInput,
  userTrustSignalCreatePermission,
} from '@user-trust/plugin-user-trust-common';
import request from 'supertest';
import userTrustPlugin from '../index';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
// Fixed once, so that two signal() calls describe the same signal.
const TWO_DAYS_AGO = new Date(Date.now() - 2 * DAY).toISOString();

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const entities = [
  component('checkout-api'),
  component('payments'),
  component('secret-project'),
];

/**
 * The catalog as a permission policy would answer it: users cannot see the
 * secret project, while the plugin's own service credentials can.
 */
function catalogHidingSecretFromUsers() {
  const inner = catalogServiceMock({ entities });
  const hidden = (options?: { credentials?: BackstageCredentials }) =>
    (options?.credentials?.principal as { type?: string } | undefined)?.type ===
    'user';
  const getEntityByRef = async (ref: any, options: any) => {
    const entity = await inner.getEntityByRef(ref);
    return entity?.metadata.name === 'secret-project' && hidden(options)
      ? undefined
      : entity;
  };
  // Every other call goes to the in-memory catalog (private fields: bound).
  const catalog = new Proxy(inner, {
    get(target, prop) {
      if (prop === 'getEntityByRef') return getEntityByRef;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

function signal(overrides: Partial<SignalInput> = {}): SignalInput {
  return {
    source: 'zendesk',
    externalId: 'case-1',
    kind: 'support_case',
    entityRef: 'component:default/checkout-api',
    occurredAt: TWO_DAYS_AGO,
    ...overrides,
  };
}

/** `n` distinct valid signals for checkout-api. */
function batch(n: number): SignalInput[] {
  return Array.from({ length: n }, (_, i) =>
    signal({ externalId: `case-${i}` }),
  );
}

const SIGNALS = '/api/user-trust/signals';
const summaryPath = (name: string) =>
  `/api/user-trust/entities/component/default/${name}/summary`;

describe('user-trust router', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

  // The plugin's own database, from TestDatabases rather than the default
  // database service, whose clients outlive backend.stop() and keep the
  // Jest worker from exiting.
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(
    options: {
      permissions?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      features?: BackendFeature[];
    } = {},
  ) {
    const knex = await databases.init('SQLITE_3');
    backend = await startTestBackend({
      features: [
        userTrustPlugin,
        catalogHidingSecretFromUsers(),
        mockServices.database.factory({ knex }),
        ...(options.permissions
          ? [mockServices.permissions.factory({ result: options.permissions })]
          : []),
        ...(options.features ?? []),
      ],
    });
    server = backend.server;
  }

  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  const post = (body: object, header = mockCredentials.service.header()) =>
    request(server).post(SIGNALS).set('Authorization', header).send(body);

  async function summary(name = 'checkout-api'): Promise<EntitySignalSummary> {
    const res = await request(server)
      .get(summaryPath(name))
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body;
  }

  const totals = (s: EntitySignalSummary) => s.windows.map(w => w.total);

  describe('authentication and authorization', () => {
    it('answers 401 to POST /signals without credentials, writing nothing', async () => {
      await start();
      const res = await post(
        { signals: [signal()] },
        mockCredentials.none.header(),
      );
      expect(res.status).toBe(401);
      expect(res.body.error.name).toBe('AuthenticationError');
      expect(totals(await summary())).toEqual([0, 0, 0]);
    });

    it('answers 401 to GET summary without credentials', async () => {
      await start();
      const res = await request(server)
        .get(summaryPath('checkout-api'))
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
      expect(res.body.error.name).toBe('AuthenticationError');
    });

    it('lets a user ingest with the default permission service', async () => {
      await start();
      const res = await post(
        { signals: [signal()] },
        mockCredentials.user.header(),
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 1, updated: 0, unchanged: 0 });
    });

    it.each([
      ['a user', mockCredentials.user.header('user:default/jane')],
      ['a service principal', mockCredentials.service.header()],
    ])('lets %s ingest when the policy allows', async (_, header) => {
      await start({ permissions: AuthorizeResult.ALLOW });
      const res = await post({ signals: batch(2) }, header);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect(totals(await summary())).toEqual([2, 2, 2]);
    });

    it.each([
      ['a user', mockCredentials.user.header()],
      ['a service principal', mockCredentials.service.header()],
    ])(
      'answers 403 to %s when the policy denies, writing nothing',
      async (_, header) => {
        await start({ permissions: AuthorizeResult.DENY });
        const res = await post({ signals: batch(3) }, header);
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('NotAllowedError');
        expect(res.body.error.message).toContain(
          userTrustSignalCreatePermission.name,
        );
        expect(totals(await summary())).toEqual([0, 0, 0]);
        expect((await summary()).lastSignalAt).toBeUndefined();
      },
    );

    it('asks the permission framework for user-trust.signal.create as the caller', async () => {
      const permissions = mockServices.permissions.mock({
        authorize: jest.fn(async () => [{ result: AuthorizeResult.DENY }]),
      });
      await start({ features: [permissions.factory] });

      const res = await post(
        { signals: [signal()] },
        mockCredentials.service.header(),
      );
      expect(res.status).toBe(403);
      expect(permissions.authorize).toHaveBeenCalledTimes(1);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: userTrustSignalCreatePermission }],
        {
          credentials: expect.objectContaining({
            principal: expect.objectContaining({ type: 'service' }),
          }),
        },
      );
    });
  });

  describe('validation', () => {
    beforeEach(() => start());

    /** Posts `body`, checks for a 400 InputError and answers its message. */
    async function inputError(body: object): Promise<string> {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      return res.body.error.message;
    }

    it('refuses, whole, a batch naming an entity the catalog does not know', async () => {
      expect(
        await inputError({
          signals: [
            signal({ externalId: 'known' }),
            signal({
              externalId: 'ghost',
              entityRef: 'component:default/ghost',
            }),
            signal({
              externalId: 'ghost-2',
              entityRef: 'component:default/gone',
            }),
          ],
        }),
      ).toBe(
        'signals[1].entityRef: no entity component:default/ghost in the catalog (and 1 more); signals are stored only for entities the catalog knows',
      );
      // Nothing of the batch was stored.
      expect(totals(await summary())).toEqual([0, 0, 0]);
    });

    it('refuses a handledBy user the catalog does not know', async () => {
      expect(
        await inputError({
          signals: [signal({ handledBy: 'user:default/nobody' })],
        }),
      ).toBe(
        'signals[0].handledBy: no entity user:default/nobody in the catalog; signals are stored only for entities the catalog knows',
      );
    });

    it('refuses a signal dated far in the future', async () => {
      expect(
        await inputError({
          signals: [signal({ occurredAt: '2099-01-01T00:00:00Z' })],
        }),
      ).toMatch(
        /^signals\[0\]\.occurredAt: 2099-01-01T00:00:00.000Z is in the future/,
      );
    });

    it('names the index and field of an unknown kind', async () => {
      expect(
        await inputError({
          signals: [
            signal(),
            signal({ externalId: 'case-2', kind: 'rumour' as any }),
          ],
        }),
      ).toMatch(/signals(\/1\/kind|\[1\]\.kind)/);
    });

    it('names the index and field of a missing required field', async () => {
      const { occurredAt, ...withoutOccurredAt } = signal({
        externalId: 'case-2',
      });
      expect(occurredAt).toBeDefined();
      expect(
        await inputError({
          signals: [
            signal(),
            signal({ externalId: 'case-3' }),
            withoutOccurredAt,
          ],
        }),
      ).toMatch(/signals(\/2|\[2\]).*occurredAt/);
    });

    it('names the index and field of a bad entityRef', async () => {
      expect(
        await inputError({ signals: [signal({ entityRef: 'checkout-api' })] }),
      ).toMatch(
        /^signals\[0\]\.entityRef: 'checkout-api' is not an entity ref/,
      );
    });

    it('names the index and field of resolvedAt before occurredAt', async () => {
      expect(
        await inputError({
          signals: [
            signal(),
            signal({
              externalId: 'case-2',
              occurredAt: '2026-01-10T12:00:00Z',
              resolvedAt: '2026-01-09T12:00:00Z',
            }),
          ],
        }),
      ).toMatch(/^signals\[1\]\.resolvedAt: must not be before occurredAt/);
    });

    it('answers 400, not 500, to a leap second that Date cannot hold', async () => {
      expect(
        await inputError({
          signals: [signal({ occurredAt: '2016-12-31T23:59:60Z' })],
        }),
      ).toMatch(/^signals\[0\]\.occurredAt: /);
    });

    it('names both items of a duplicate source and externalId', async () => {
      expect(
        await inputError({
          signals: [
            signal({ externalId: 'a' }),
            signal({ externalId: 'b' }),
            signal({ externalId: 'a', kind: 'incident' }),
          ],
        }),
      ).toMatch(/^signals\[2\]\.externalId: duplicates signals\[0\]/);
    });

    it('rejects an empty batch and a body without signals', async () => {
      expect(await inputError({ signals: [] })).toMatch(
        /signals.*(fewer than 1 items|non-empty)/,
      );
      expect(await inputError({})).toMatch(/required property 'signals'/);
    });

    it('writes nothing of a batch with one bad item', async () => {
      const signals = batch(10);
      signals[7] = { ...signals[7], resolvedAt: '2000-01-01T00:00:00Z' };
      expect(await inputError({ signals })).toMatch(
        /^signals\[7\]\.resolvedAt/,
      );

      const after = await summary();
      expect(totals(after)).toEqual([0, 0, 0]);
      expect(after.lastSignalAt).toBeUndefined();
    });

    it('writes nothing of a batch whose bad item fails schema validation', async () => {
      const signals = batch(10);
      signals[9] = { ...signals[9], severity: 'P1' as any };
      expect(await inputError({ signals })).toMatch(
        /signals(\/9\/severity|\[9\]\.severity)/,
      );
      expect(totals(await summary())).toEqual([0, 0, 0]);
    });

    it('accepts a batch of 1,000 signals', async () => {
      const res = await post({ signals: batch(1000) });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 1000, updated: 0, unchanged: 0 });
      expect(totals(await summary())).toEqual([1000, 1000, 1000]);
    });

    it('rejects a batch of more than 5,000 signals, writing nothing', async () => {
      expect(await inputError({ signals: batch(5001) })).toMatch(
        /signals.*(more than 5000 items|at most 5000)/,
      );
      expect(totals(await summary())).toEqual([0, 0, 0]);
    });
  });

  describe('idempotency', () => {
    beforeEach(() => start());

    it('answers unchanged to a retry of the same batch, counting each signal once', async () => {
      const signals = [
        ...batch(3),
        signal({
          source: 'pagerduty',
          externalId: 'inc-1',
          kind: 'incident',
          severity: 'critical',
          resolvedAt: new Date().toISOString(),
          attributes: { region: 'eu', plan: 'gold' },
        }),
      ];
      const first = await post({ signals });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ created: 4, updated: 0, unchanged: 0 });
      const before = await summary();

      const retry = await post({ signals });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ created: 0, updated: 0, unchanged: 4 });

      const after = await summary();
      expect(after.windows).toEqual(before.windows);
      expect(totals(after)).toEqual([4, 4, 4]);
    });

    it('treats attributes in another key order as unchanged', async () => {
      await post({ signals: [signal({ attributes: { a: 1, b: 'x' } })] });
      const res = await post({
        signals: [signal({ attributes: { b: 'x', a: 1 } })],
      });
      expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 1 });
    });

    it('answers updated for changed content and counts the new content', async () => {
      await post({ signals: batch(2) });
      const res = await post({
        signals: [
          signal({ externalId: 'case-0' }),
          signal({ externalId: 'case-1', kind: 'escalation' }),
          signal({ externalId: 'case-2' }),
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 1 });

      const after = await summary();
      expect(after.windows[0].byKind).toEqual({
        support_case: 2,
        escalation: 1,
      });
      expect(after.windows[0].total).toBe(3);
    });
  });

  describe('GET /entities/:kind/:namespace/:name/summary', () => {
    beforeEach(() => start());

    it('counts by kind over 7, 28 and 90 days, with lastSignalAt', async () => {
      const ago = (days: number) =>
        new Date(Date.now() - days * DAY).toISOString();
      const twoDaysAgo = ago(2);
      const res = await post({
        signals: [
          signal({ externalId: 's1', occurredAt: twoDaysAgo }),
          signal({ externalId: 's2', kind: 'incident', occurredAt: ago(10) }),
          signal({ externalId: 's3', occurredAt: ago(60) }),
          signal({ externalId: 's4', kind: 'near_miss', occurredAt: ago(100) }),
          signal({
            externalId: 's5',
            entityRef: 'component:default/payments',
            occurredAt: ago(1),
          }),
        ],
      });
      expect(res.body).toEqual({ created: 5, updated: 0, unchanged: 0 });

      const before = Date.now();
      const body = await summary();
      expect(body).toEqual({
        entityRef: 'component:default/checkout-api',
        generatedAt: expect.any(String),
        lastSignalAt: twoDaysAgo,
        windows: [
          { window: '7d', days: 7, total: 1, byKind: { support_case: 1 } },
          {
            window: '28d',
            days: 28,
            total: 2,
            byKind: { support_case: 1, incident: 1 },
          },
          {
            window: '90d',
            days: 90,
            total: 3,
            byKind: { support_case: 2, incident: 1 },
          },
        ],
      });
      expect(Date.parse(body.generatedAt)).toBeGreaterThanOrEqual(
        before - 1000,
      );
      expect(Date.parse(body.generatedAt)).toBeLessThanOrEqual(
        Date.now() + 1000,
      );
    });

    it('answers zero counts without lastSignalAt for an entity without signals', async () => {
      const body = await summary('payments');
      expect(body.entityRef).toBe('component:default/payments');
      expect(body.lastSignalAt).toBeUndefined();
      expect(body.windows).toEqual([
        { window: '7d', days: 7, total: 0, byKind: {} },
        { window: '28d', days: 28, total: 0, byKind: {} },
        { window: '90d', days: 90, total: 0, byKind: {} },
      ]);
    });

    it('keys signals case-insensitively', async () => {
      await post({
        signals: [
          signal({
            externalId: 'a',
            entityRef: 'Component:default/Checkout-API',
          }),
          signal({
            externalId: 'b',
            entityRef: 'COMPONENT:Default/checkout-api',
          }),
          signal({ externalId: 'c', entityRef: 'component:checkout-api' }),
        ],
      });
      const body = await summary('checkout-api');
      expect(body.entityRef).toBe('component:default/checkout-api');
      expect(totals(body)).toEqual([3, 3, 3]);
    });

    it('answers 404 for an entity the caller cannot see, even with signals', async () => {
      const ingest = await post({
        signals: [signal({ entityRef: 'component:default/secret-project' })],
      });
      expect(ingest.body).toEqual({ created: 1, updated: 0, unchanged: 0 });

      const res = await request(server)
        .get(summaryPath('secret-project'))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
      expect(res.body).not.toHaveProperty('windows');
    });
  });
});

/** Page-size and offset values that are no finite integer within bounds. */
const BAD_PAGE_QUERIES: Array<[string, string]> = [
  ['limit', 'Infinity'],
  ['limit', '1e309'],
  ['limit', '-Infinity'],
  ['limit', '1e2'],
  ['limit', '0x10'],
  ['limit', '%205'],
  ['limit', '501'],
  ['offset', 'Infinity'],
  ['offset', '1e309'],
  ['offset', '1e20'],
  ['offset', '1000001'],
];

describe('GET /entities/:kind/:namespace/:name/signals on every database', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    const path =
      '/api/user-trust/entities/component/default/checkout-api/signals';

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
        ],
      });
      const ingest = await request(backend.server)
        .post(SIGNALS)
        .set('Authorization', mockCredentials.service.header())
        .send({ signals: batch(3) });
      if (ingest.status !== 200) {
        throw new Error(`Ingest failed: ${JSON.stringify(ingest.body)}`);
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const get = (query: string) =>
      request(backend.server)
        .get(`${path}${query}`)
        .set('Authorization', mockCredentials.user.header());

    it.each(BAD_PAGE_QUERIES)(
      'answers 400 to %s=%s, naming the parameter',
      async (name, value) => {
        const res = await get(`?${name}=${value}`);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(new RegExp(`\\b${name}\\b`));
      },
    );

    it('says which integers a parameter takes', async () => {
      const res = await get('?limit=Infinity');
      expect(res.body.error.message).toBe(
        'request/query/limit must be an integer from 1 to 500, in decimal digits',
      );
    });

    it('pages with the limit and offset given, up to the largest offset', async () => {
      const page = await get('?limit=2&offset=1');
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.totalCount).toBe(3);
      const last = await get('?limit=500&offset=1000000');
      expect(last.status).toBe(200);
      expect(last.body).toMatchObject({ items: [], totalCount: 3 });
    });
  });
});

/** JSON text of objects (`{"a":...}`) or arrays nested `depth` levels. */
function nestedJson(depth: number, open = '{"a":', close = '}'): string {
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

describe('request checks on every database', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    const API = '/api/user-trust';
    const SLOS = `${API}/entities/component/default/checkout-api/slos`;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          userTrustPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        ],
      });
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const as = mockCredentials.user.header();

    /** The message of a 400 InputError. */
    function inputError(res: request.Response): string {
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      return res.body.error.message;
    }

    it.each([
      ['kind', 'comp%2Fonent/default/checkout-api'],
      ['namespace', 'component/def%2Fault/checkout-api'],
      ['name', 'component/default/checkout%2Fapi'],
    ])(
      'answers 400 to a %s holding a slash, on every entity route',
      async (param, entityPath) => {
        for (const route of [
          'summary',
          'trust',
          'slos',
          'signals',
          'field-roles',
        ]) {
          const res = await request(backend.server)
            .get(`${API}/entities/${entityPath}/${route}`)
            .set('Authorization', as);
          expect(inputError(res)).toMatch(
            new RegExp(`request/params/${param}\\b`),
          );
        }
      },
    );

    it('answers 400 to a NUL character in a path parameter', async () => {
      const res = await request(backend.server)
        .get(`${API}/entities/component/default/checkout%00api/summary`)
        .set('Authorization', as);
      expect(inputError(res)).toBe(
        'request/params/name must not contain NUL characters (\\u0000)',
      );
    });

    it.each([
      ['objects', nestedJson(5000)],
      ['arrays', nestedJson(5000, '[', ']')],
    ])(
      'answers 400 to JSON %s nested 5,000 levels deep, naming the problem',
      async (_, body) => {
        const validate = await request(backend.server)
          .post(`${API}/slos/validate`)
          .set('Authorization', as)
          .set('Content-Type', 'application/json')
          .send(body);
        expect(inputError(validate)).toBe(
          'request/body is nested deeper than 64 levels',
        );
        const put = await request(backend.server)
          .put(SLOS)
          .set('Authorization', as)
          .set('Content-Type', 'application/json')
          .send(body);
        expect(inputError(put)).toBe(
          'request/body is nested deeper than 64 levels',
        );
      },
    );

    it('reports OpenSLO text nested 5,000 levels deep as a problem of the documents', async () => {
      for (const text of [nestedJson(5000), nestedJson(5000, '[', ']')]) {
        const res = await request(backend.server)
          .post(`${API}/slos/validate`)
          .set('Authorization', as)
          .set('Content-Type', 'text/plain')
          .send(text);
        expect(res.status).toBe(200);
        expect(res.body.valid).toBe(false);
        expect(res.body.errors).toEqual([
          {
            path: 'documents',
            message: expect.stringMatching(/^nested too deeply/),
          },
        ]);
      }
      const put = await request(backend.server)
        .put(SLOS)
        .set('Authorization', as)
        .set('Content-Type', 'application/yaml')
        .send(`${'- '.repeat(5000)}x\n`);
      expect(inputError(put)).toMatch(/documents: nested too deeply/);
    });

    it('answers 400 to a NUL character in an OpenSLO text, storing nothing', async () => {
      const res = await request(backend.server)
        .put(SLOS)
        .set('Authorization', as)
        .set('Content-Type', 'application/yaml')
        .send(
          `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: x\n  displayName: "a\u0000b"\n`,
        );
      expect(inputError(res)).toBe(
        'request/body must not contain NUL characters (\\u0000): line 5',
      );
      const slos = await request(backend.server)
        .get(SLOS)
        .set('Authorization', as);
      expect(slos.body.slos.map((s: any) => s.source.type)).not.toContain(
        'api',
      );
    });

    it.each(['__proto__', 'constructor', 'toString', '__proto__[admin]'])(
      'answers 400 to the query parameter %s on every route, as to any unknown one',
      async name => {
        for (const path of [
          '/entities/component/default/checkout-api/signals',
          '/entities/component/default/checkout-api/summary',
          '/health',
          '/field-roles/assignments',
          '/field-roles/types',
        ]) {
          const res = await request(backend.server)
            .get(`${API}${path}?${name}=x`)
            .set('Authorization', as);
          expect(inputError(res)).toBe(`Unknown query parameter '${name}'`);
        }
      },
    );

    it('names the unknown property of a request body', async () => {
      const signals = await request(backend.server)
        .post(SIGNALS)
        .set('Authorization', mockCredentials.service.header())
        .send({ signals: [signal(), signal(), { ...signal(), foo: 1 }] });
      expect(inputError(signals)).toBe(
        "request/body/signals/2 must NOT have additional properties: 'foo'",
      );
      const trust = await request(backend.server)
        .post(`${API}/trust/batch`)
        .set('Authorization', as)
        .send({ entityRefs: [], colour: 'red' });
      expect(inputError(trust)).toBe(
        "request/body must NOT have additional properties: 'colour'",
      );
    });
  });
});
