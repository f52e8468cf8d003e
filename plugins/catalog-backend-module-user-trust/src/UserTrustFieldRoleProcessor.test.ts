import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessorRelationResult,
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import {
  FieldRoleAssignment,
  FieldRoleType,
} from '@user-trust/plugin-user-trust-common';
import { UserTrustFieldRoleProcessor } from './UserTrustFieldRoleProcessor';

const lowerRef = (ref: CompoundEntityRef) =>
  stringifyEntityRef(ref).toLocaleLowerCase('en-US');

const BASE_URL = 'http://backstage.test/api/user-trust';
const location: LocationSpec = { type: 'file', target: '/catalog.yaml' };

function component(
  name: string,
  annotations: Record<string, string> = {},
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
  };
}

function registryAssignment(
  entityRef: string,
  role: string,
  holderRef: string,
): FieldRoleAssignment {
  return {
    entityRef,
    role,
    holderRef,
    accounts: [],
    since: '2026-01-05',
    source: 'registry',
    registeredBy: 'user:default/tomasz.kowalski',
    registeredAt: '2026-01-05T10:00:00Z',
  };
}

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/**
 * A fake user-trust backend: `registry` per lower-case entity ref, `roles`
 * (undefined: the types endpoint fails), or `down` for no answer at all.
 */
function fakeUserTrust(options: {
  registry?: Record<string, FieldRoleAssignment[]>;
  roles?: FieldRoleType[];
  down?: boolean;
  status?: number;
}) {
  return jest.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    if (options.down) {
      throw new TypeError('fetch failed', {
        cause: new Error('connect ECONNREFUSED 127.0.0.1:7007'),
      });
    }
    if (options.status) {
      return jsonResponse({ error: { message: 'nope' } }, options.status);
    }
    const url = new URL(String(input));
    if (url.pathname === '/api/user-trust/field-roles/types') {
      return options.roles
        ? jsonResponse({ roles: options.roles })
        : jsonResponse({ error: { message: 'not found' } }, 404);
    }
    if (url.pathname === '/api/user-trust/field-roles/assignments') {
      const items = options.registry?.[url.searchParams.get('entityRef')!];
      return jsonResponse({ items: items ?? [], totalCount: items?.length });
    }
    return jsonResponse({ error: { message: 'not found' } }, 404);
  });
}

function setup(
  fetchImpl: ReturnType<typeof fakeUserTrust>,
  extra: { now?: () => number } = {},
) {
  const logger = mockServices.logger.mock();
  const processor = new UserTrustFieldRoleProcessor({
    discovery: mockServices.discovery.mock({
      getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
    }),
    auth: mockServices.auth({ pluginId: 'catalog' }),
    logger,
    fetch: fetchImpl as typeof fetch,
    ...extra,
  });
  const process = async (entity: Entity) => {
    const results: CatalogProcessorResult[] = [];
    const output = await processor.postProcessEntity(entity, location, result =>
      results.push(result),
    );
    expect(output).toBe(entity);
    return results.map(r => {
      expect(r.type).toBe('relation');
      const { source, type, target } = (r as CatalogProcessorRelationResult)
        .relation;
      return `${lowerRef(source)} ${type} ${lowerRef(target)}`;
    });
  };
  return { processor, process, logger };
}

const assignmentCalls = (fetchImpl: ReturnType<typeof fakeUserTrust>) =>
  fetchImpl.mock.calls.filter(([url]) =>
    String(url).includes('/field-roles/assignments'),
  );

const roles: FieldRoleType[] = [
  { id: 'tam', title: 'Technical Account Manager', requiredFor: [] },
  { id: 'csm', title: 'Customer Success Manager', requiredFor: [] },
  {
    id: 'solutions-architect',
    title: 'Solutions Architect',
    requiredFor: [],
  },
];

