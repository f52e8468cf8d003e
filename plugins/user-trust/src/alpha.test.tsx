import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/test-utils';
import { userTrustApiRef } from './api';
import userTrustPlugin, {
  entityFieldRolePortfolioCard,
  entityFieldRolesCard,
  entityUserTrustCard,
  entityUserTrustContent,
  fieldRolesPage,
  healthPage,
  homePageBurningFastestWidget,
  importPage,
  sourcesPage,
} from './alpha';
import {
  coverage,
  entityFieldRoles,
  fieldRoleTypes,
  healthList,
  people,
  trust,
} from './testing/fixtures';

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart-service', namespace: 'default' },
  spec: { type: 'service', owner: 'storefront-team', lifecycle: 'production' },
};

describe('entityUserTrustCard (new frontend system)', () => {
  it('is offered for components only', () => {
    const tester = createExtensionTester(entityUserTrustCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(component)).toBe(true);
    expect(filter({ ...component, kind: 'API' })).toBe(false);
  });

  it('renders the card with the summary from the API', async () => {
    const api = {
      getEntityTrust: jest
        .fn()
        .mockResolvedValue(
          trust({ entityRef: 'component:default/cart-service' }),
        ),
      getEntitySummary: jest.fn().mockResolvedValue({
        entityRef: 'component:default/cart-service',
        generatedAt: new Date().toISOString(),
        lastSignalAt: new Date().toISOString(),
        windows: [
          { window: '7d', days: 7, total: 2, byKind: { incident: 2 } },
          { window: '28d', days: 28, total: 3, byKind: { incident: 3 } },
          { window: '90d', days: 90, total: 4, byKind: { incident: 4 } },
        ],
      }),
    };
    const tester = createExtensionTester(entityUserTrustCard, {
      apis: [[userTrustApiRef, api]],
    });
    renderInTestApp(
      <EntityProvider entity={component}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[userTrustApiRef, api]] },
    );

    expect(
      await screen.findByText('Customer-impacting incidents'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('trust-score')).toHaveTextContent('62');
    expect(api.getEntitySummary).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'cart-service',
    });
  });
});

describe('entityUserTrustContent (new frontend system)', () => {
  it('is the "User trust" tab of components at user-trust', () => {
    const tester = createExtensionTester(entityUserTrustContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('user-trust');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'User trust',
    );
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      userTrustPlugin.routes.root,
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(component)).toBe(true);
    expect(filter({ ...component, kind: 'API' })).toBe(false);
  });

  it('renders the tab with the trust evaluation from the API', async () => {
    const api = {
      getEntityTrust: jest
        .fn()
        .mockResolvedValue(
          trust({ entityRef: 'component:default/cart-service' }),
        ),
      getEntitySlos: jest.fn().mockResolvedValue({ entityRef: 'x', slos: [] }),
      listEntitySignals: jest
        .fn()
        .mockResolvedValue({ items: [], totalCount: 0 }),
    };
    const tester = createExtensionTester(entityUserTrustContent, {
      apis: [[userTrustApiRef, api]],
    });
    renderInTestApp(
      <EntityProvider entity={component}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[userTrustApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    // The first render loads the tab's module (charts, tables) lazily.
    expect(
      await screen.findByTestId('trust-score', {}, { timeout: 10_000 }),
    ).toHaveTextContent('62');
    expect(
      screen.getByTestId('slo-panel-cases-without-escalation'),
    ).toHaveTextContent('breached');
    expect(
      await screen.findByText('No signals for this entity yet'),
    ).toBeInTheDocument();
    expect(api.getEntityTrust).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'cart-service',
    });
    expect(api.listEntitySignals).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'cart-service' },
      { kinds: undefined, limit: 20, offset: 0 },
    );
  }, 20_000);
});

