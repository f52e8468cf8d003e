import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { userTrustApiRef } from '../../api';
import { HomePageUserTrustBurningCard } from '../../plugin';
import { healthRouteRef } from '../../routes';
import {
  calmEntityHealth,
  entityHealth,
  healthList,
  notFound,
} from '../../testing/fixtures';
import { HealthHomeCardActions, HealthHomeCardContent } from './HealthHomeCard';

const catalogRoute = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('HealthHomeCard', () => {
  it('lists the services burning budget fastest, worst first', async () => {
    const getHealth = jest.fn().mockResolvedValue(
      healthList({
        items: [
          entityHealth(),
          entityHealth({
            entityRef: 'component:default/cart',
            name: 'cart',
            title: undefined,
            status: 'at-risk',
            fastestBurn: { rate: 2.4, window: '7d', slo: 'csat-good' },
          }),
          // Not burning: left out rather than listed as "fastest".
          calmEntityHealth(),
        ],
      }),
    );
    await renderInTestApp(
      <TestApiProvider apis={[[userTrustApiRef, { getHealth }]]}>
        <HealthHomeCardContent />
      </TestApiProvider>,
      { mountedRoutes: catalogRoute },
    );
    const list = await screen.findByRole('list', { name: 'Burning fastest' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      'breachedCheckout API14.2\u00d7 (1d)',
      'at riskcart2.4\u00d7 (7d)',
    ]);
    expect(
      within(items[1]).getByRole('link', { name: 'cart' }),
    ).toHaveAttribute('href', '/catalog/default/component/cart');
    expect(getHealth).toHaveBeenCalledWith({
      sort: 'burn',
      order: 'desc',
      limit: 5,
    });
  });

  it('says when nothing burns, and shows errors', async () => {
    const getHealth = jest
      .fn()
      .mockResolvedValueOnce(healthList({ items: [calmEntityHealth()] }))
      .mockRejectedValueOnce(await notFound('No health yet'));
    const { unmount } = await renderInTestApp(
      <TestApiProvider apis={[[userTrustApiRef, { getHealth }]]}>
        <HealthHomeCardContent />
      </TestApiProvider>,
      { mountedRoutes: catalogRoute },
    );
    expect(
      await screen.findByText('No service is burning error budget.'),
    ).toBeInTheDocument();
    unmount();

    await renderInTestApp(
      <TestApiProvider apis={[[userTrustApiRef, { getHealth }]]}>
        <HealthHomeCardContent />
      </TestApiProvider>,
      { mountedRoutes: catalogRoute },
    );
    expect(
      await screen.findByText(/Could not load the fastest burners/),
    ).toBeInTheDocument();
  });

  it('links "View all" to the health page only when the app has it', async () => {
    const { unmount } = await renderInTestApp(<HealthHomeCardActions />, {
      mountedRoutes: { '/user-trust': healthRouteRef },
    });
    expect(screen.getByRole('link', { name: 'View all' })).toHaveAttribute(
      'href',
      '/user-trust',
    );
    unmount();

    await renderInTestApp(<HealthHomeCardActions />);
    expect(screen.queryByRole('link', { name: 'View all' })).toBeNull();
  });

  it('is a home page card of the legacy plugin', async () => {
    const getHealth = jest.fn().mockResolvedValue(healthList());
    await renderInTestApp(
      <TestApiProvider apis={[[userTrustApiRef, { getHealth }]]}>
        <HomePageUserTrustBurningCard />
      </TestApiProvider>,
      {
        mountedRoutes: { ...catalogRoute, '/user-trust': healthRouteRef },
      },
    );
    expect(
      await screen.findByRole('link', { name: 'Checkout API' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Burning fastest')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View all' })).toBeInTheDocument();
  });
});
