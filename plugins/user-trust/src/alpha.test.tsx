import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
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
import { userTrustApiRef } from './api';
import userTrustPlugin, {
  entityUserTrustCard,
  entityUserTrustContent,
} from './alpha';
import { trust } from './testing/fixtures';

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
