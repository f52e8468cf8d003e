import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { userTrustApiRef } from './api';
import { entityUserTrustCard } from './alpha';

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
    expect(api.getEntitySummary).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'cart-service',
    });
  });
});
