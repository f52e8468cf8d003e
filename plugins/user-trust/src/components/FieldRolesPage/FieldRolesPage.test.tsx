import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Route, Routes } from 'react-router-dom';
import { UserTrustApi, userTrustApiRef } from '../../api';
import {
  assignment,
  badRequest,
  coverage,
  fieldRoleTypes,
  people,
} from '../../testing/fixtures';
import { pickOption } from '../../__testUtils__/pickOption';
import { FieldRolesPage } from './FieldRolesPage';

const csv = [
  'entityRef,role,holderRef,accounts,note,since',
  'component:default/checkout-api,csm,user:default/rachel.kim,Acme;Globex,,',
  'component:default/search,tam,user:default/sam.support,,,',
].join('\n');

const cleanDryRun = {
  dryRun: true,
  applied: false,
  changes: [
    {
      row: 1,
      entityRef: 'component:default/checkout-api',
      role: 'csm',
      holderRef: 'user:default/rachel.kim',
      change: 'create',
    },
    {
      row: 2,
      entityRef: 'component:default/search',
      role: 'tam',
      holderRef: 'user:default/sam.support',
      change: 'update',
    },
  ],
  errors: [],
};

async function renderPage(
  path: string,
  options: {
    api?: Partial<UserTrustApi>;
    authorize?: (
      resourceRef?: string,
    ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  } = {},
) {
  const api = {
    getFieldRoleTypes: jest.fn().mockResolvedValue({ roles: fieldRoleTypes }),
    getFieldRoleCoverage: jest.fn().mockResolvedValue(coverage()),
    listFieldRoleAssignments: jest.fn().mockResolvedValue({
      items: [
        assignment(),
        assignment({
          entityRef: 'component:default/search',
          role: 'support',
          holderRef: 'group:default/customer-success',
          accounts: [],
          note: undefined,
        }),
      ],
      totalCount: 42,
    }),
    listFieldRoleAudit: jest.fn().mockResolvedValue({
      items: [
        {
          id: 7,
          at: '2026-11-20T10:00:00Z',
          actor: 'user:default/pat.platform',
          entityRef: 'component:default/checkout-api',
          role: 'tam',
          action: 'set',
          before: [assignment({ holderRef: 'user:default/sam.support' })],
          after: [assignment()],
        },
      ],
      totalCount: 1,
    }),
    importFieldRoles: jest.fn(),
    ...options.api,
  };
  const permissionApi = mockApis.permission({
    authorize: request =>
      options.authorize
        ? options.authorize((request as { resourceRef?: string }).resourceRef)
        : AuthorizeResult.ALLOW,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [userTrustApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: people })],
        [permissionApiRef, permissionApi],
      ]}
    >
      <Routes>
        <Route path="/field-roles/*" element={<FieldRolesPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [`/field-roles${path}`],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return api;
}