describe('UserTrustFieldRoleProcessor', () => {
  it('emits both relations of every registry assignment and annotation seed', async () => {
    const fetchImpl = fakeUserTrust({
      roles,
      registry: {
        'component:default/checkout-api': [
          registryAssignment(
            'component:default/checkout-api',
            'tam',
            'user:default/rachel.kim',
          ),
          registryAssignment(
            'component:default/checkout-api',
            'solutions-architect',
            'group:default/customer-success',
          ),
        ],
      },
    });
    const { process } = setup(fetchImpl);

    const relations = await process(
      component('checkout-api', {
        'user-trust.io/field-role-csm': 'grace.liu, user:default/Nadia.Haddad',
      }),
    );

    expect(relations).toEqual([
      'component:default/checkout-api userTrustHasTam user:default/rachel.kim',
      'user:default/rachel.kim userTrustTamOf component:default/checkout-api',
      'component:default/checkout-api userTrustHasSolutionsArchitect group:default/customer-success',
      'group:default/customer-success userTrustSolutionsArchitectOf component:default/checkout-api',
      'component:default/checkout-api userTrustHasCsm user:default/grace.liu',
      'user:default/grace.liu userTrustCsmOf component:default/checkout-api',
      'component:default/checkout-api userTrustHasCsm user:default/nadia.haddad',
      'user:default/nadia.haddad userTrustCsmOf component:default/checkout-api',
    ]);
  });

  it('asks the registry once per entity, for its lower-case ref, as the catalog service', async () => {
    const fetchImpl = fakeUserTrust({ roles });
    const { process } = setup(fetchImpl);

    await process(component('Checkout-API'));

    const calls = assignmentCalls(fetchImpl);
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0];
    expect(String(url)).toBe(
      `${BASE_URL}/field-roles/assignments?entityRef=component%3Adefault%2Fcheckout-api&limit=500`,
    );
    expect(new Headers(init?.headers).get('authorization')).toBe(
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:catalog'),
        targetPluginId: 'user-trust',
      })}`,
    );
  });

  it('lets registry holders of a role replace the seeds of that role', async () => {
    const ref = 'component:default/checkout-api';
    const fetchImpl = fakeUserTrust({
      roles,
      registry: {
        [ref]: [registryAssignment(ref, 'tam', 'user:default/rachel.kim')],
      },
    });
    const { process } = setup(fetchImpl);

    const relations = await process(
      component('checkout-api', {
        'user-trust.io/field-role-tam': 'david.mensah',
        'user-trust.io/field-role-csm': 'grace.liu',
      }),
    );

    expect(relations).toEqual([
      `${ref} userTrustHasTam user:default/rachel.kim`,
      `user:default/rachel.kim userTrustTamOf ${ref}`,
      `${ref} userTrustHasCsm user:default/grace.liu`,
      `user:default/grace.liu userTrustCsmOf ${ref}`,
    ]);
    expect(relations.join('\n')).not.toContain('david.mensah');
  });

  it('emits the annotation relations only, and warns once, when the user-trust backend is unreachable', async () => {
    const fetchImpl = fakeUserTrust({ down: true });
    const { process, logger } = setup(fetchImpl);

    // The built-in role types stand in for the unreachable ones.
    const first = await process(
      component('checkout-api', {
        'user-trust.io/field-role-tam': 'ines.moreau',
      }),
    );
    const second = await process(
      component('cart-service', {
        'user-trust.io/field-role-support': 'group:default/support',
      }),
    );

    expect(first).toEqual([
      'component:default/checkout-api userTrustHasTam user:default/ines.moreau',
      'user:default/ines.moreau userTrustTamOf component:default/checkout-api',
    ]);
    expect(second).toEqual([
      'component:default/cart-service userTrustHasSupport group:default/support',
      'group:default/support userTrustSupportOf component:default/cart-service',
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(/ECONNREFUSED/);
    // Role types are not asked for again while the fallback is cached.
    expect(fetchImpl).toHaveBeenCalledTimes(3);
  });

  it('treats an error answer of the registry like an unreachable one', async () => {
    const fetchImpl = fakeUserTrust({ status: 503 });
    const { process, logger } = setup(fetchImpl);

    const relations = await process(
      component('checkout-api', {
        'user-trust.io/field-role-csm': 'grace.liu',
      }),
    );

    expect(relations).toEqual([
      'component:default/checkout-api userTrustHasCsm user:default/grace.liu',
      'user:default/grace.liu userTrustCsmOf component:default/checkout-api',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/503/));
  });

  it('warns again after the throttle interval, counting what it left out', async () => {
    let now = 0;
    const fetchImpl = fakeUserTrust({ down: true });
    const { process, logger } = setup(fetchImpl, { now: () => now });

    await process(component('a'));
    await process(component('b'));
    await process(component('c'));
    expect(logger.warn).toHaveBeenCalledTimes(1);

    now += 5 * 60_000;
    await process(component('d'));
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn.mock.calls[1][0]).toMatch(/left out/);
  });

  it('uses the role types of the user-trust backend, cached briefly', async () => {
    let now = 0;
    const fetchImpl = fakeUserTrust({ roles });
    const { process } = setup(fetchImpl, { now: () => now });
    const typeCalls = () =>
      fetchImpl.mock.calls.filter(([url]) =>
        String(url).endsWith('/field-roles/types'),
      ).length;

    const relations = await process(
      component('checkout-api', {
        'user-trust.io/field-role-solutions-architect': 'chloe.martin',
        // Not a configured role type here: ignored.
        'user-trust.io/field-role-devrel': 'ben.adeyemi',
      }),
    );
    await process(component('cart-service'));

    expect(relations).toEqual([
      'component:default/checkout-api userTrustHasSolutionsArchitect user:default/chloe.martin',
      'user:default/chloe.martin userTrustSolutionsArchitectOf component:default/checkout-api',
    ]);
    expect(typeCalls()).toBe(1);
    expect(assignmentCalls(fetchImpl)).toHaveLength(2);

    now += 60_000;
    await process(component('cart-service'));
    expect(typeCalls()).toBe(2);
  });

  it('leaves other kinds alone', async () => {
    const fetchImpl = fakeUserTrust({ roles });
    const { process } = setup(fetchImpl);

    const user: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: 'rachel.kim',
        annotations: { 'user-trust.io/field-role-tam': 'rachel.kim' },
      },
      spec: {},
    };
    expect(await process(user)).toEqual([]);
    expect(fetchImpl).not.toHaveBeenCalled();

    for (const kind of ['API', 'System', 'Resource']) {
      const relations = await process(
        component(
          'payments',
          { 'user-trust.io/field-role-tam': 'ines.moreau' },
          kind,
        ),
      );
      expect(relations[0]).toBe(
        `${kind.toLocaleLowerCase(
          'en-US',
        )}:default/payments userTrustHasTam user:default/ines.moreau`,
      );
    }
  });

  it('skips invalid holder refs and duplicate holders', async () => {
    const ref = 'component:default/checkout-api';
    const fetchImpl = fakeUserTrust({
      roles,
      registry: {
        [ref]: [
          registryAssignment(ref, 'tam', 'user:default/rachel.kim'),
          registryAssignment(ref, 'tam', 'user:default/rachel.kim'),
          registryAssignment(ref, 'tam', 'user:'),
        ],
      },
    });
    const { process } = setup(fetchImpl);

    expect(await process(component('checkout-api'))).toEqual([
      `${ref} userTrustHasTam user:default/rachel.kim`,
      `user:default/rachel.kim userTrustTamOf ${ref}`,
    ]);
  });
});
