import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { UserTrustApi, userTrustApiRef } from '../../api';
import { assignment, fieldRoleTypes, people } from '../../testing/fixtures';
import { FieldRolePortfolioCard } from './FieldRolePortfolioCard';

const rachel: Entity = {
  ...people[0],
  relations: [
    { type: 'memberOf', targetRef: 'group:default/customer-success' },
  ],
};

const direct = [
  assignment({ entityRef: 'component:default/checkout-api' }),
  assignment({
    entityRef: 'component:default/cart-service',
    accounts: [],
  }),
  assignment({ entityRef: 'api:default/payments-api', role: 'devrel' }),
];
const viaGroup = [
  assignment({
    entityRef: 'component:default/search',
    role: 'csm',
    holderRef: 'group:default/customer-success',
    accounts: ['Initech'],
  }),
];

async function renderCard(entity: Entity, api: Partial<UserTrustApi>) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          userTrustApiRef,
          {
            getFieldRoleTypes: jest
              .fn()
              .mockResolvedValue({ roles: fieldRoleTypes }),
            ...api,
          },
        ],
        [catalogApiRef, catalogApiMock({ entities: people })],
      ]}
    >
      <EntityProvider entity={entity}>
        <FieldRolePortfolioCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('FieldRolePortfolioCard', () => {
  it("groups a person's assignments by role, including their groups'", async () => {
    const listFieldRoleAssignments = jest.fn(async ({ holderRef }) => {
      const items = holderRef === 'user:default/rachel.kim' ? direct : viaGroup;
      return { items, totalCount: items.length };
    });
    await renderCard(rachel, { listFieldRoleAssignments });

    const tam = await screen.findByTestId('portfolio-role-tam');
    expect(listFieldRoleAssignments).toHaveBeenCalledWith({
      holderRef: 'user:default/rachel.kim',
      limit: 200,
      offset: 0,
    });
    expect(listFieldRoleAssignments).toHaveBeenCalledWith({
      holderRef: 'group:default/customer-success',
      limit: 200,
      offset: 0,
    });
    expect(
      within(tam).getByText('Technical Account Manager'),
    ).toBeInTheDocument();
    expect(within(tam).getByText('2 entities')).toBeInTheDocument();
    expect(
      within(tam).getByRole('link', { name: /checkout-api/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(within(tam).getByText('Globex')).toBeInTheDocument();
    expect(within(tam).getByText('all accounts')).toBeInTheDocument();

    const devrel = screen.getByTestId('portfolio-role-devrel');
    expect(
      within(devrel).getByRole('link', { name: /payments-api/ }),
    ).toHaveAttribute('href', '/catalog/default/api/payments-api');

    const csm = screen.getByTestId('portfolio-role-csm');
    expect(csm).toHaveTextContent('via Customer Success');
    expect(within(csm).getByText('Initech')).toBeInTheDocument();

    // Configured order: TAM, CSM, DevRel.
    const sections = screen
      .getAllByTestId(/^portfolio-role-/)
      .map(s => s.dataset.testid);
    expect(sections).toEqual([
      'portfolio-role-tam',
      'portfolio-role-csm',
      'portfolio-role-devrel',
    ]);
  });

  it('asks only for the direct assignments of a group', async () => {
    const listFieldRoleAssignments = jest
      .fn()
      .mockResolvedValue({ items: viaGroup, totalCount: 250 });
    await renderCard(people[2], { listFieldRoleAssignments });
    expect(await screen.findByTestId('portfolio-role-csm')).toBeInTheDocument();
    expect(listFieldRoleAssignments).toHaveBeenCalledTimes(1);
    expect(listFieldRoleAssignments).toHaveBeenCalledWith({
      holderRef: 'group:default/customer-success',
      limit: 200,
      offset: 0,
    });
    expect(
      screen.getByText('And 249 more assignments not listed here.'),
    ).toBeInTheDocument();
  });

  it('says "No field roles" for someone without any', async () => {
    await renderCard(people[1], {
      listFieldRoleAssignments: jest
        .fn()
        .mockResolvedValue({ items: [], totalCount: 0 }),
    });
    expect(await screen.findByText('No field roles')).toBeInTheDocument();
  });

  it('shows an error panel when the assignments cannot be loaded', async () => {
    await renderCard(people[1], {
      listFieldRoleAssignments: jest.fn().mockRejectedValue(new Error('down')),
    });
    expect(
      await screen.findByText(/Could not load field roles/),
    ).toBeInTheDocument();
  });
});