describe('FieldRolesPage', () => {
  it('lists the blind spots, most exposed first, filterable by role', async () => {
    const user = userEvent.setup();
    const api = await renderPage('');
    expect(
      screen.getByRole('heading', { name: 'Field roles' }),
    ).toBeInTheDocument();

    const link = await screen.findByRole('link', { name: /checkout-api/ });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api',
    );
    expect(screen.getByText('Checkout API')).toBeInTheDocument();
    const row = link.closest('tr')!;
    expect(within(row).getByText('CSM')).toBeInTheDocument();
    expect(within(row).getByText('17')).toBeInTheDocument();
    expect(within(row).getByText('28')).toBeInTheDocument();
    expect(api.getFieldRoleCoverage).toHaveBeenCalledWith({});

    await user.click(screen.getByLabelText('Missing role'));
    await user.click(
      await screen.findByRole('option', { name: 'Technical Account Manager' }),
    );
    await waitFor(() =>
      expect(api.getFieldRoleCoverage).toHaveBeenCalledWith({ role: 'tam' }),
    );
  });

  it('hands selected blind spots to the quick-assign form', async () => {
    const user = userEvent.setup();
    await renderPage('');
    const link = await screen.findByRole('link', { name: /search/ });
    await user.click(within(link.closest('tr')!).getByRole('checkbox'));
    await user.click(
      screen.getByRole('button', { name: /Assign a holder to 1 selected/ }),
    );

    const form = await screen.findByTestId('quick-assign');
    expect(
      within(form).getByRole('button', { name: 'component:default/search' }),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Quick assign role')).toHaveTextContent(
      'Technical Account Manager',
    );

    await user.type(within(form).getByLabelText('Holder'), 'sam');
    await pickOption(user, /Sam Support/);
    await user.click(
      within(form).getByRole('button', { name: 'Add 1 rows to the import' }),
    );
    expect(screen.getByLabelText('CSV')).toHaveValue(
      'entityRef,role,holderRef,accounts,note,since\n' +
        'component:default/search,tam,user:default/sam.support,,,\n',
    );
  });

  it('applies a CSV import only after a clean dry run', async () => {
    const user = userEvent.setup();
    const importFieldRoles = jest
      .fn()
      .mockImplementation(async (_rows, { dryRun }) =>
        dryRun ? cleanDryRun : { ...cleanDryRun, dryRun: false, applied: true },
      );
    await renderPage('/bulk', { api: { importFieldRoles } });

    const apply = await screen.findByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();
    fireEvent.change(screen.getByLabelText('CSV'), {
      target: { value: csv },
    });
    await user.click(screen.getByRole('button', { name: 'Dry run' }));

    expect(
      await screen.findByText(/Dry run: 1 to create, 1 to update, 0 unchanged/),
    ).toBeInTheDocument();
    // The backend parses the CSV: the text goes as it is.
    expect(importFieldRoles).toHaveBeenCalledTimes(1);
    expect(importFieldRoles).toHaveBeenCalledWith(csv, { dryRun: true });
    const changes = screen.getByRole('table', { name: 'Changes' });
    expect(within(changes).getByTestId('change-row-1')).toHaveTextContent(
      'Customer Success Manager',
    );
    expect(within(changes).getByTestId('change-row-2')).toHaveTextContent(
      'update',
    );

    await waitFor(() => expect(apply).toBeEnabled());
    await user.click(apply);
    expect(
      await screen.findByText(/Applied: 1 created, 1 updated/),
    ).toBeVisible();
    expect(importFieldRoles).toHaveBeenCalledTimes(2);
    expect(importFieldRoles).toHaveBeenLastCalledWith(csv, { dryRun: false });
    expect(apply).toBeDisabled();
  });

  it("shows the server's row errors and keeps Apply disabled", async () => {
    const user = userEvent.setup();
    const importFieldRoles = jest.fn().mockResolvedValue({
      ...cleanDryRun,
      changes: [cleanDryRun.changes[0]],
      errors: [
        { row: 2, message: 'holderRef: no such user user:default/sam.support' },
      ],
    });
    await renderPage('/bulk', { api: { importFieldRoles } });
    fireEvent.change(await screen.findByLabelText('CSV'), {
      target: { value: csv },
    });
    await user.click(screen.getByRole('button', { name: 'Dry run' }));

    const errors = await screen.findByRole('table', { name: 'Errors' });
    const row = within(errors).getByTestId('error-row-2');
    // The CSV line the row starts on, beside the server's message.
    expect(row).toHaveTextContent(
      'component:default/search,tam,user:default/sam.support,,,',
    );
    expect(row).toHaveTextContent(
      'holderRef: no such user user:default/sam.support',
    );
    expect(screen.getByText(/1 of 2 rows have errors/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it("shows the server's CSV problems on the lines it numbers", async () => {
    const user = userEvent.setup();
    // A blank line counts: the backend numbers rows by their data line.
    const text = [
      'entityRef,role,holderRef',
      'component:default/checkout-api,csm,user:default/rachel.kim',
      '',
      'component:default/search,tam,user:default/sam.support,extra',
    ].join('\n');
    const importFieldRoles = jest.fn().mockResolvedValue({
      ...cleanDryRun,
      changes: [cleanDryRun.changes[0]],
      errors: [
        {
          row: 3,
          message: 'malformed CSV line: expected 3 fields, got 4',
        },
      ],
    });
    await renderPage('/bulk', { api: { importFieldRoles } });
    fireEvent.change(await screen.findByLabelText('CSV'), {
      target: { value: text },
    });
    await user.click(screen.getByRole('button', { name: 'Dry run' }));

    const row = await screen.findByTestId('error-row-3');
    expect(row).toHaveTextContent(
      'component:default/search,tam,user:default/sam.support,extra',
    );
    expect(row).toHaveTextContent(
      'malformed CSV line: expected 3 fields, got 4',
    );
    expect(importFieldRoles).toHaveBeenCalledWith(text, { dryRun: true });
    expect(screen.getByText(/1 of 2 rows have errors/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it("shows the server's answer to an unusable header", async () => {
    const user = userEvent.setup();
    const message =
      "CSV header: unknown column 'component:default/search'; the columns are entityRef, role, holderRef, accounts, note, since";
    const importFieldRoles = jest
      .fn()
      .mockRejectedValue(await badRequest(message));
    await renderPage('/bulk', { api: { importFieldRoles } });
    fireEvent.change(await screen.findByLabelText('CSV'), {
      target: {
        value: 'component:default/search,tam,user:default/sam.support',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Dry run' }));

    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Errors' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('keeps Apply disabled for entities the user may not change', async () => {
    const user = userEvent.setup();
    await renderPage('/bulk', {
      api: { importFieldRoles: jest.fn().mockResolvedValue(cleanDryRun) },
      authorize: ref =>
        ref === 'component:default/search'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
    fireEvent.change(await screen.findByLabelText('CSV'), {
      target: { value: csv },
    });
    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    expect(
      await screen.findByText(
        /You may not change the field roles of component:default\/search/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('asks for a new dry run when the CSV changes after one', async () => {
    const user = userEvent.setup();
    await renderPage('/bulk', {
      api: { importFieldRoles: jest.fn().mockResolvedValue(cleanDryRun) },
    });
    const input = await screen.findByLabelText('CSV');
    fireEvent.change(input, { target: { value: csv } });
    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled(),
    );
    fireEvent.change(input, { target: { value: `${csv}\n` } });
    expect(
      screen.getByText(/The CSV changed since the last run/),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('reads a chosen CSV file', async () => {
    await renderPage('/bulk');
    const file = new File([csv], 'roles.csv', { type: 'text/csv' });
    fireEvent.change(await screen.findByTestId('csv-file-input'), {
      target: { files: [file] },
    });
    await waitFor(() => expect(screen.getByLabelText('CSV')).toHaveValue(csv));
  });

  it('pages the registry assignments on the server and filters by role', async () => {
    const user = userEvent.setup();
    const api = await renderPage('/assignments');
    expect(
      await screen.findByRole('link', { name: 'Rachel Kim' }),
    ).toHaveAttribute('href', '/catalog/default/user/rachel.kim');
    expect(
      screen.getByRole('link', { name: 'Customer Success' }),
    ).toBeVisible();
    expect(api.listFieldRoleAssignments).toHaveBeenCalledWith({
      entityRef: undefined,
      holderRef: undefined,
      role: undefined,
      limit: 20,
      offset: 0,
    });

    await user.click(screen.getByLabelText('Role'));
    await user.click(
      await screen.findByRole('option', { name: 'Support lead' }),
    );
    await waitFor(() =>
      expect(api.listFieldRoleAssignments).toHaveBeenLastCalledWith(
        expect.objectContaining({ role: 'support', offset: 0 }),
      ),
    );
  });

  it("shows each holder's portfolio", async () => {
    const user = userEvent.setup();
    await renderPage('/portfolios');
    const rachel = await screen.findByRole('link', { name: 'Rachel Kim' });
    const row = rachel.closest('tr')!;
    expect(within(row).getByText('TAM · 2')).toBeInTheDocument();
    expect(
      within(row).getByText('Developer Relations · 1'),
    ).toBeInTheDocument();
    await user.click(within(row).getByText('3'));
    const details = await screen.findByTestId(
      'portfolio-user:default/rachel.kim',
    );
    expect(
      within(details).getByRole('link', { name: /payments-api/ }),
    ).toHaveAttribute('href', '/catalog/default/api/payments-api');
  });

  it('shows the audit log with the holders before and after', async () => {
    const api = await renderPage('/audit');
    const after = await screen.findByRole('link', { name: 'Rachel Kim' });
    const row = after.closest('tr')!;
    expect(
      within(row).getByRole('link', { name: 'Sam Support' }),
    ).toBeVisible();
    expect(within(row).getByText('set')).toBeInTheDocument();
    expect(within(row).getByText('Technical Account Manager')).toBeVisible();
    expect(api.listFieldRoleAudit).toHaveBeenCalledWith({
      entityRef: undefined,
      limit: 20,
      offset: 0,
    });
  });

  describe('in development', () => {
    // material-table checks its columns and rows only in development.
    const nodeEnv = process.env.NODE_ENV;
    beforeEach(() => {
      (process.env as { NODE_ENV?: string }).NODE_ENV = 'development';
    });
    afterEach(() => {
      (process.env as { NODE_ENV?: string }).NODE_ENV = nodeEnv;
    });

    it.each([
      ['blind spots', '', { name: /checkout-api/ }],
      ['assignments', '/assignments', { name: 'Rachel Kim' }],
      ['portfolios', '/portfolios', { name: 'Rachel Kim' }],
      ['audit log', '/audit', { name: 'Rachel Kim' }],
    ])(
      'keeps the columns and rows of the %s table between renders',
      async (_tab, path, link) => {
        const warn = jest.spyOn(console, 'warn');
        await renderPage(path);
        await screen.findAllByRole('link', link);
        // The role types load too; the rows show their titles.
        await waitFor(() =>
          expect(
            screen.queryAllByText(
              /Technical Account Manager|Customer Success Manager|Support lead/,
            ).length,
          ).toBeGreaterThan(0),
        );
        const tableWarnings = warn.mock.calls
          .map(call => String(call[0]))
          .filter(message => /material table|unique id/i.test(message));
        expect(tableWarnings).toEqual([]);
        warn.mockRestore();
      },
    );
  });
});