describe('entityFieldRolesCard (new frontend system)', () => {
  it('is an info card of components, APIs, systems and resources', () => {
    const tester = createExtensionTester(entityFieldRolesCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(component)).toBe(true);
    expect(filter({ ...component, kind: 'API' })).toBe(true);
    expect(filter({ ...component, kind: 'System' })).toBe(true);
    expect(filter({ ...component, kind: 'Resource' })).toBe(true);
    expect(filter({ ...component, kind: 'User' })).toBe(false);
    expect(filter({ ...component, kind: 'Domain' })).toBe(false);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
  });

  it('renders the holders from the API', async () => {
    const apis = [
      [
        userTrustApiRef,
        {
          getEntityFieldRoles: jest.fn().mockResolvedValue(
            entityFieldRoles({
              entityRef: 'component:default/cart-service',
            }),
          ),
        },
      ],
      [catalogApiRef, catalogApiMock({ entities: people })],
      [permissionApiRef, mockApis.permission()],
    ] as const;
    const tester = createExtensionTester(entityFieldRolesCard, {
      apis,
    });
    renderInTestApp(
      <EntityProvider entity={component}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis,
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByRole('link', { name: 'Rachel Kim' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('field-role-csm')).toHaveTextContent(
      'No CSM — required for tier-1 services',
    );
  });
});

describe('entityFieldRolePortfolioCard (new frontend system)', () => {
  it('is offered for users and groups', () => {
    const tester = createExtensionTester(entityFieldRolePortfolioCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(people[0])).toBe(true);
    expect(filter(people[2])).toBe(true);
    expect(filter(component)).toBe(false);
  });

  it('renders what the person covers', async () => {
    const apis = [
      [
        userTrustApiRef,
        {
          getFieldRoleTypes: jest
            .fn()
            .mockResolvedValue({ roles: fieldRoleTypes }),
          listFieldRoleAssignments: jest.fn().mockResolvedValue({
            items: [],
            totalCount: 0,
          }),
        },
      ],
      [catalogApiRef, catalogApiMock({ entities: people })],
    ] as const;
    const tester = createExtensionTester(entityFieldRolePortfolioCard, {
      apis,
    });
    renderInTestApp(
      <EntityProvider entity={people[1]}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis },
    );
    expect(await screen.findByText('No field roles')).toBeInTheDocument();
  });
});

describe('fieldRolesPage (new frontend system)', () => {
  it('is the "Field roles" page at /user-trust/field-roles, with a nav item', () => {
    const tester = createExtensionTester(fieldRolesPage);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/user-trust/field-roles',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Field roles');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      userTrustPlugin.routes.fieldRoles,
    );
  });

  it('renders the blind spots', async () => {
    const apis = [
      [
        userTrustApiRef,
        {
          getFieldRoleTypes: jest
            .fn()
            .mockResolvedValue({ roles: fieldRoleTypes }),
          getFieldRoleCoverage: jest.fn().mockResolvedValue(coverage()),
        },
      ],
      [catalogApiRef, catalogApiMock({ entities: people })],
      [permissionApiRef, mockApis.permission()],
    ] as const;
    renderInTestApp(createExtensionTester(fieldRolesPage).reactElement(), {
      apis,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByRole(
        'link',
        { name: /checkout-api/ },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Field roles' }),
    ).toBeInTheDocument();
  }, 20_000);
});

describe('healthPage (new frontend system)', () => {
  it('is the "User trust" page at /user-trust, with a nav item', () => {
    const tester = createExtensionTester(healthPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/user-trust');
    expect(tester.get(coreExtensionData.title)).toBe('User trust');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      userTrustPlugin.routes.health,
    );
  });

  const apis = [
    [
      userTrustApiRef,
      {
        getHealth: jest.fn().mockResolvedValue(healthList()),
        getFieldRoleTypes: jest
          .fn()
          .mockResolvedValue({ roles: fieldRoleTypes }),
        getFieldRoleCoverage: jest.fn().mockResolvedValue(coverage()),
        listImportMappings: jest.fn().mockResolvedValue({ items: [] }),
        listSources: jest.fn().mockResolvedValue({
          items: [
            {
              id: 'pagerduty',
              title: 'PagerDuty',
              state: 'ok',
              receivesWebhooks: true,
              syncs: false,
              webhookPath: '/webhooks/pagerduty',
              lastWebhookAt: new Date().toISOString(),
              webhooksAccepted: 4,
              webhooksRefused: 1,
              signals: { last24h: 4, last7d: 4 },
              errors: [],
              externalServices: [],
            },
          ],
        }),
      },
    ],
    [catalogApiRef, catalogApiMock({ entities: people })],
    [permissionApiRef, mockApis.permission()],
  ] as const;

  const renderAt = (path: string) =>
    renderTestApp({
      features: [userTrustPlugin],
      initialRouteEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis,
    });

  it('shows the health page at /user-trust, linking to the field roles', async () => {
    renderAt('/user-trust');
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Services' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'User trust' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Field roles' })).toHaveAttribute(
      'href',
      '/user-trust/field-roles',
    );
  }, 20_000);

  it('keeps the field roles page at /user-trust/field-roles', async () => {
    renderAt('/user-trust/field-roles');
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Field roles' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'User trust' })).toBeNull();
  }, 20_000);

  it('has a Sources tab that opens the sources page at /user-trust/sources', async () => {
    renderAt('/user-trust');
    const tab = await screen.findByRole(
      'tab',
      { name: 'Sources' },
      { timeout: 10_000 },
    );
    expect(screen.getByRole('tab', { name: 'Health' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await userEvent.click(tab);
    expect(
      await screen.findByRole(
        'region',
        { name: 'PagerDuty' },
        { timeout: 10_000 },
      ),
    ).toHaveTextContent('4 / 1');
    expect(screen.getByRole('tab', { name: 'Sources' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await userEvent.click(screen.getByRole('tab', { name: 'Health' }));
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Services' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  }, 30_000);

  it('has an Import tab that opens the import page at /user-trust/import', async () => {
    renderAt('/user-trust/sources');
    await userEvent.click(
      await screen.findByRole('tab', { name: 'Import' }, { timeout: 10_000 }),
    );
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Import signals' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Import' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Choose file' })).toBeVisible();
  }, 30_000);
});

describe('sourcesPage (new frontend system)', () => {
  it('is the page at /user-trust/sources, a tab of User trust without a nav item', () => {
    const tester = createExtensionTester(sourcesPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/user-trust/sources');
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      userTrustPlugin.routes.sources,
    );
    expect(tester.get(coreExtensionData.title)).toBeUndefined();
    expect(tester.get(coreExtensionData.icon)).toBeUndefined();
  });
});

describe('importPage (new frontend system)', () => {
  it('is the page at /user-trust/import, a tab of User trust without a nav item', () => {
    const tester = createExtensionTester(importPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/user-trust/import');
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      userTrustPlugin.routes.import,
    );
    expect(tester.get(coreExtensionData.title)).toBeUndefined();
    expect(tester.get(coreExtensionData.icon)).toBeUndefined();
  });
});

describe('homePageBurningFastestWidget (new frontend system)', () => {
  it('offers "Burning fastest" to the home page, linking to the health page', async () => {
    const tester = createExtensionTester(homePageBurningFastestWidget);
    const widget = tester.get(HomePageWidgetBlueprint.dataRefs.widget);
    expect(widget).toMatchObject({
      name: 'UserTrustBurningFastest',
      title: 'Burning fastest',
    });
    const getHealth = jest.fn().mockResolvedValue(healthList());
    renderInTestApp(widget.component, {
      apis: [[userTrustApiRef, { getHealth }]],
      mountedRoutes: {
        '/user-trust': userTrustPlugin.routes.health,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    });
    expect(
      await screen.findByRole(
        'link',
        { name: 'Checkout API' },
        { timeout: 10_000 },
      ),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(screen.getByText('Burning fastest')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View all' })).toHaveAttribute(
      'href',
      '/user-trust',
    );
    expect(getHealth).toHaveBeenCalledWith({
      sort: 'burn',
      order: 'desc',
      limit: 5,
    });
  }, 20_000);
});
