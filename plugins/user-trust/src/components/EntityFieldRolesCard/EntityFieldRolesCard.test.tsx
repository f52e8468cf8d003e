import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ResponseError } from '@backstage/errors';
import { UserTrustApi, userTrustApiRef } from '../../api';
import {
  entity,
  entityFieldRoles,
  entityRef,
  people,
} from '../../testing/fixtures';
import { pickOption } from '../../__testUtils__/pickOption';
import { EntityFieldRolesCard } from './EntityFieldRolesCard';

async function renderCard(
  options: {
    api?: Partial<UserTrustApi>;
    allowed?: boolean;
  } = {},
) {
  const api = {
    getEntityFieldRoles: jest.fn().mockResolvedValue(entityFieldRoles()),
    setEntityFieldRole: jest.fn().mockResolvedValue(entityFieldRoles()),
    removeEntityFieldRoleHolder: jest.fn().mockResolvedValue(undefined),
    ...options.api,
  };
  const permissionApi = mockApis.permission({
    authorize:
      options.allowed === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  });
  const authorize = jest.spyOn(permissionApi, 'authorize');
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [userTrustApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [entity, ...people] })],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityFieldRolesCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { api, authorize };
}

describe('EntityFieldRolesCard', () => {
  it('lists the holders of each role with their catalog details', async () => {
    const { api } = await renderCard({ allowed: false });

    const tam = await screen.findByTestId('field-role-tam');
    expect(api.getEntityFieldRoles).toHaveBeenCalledWith(entityRef);
    expect(
      within(tam).getByText('Technical Account Manager'),
    ).toBeInTheDocument();
    expect(
      within(tam).getByLabelText(
        'Technical advocate of key customer accounts.',
      ),
    ).toBeInTheDocument();
    const rachel = within(tam).getByRole('link', { name: 'Rachel Kim' });
    expect(rachel).toHaveAttribute('href', '/catalog/default/user/rachel.kim');
    expect(
      within(tam).getByText('rachel.kim@brightcart.example'),
    ).toBeInTheDocument();
    expect(within(tam).getByText('since Mar 1, 2026')).toBeInTheDocument();
    expect(within(tam).getByText('Acme')).toBeInTheDocument();
    expect(within(tam).getByText('Globex')).toBeInTheDocument();
    expect(
      within(tam).getByText('Covers the EU enterprise accounts'),
    ).toBeInTheDocument();
    expect(
      within(tam).queryByText('from catalog annotation'),
    ).not.toBeInTheDocument();

    // The support lead is seeded by the catalog annotation: read-only badge.
    const support = screen.getByTestId('field-role-support');
    expect(
      within(support).getByRole('link', { name: 'Customer Success' }),
    ).toHaveAttribute('href', '/catalog/default/group/customer-success');
    expect(
      within(support).getByText('from catalog annotation'),
    ).toBeInTheDocument();
    expect(within(support).getByText('all accounts')).toBeInTheDocument();

    // Required but nobody: a warning; optional and nobody: a quiet line.
    expect(
      within(screen.getByTestId('field-role-csm')).getByText(
        'No CSM — required for tier-1 services',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('field-role-devrel')).getByText(
        'Nobody assigned',
      ),
    ).toBeInTheDocument();
  });

  it('shows no edit actions without the manage permission', async () => {
    const { authorize } = await renderCard({ allowed: false });
    await screen.findByTestId('field-role-tam');
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'user-trust.field-role.manage',
          }),
          resourceRef: 'component:default/checkout-api',
        }),
      ),
    );
    expect(screen.queryByRole('button', { name: /^(Edit|Assign) / })).toBe(
      null,
    );
    expect(screen.queryByRole('button', { name: /^Remove / })).toBe(null);
  });

  it('offers assign, edit and remove (registry holders only) with the permission', async () => {
    await renderCard();
    expect(
      await screen.findByRole('button', {
        name: 'Edit Technical Account Manager',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Assign Customer Success Manager' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Edit Support lead' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Remove Rachel Kim as Technical Account Manager',
      }),
    ).toBeInTheDocument();
    // Catalog seeds cannot be removed here.
    expect(
      screen.queryByRole('button', { name: /Remove Customer Success as/ }),
    ).not.toBeInTheDocument();
  });

  it('assigns the holders picked in the dialog with PUT, then reloads', async () => {
    const user = userEvent.setup();
    const { api } = await renderCard();
    await user.click(
      await screen.findByRole('button', {
        name: 'Assign Customer Success Manager',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Customer Success Manager of checkout-api'),
    ).toBeInTheDocument();
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();

    await user.type(within(dialog).getByLabelText('Person or group'), 'rachel');
    await pickOption(user, /Rachel Kim/);
    await user.type(within(dialog).getByLabelText('Accounts'), 'Acme{enter}');
    await user.type(within(dialog).getByLabelText('Note'), 'Interim');

    await user.click(
      within(dialog).getByRole('button', { name: 'Add holder' }),
    );
    const second = within(dialog).getByTestId('holder-row-1');
    await user.type(within(second).getByLabelText('Person or group'), 'cust');
    await pickOption(user, /Customer Success/);

    await user.click(save);
    await waitFor(() =>
      expect(api.setEntityFieldRole).toHaveBeenCalledWith(entityRef, 'csm', {
        holders: [
          {
            ref: 'user:default/rachel.kim',
            accounts: ['Acme'],
            note: 'Interim',
          },
          { ref: 'group:default/customer-success', accounts: [] },
        ],
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.getEntityFieldRoles).toHaveBeenCalledTimes(2);
  });

  it('keeps the dialog open with the message of a rejected change', async () => {
    const user = userEvent.setup();
    const rejected = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'InputError',
            message: 'holders[0].ref: no such user or group user:default/x',
          },
          response: { statusCode: 400 },
        }),
        { status: 400, headers: { 'Content-Type': 'application/json' } },
      ) as any,
    );
    const { api } = await renderCard({
      api: { setEntityFieldRole: jest.fn().mockRejectedValue(rejected) },
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Edit Technical Account Manager',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    // The current holder is prefilled with its accounts.
    expect(within(dialog).getByDisplayValue('Rachel Kim')).toBeInTheDocument();
    expect(within(dialog).getByText('Globex')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'holders[0].ref: no such user or group user:default/x',
    );
    expect(api.setEntityFieldRole).toHaveBeenCalledWith(entityRef, 'tam', {
      holders: [
        {
          ref: 'user:default/rachel.kim',
          accounts: ['Acme', 'Globex'],
          note: 'Covers the EU enterprise accounts',
          since: '2026-03-01',
        },
      ],
    });
  });

  it('replaces a prefilled holder by searching the catalog', async () => {
    const user = userEvent.setup();
    const { api } = await renderCard();
    await user.click(
      await screen.findByRole('button', {
        name: 'Edit Technical Account Manager',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByLabelText('Person or group');
    expect(picker).toHaveValue('Rachel Kim');
    await user.clear(picker);
    await user.type(picker, 'sam');
    await pickOption(user, /Sam Support/);
    expect(picker).toHaveValue('Sam Support');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.setEntityFieldRole).toHaveBeenCalledWith(entityRef, 'tam', {
        holders: [
          {
            ref: 'user:default/sam.support',
            accounts: ['Acme', 'Globex'],
            note: 'Covers the EU enterprise accounts',
            since: '2026-03-01',
          },
        ],
      }),
    );
  });

  it('removes a registry holder after confirmation', async () => {
    const user = userEvent.setup();
    const { api } = await renderCard();
    await user.click(
      await screen.findByRole('button', {
        name: 'Remove Rachel Kim as Technical Account Manager',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Remove Rachel Kim as Technical Account Manager of checkout-api?',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(api.removeEntityFieldRoleHolder).toHaveBeenCalledWith(
        entityRef,
        'tam',
        'user:default/rachel.kim',
      ),
    );
    await waitFor(() =>
      expect(api.getEntityFieldRoles).toHaveBeenCalledTimes(2),
    );
  });

  it('shows an error panel when the field roles cannot be loaded', async () => {
    await renderCard({
      api: {
        getEntityFieldRoles: jest.fn().mockRejectedValue(new Error('boom')),
      },
    });
    expect(
      await screen.findByText(/Could not load field roles/),
    ).toBeInTheDocument();
  });

  it('says so when no role types are configured', async () => {
    await renderCard({
      api: {
        getEntityFieldRoles: jest.fn().mockResolvedValue(
          entityFieldRoles({
            roles: [],
            assignments: [],
            missingRequired: [],
          }),
        ),
      },
    });
    expect(
      await screen.findByText('No field roles configured'),
    ).toBeInTheDocument();
  });
});
