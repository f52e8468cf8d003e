import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alertApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  SavedSignalImportMapping,
  SignalImportMapping,
  SignalImportRequest,
  SignalImportResult,
  userTrustSignalCreatePermission,
} from '@user-trust/plugin-user-trust-common';
import { Route, Routes } from 'react-router-dom';
import { ImportSignalsOptions, UserTrustApi, userTrustApiRef } from '../../api';
import { healthRouteRef, importRouteRef, sourcesRouteRef } from '../../routes';
import { ImportPage } from './ImportPage';

const CSV = [
  'Case,Created,Service,Channel',
  'C-1,2026-11-27T09:30:00Z,checkout-api,email',
  'C-2,yesterday,checkout-api,chat',
  'C-3,2026-11-27T10:00:00Z,,chat',
].join('\n');
const COLUMNS = ['Case', 'Created', 'Service', 'Channel'];

function result(
  overrides: Partial<SignalImportResult> = {},
): SignalImportResult {
  return {
    dryRun: true,
    applied: false,
    rows: 3,
    columns: COLUMNS,
    created: 0,
    updated: 0,
    unchanged: 0,
    errorCount: 0,
    errors: [],
    preview: [],
    ...overrides,
  };
}

const signal = {
  source: 'crm-export',
  externalId: 'C-1',
  kind: 'support_case' as const,
  entityRef: 'component:default/checkout-api',
  occurredAt: '2026-11-27T09:30:00.000Z',
  attributes: { Channel: 'email' },
};

const clean = result({ created: 2, updated: 1, preview: [signal] });

type ImportSignals = (
  request: SignalImportRequest,
  options: ImportSignalsOptions,
) => Promise<SignalImportResult>;

async function renderPage(
  options: {
    importSignals?: ImportSignals;
    saved?: SavedSignalImportMapping[];
    allowed?: boolean;
    api?: Partial<UserTrustApi>;
  } = {},
) {
  const api = {
    importSignals: jest.fn<
      ReturnType<ImportSignals>,
      Parameters<ImportSignals>
    >(options.importSignals ?? (async () => result())),
    listImportMappings: jest
      .fn()
      .mockResolvedValue({ items: options.saved ?? [] }),
    saveImportMapping: jest.fn(
      async (source: string, mapping: SignalImportMapping) => ({
        source,
        mapping,
        updatedBy: 'user:default/guest',
        updatedAt: '2026-11-27T09:30:00.000Z',
      }),
    ),
    ...options.api,
  };
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const authorize = jest.fn(() =>
    options.allowed === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  );
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [userTrustApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [] })],
        [permissionApiRef, mockApis.permission({ authorize })],
        [alertApiRef, alertApi],
      ]}
    >
      <Routes>
        <Route path="/user-trust/import" element={<ImportPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: ['/user-trust/import'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/user-trust': healthRouteRef,
        '/user-trust/sources': sourcesRouteRef,
        '/user-trust/import': importRouteRef,
      },
    },
  );
  return { api, alertApi, authorize };
}

async function chooseFile(
  user: ReturnType<typeof userEvent.setup>,
  content: BlobPart = CSV,
  name = 'cases.csv',
) {
  await user.upload(
    screen.getByTestId('import-file-input'),
    new File([content], name, { type: 'text/csv' }),
  );
}

async function nameSource(
  user: ReturnType<typeof userEvent.setup>,
  source = 'crm-export',
) {
  await user.click(screen.getByRole('textbox', { name: /source/i }));
  await user.paste(source);
}

function columnSelect(label: string): HTMLSelectElement {
  return screen.getByRole('combobox', {
    name: `Column of ${label}`,
  }) as HTMLSelectElement;
}

function importButton(): HTMLElement {
  return screen.getByRole('button', { name: /^Import \d+ rows?$/ });
}

describe('ImportPage', () => {
  it('is the Import tab of the User trust page', async () => {
    await renderPage();
    expect(screen.getByRole('tab', { name: 'Import' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Sources' })).toBeInTheDocument();
  }, 60_000);

  it('refuses a file that is not UTF-8 before uploading it', async () => {
    const user = userEvent.setup();
    const { api } = await renderPage();
    // "Café" in Windows-1252: é is the single byte 0xE9.
    await chooseFile(
      user,
      new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x31]),
      'latin1.csv',
    );
    expect(
      await screen.findByText(/latin1\.csv is not UTF-8 text/),
    ).toBeInTheDocument();
    expect(api.importSignals).not.toHaveBeenCalled();
  }, 60_000);

  it('learns the columns, guesses the mapping and lists every bad row of the dry run', async () => {
    const user = userEvent.setup();
    const { api } = await renderPage({
      importSignals: async (request, { dryRun }) => {
        if (!dryRun) throw new Error('not expected');
        if (Object.keys(request.mapping.columns).length === 0) {
          return result({ errorCount: 3 });
        }
        return result({
          created: 1,
          errorCount: 2,
          errors: [
            {
              row: 2,
              field: 'occurredAt',
              column: 'Created',
              message:
                'occurredAt (column "Created"): "yesterday" is no ISO 8601 time',
            },
            {
              row: 3,
              field: 'entityRef',
              column: 'Service',
              message: 'entityRef: map a column to it or set a default',
            },
          ],
          preview: [signal],
        });
      },
    });
    await nameSource(user);
    await chooseFile(user);

    // The first dry run (an empty mapping) learns the columns.
    expect(await screen.findByTestId('file-columns')).toHaveTextContent(
      '4 columns: Case, Created, Service, Channel',
    );
    expect(api.importSignals).toHaveBeenCalledWith(
      {
        source: 'crm-export',
        format: 'csv',
        fileName: 'cases.csv',
        content: CSV,
        mapping: { columns: {} },
      },
      { dryRun: true },
    );
    // Guessed from the names; kind needs a constant.
    expect(columnSelect('Occurred at').value).toBe('Created');
    expect(columnSelect('Entity').value).toBe('Service');
    expect(columnSelect('External id').value).toBe('');
    expect(
      screen.getByText(/Map a column or set a constant for Kind/),
    ).toBeInTheDocument();

    await user.selectOptions(columnSelect('External id'), 'Case');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Constant kind' }),
      'support_case',
    );
    await user.click(
      screen.getByRole('button', { name: 'Check file (dry run)' }),
    );

    const table = await screen.findByRole('table', {
      name: 'Rows with errors',
    });
    const row2 = within(table).getByTestId('import-error-2');
    expect(row2).toHaveTextContent('occurredAt');
    expect(row2).toHaveTextContent('Created');
    expect(row2).toHaveTextContent('"yesterday" is no ISO 8601 time');
    expect(row2).not.toHaveTextContent('(column');
    expect(within(table).getByTestId('import-error-3')).toHaveTextContent(
      'map a column to it or set a default',
    );
    expect(screen.getByText(/2 of 3 rows have errors/)).toBeInTheDocument();
    const figures = screen.getByLabelText('Import figures');
    expect(figures).toHaveTextContent('Would create1');
    expect(
      screen.getByRole('table', { name: 'Preview of the first signals' }),
    ).toHaveTextContent('C-1');
    expect(importButton()).toBeDisabled();

    expect(api.importSignals).toHaveBeenLastCalledWith(
      expect.objectContaining({
        mapping: {
          columns: {
            externalId: 'Case',
            entityRef: 'Service',
            occurredAt: 'Created',
          },
          defaults: { kind: 'support_case' },
        },
      }),
      { dryRun: true },
    );
  }, 60_000);

  it('imports a clean file with a progress bar, then shows the result', async () => {
    const user = userEvent.setup();
    let finish: (r: SignalImportResult) => void = () => {};
    const { api } = await renderPage({
      importSignals: async (_request, { dryRun, onProgress }) => {
        if (dryRun) return clean;
        onProgress?.({ phase: 'writing', done: 1, total: 3 });
        return new Promise(resolve => {
          finish = resolve;
        });
      },
    });
    await nameSource(user);
    await chooseFile(user);
    await screen.findByTestId('file-columns');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Constant kind' }),
      'support_case',
    );
    // Changing the mapping needs a new dry run before importing.
    expect(importButton()).toBeDisabled();
    await user.click(
      screen.getByRole('button', { name: 'Check file (dry run)' }),
    );
    expect(await screen.findByText(/all 3 rows are good/)).toBeInTheDocument();
    expect(importButton()).toHaveTextContent('Import 3 rows');
    expect(importButton()).toBeEnabled();

    await user.click(importButton());
    const bar = await screen.findByRole('progressbar', {
      name: 'Import progress',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '33');
    expect(screen.getByText('Written 1 of 3 rows (33 %)')).toBeInTheDocument();
    expect(api.importSignals).toHaveBeenLastCalledWith(
      expect.objectContaining({ source: 'crm-export' }),
      { dryRun: false, onProgress: expect.any(Function) },
    );

    finish(
      result({
        dryRun: false,
        applied: true,
        created: 2,
        updated: 1,
        preview: [signal],
      }),
    );
    const outcome = await screen.findByTestId('import-outcome');
    expect(outcome).toHaveTextContent(
      'Imported 3 rows of cases.csv as crm-export: 2 created, 1 updated, 0 unchanged.',
    );
    expect(
      within(outcome).getByRole('link', { name: /checkout-api/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(
      screen.queryByRole('progressbar', { name: 'Import progress' }),
    ).toBeNull();
    // The same import again would change nothing: not offered twice.
    expect(importButton()).toBeDisabled();
  }, 60_000);

  it('says why an import rolled back', async () => {
    const user = userEvent.setup();
    await renderPage({
      importSignals: async (_request, { dryRun }) => {
        if (dryRun) return clean;
        throw new Error('The database went away');
      },
    });
    await nameSource(user);
    await chooseFile(user);
    await screen.findByTestId('file-columns');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Constant kind' }),
      'support_case',
    );
    await user.click(
      screen.getByRole('button', { name: 'Check file (dry run)' }),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Import 3 rows' }),
    );
    expect(
      await screen.findByText(
        'The import failed and nothing was written: The database went away',
      ),
    ).toBeInTheDocument();
  }, 60_000);

  it("starts from a source's saved mapping and saves changes to it", async () => {
    const user = userEvent.setup();
    const saved: SavedSignalImportMapping = {
      source: 'crm-export',
      mapping: {
        columns: { externalId: 'Case', occurredAt: 'Created' },
        defaults: { kind: 'support_case', entityRef: 'checkout-api' },
        attributes: ['Channel'],
      },
      updatedBy: 'user:default/rachel.kim',
      updatedAt: '2026-11-20T09:30:00.000Z',
    };
    const { api, alertApi } = await renderPage({
      saved: [saved],
      importSignals: async () => clean,
    });
    await chooseFile(user);
    await screen.findByTestId('file-columns');
    // Guessed while no source is named.
    expect(columnSelect('External id').value).toBe('');
    expect(columnSelect('Entity').value).toBe('Service');

    await user.click(screen.getByRole('textbox', { name: /source/i }));
    await user.click(await screen.findByRole('option', { name: 'crm-export' }));
    expect(
      screen.getByText('The saved mapping of crm-export'),
    ).toBeInTheDocument();
    expect(columnSelect('External id').value).toBe('Case');
    expect(columnSelect('Entity').value).toBe('');
    expect(
      (
        screen.getByRole('textbox', {
          name: 'Constant entity',
        }) as HTMLInputElement
      ).value,
    ).toBe('checkout-api');
    expect(screen.getByRole('button', { name: 'Channel' })).toBeInTheDocument();

    await user.selectOptions(columnSelect('Account'), 'Service');
    await user.click(screen.getByRole('button', { name: 'Save mapping' }));
    await waitFor(() =>
      expect(api.saveImportMapping).toHaveBeenCalledWith('crm-export', {
        columns: {
          externalId: 'Case',
          occurredAt: 'Created',
          account: 'Service',
        },
        defaults: { kind: 'support_case', entityRef: 'checkout-api' },
        attributes: ['Channel'],
      }),
    );
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Saved the column mapping of crm-export',
        severity: 'success',
      }),
    );
    await waitFor(() =>
      expect(api.listImportMappings).toHaveBeenCalledTimes(2),
    );
  }, 60_000);

  it('tells users without the permission why they cannot import', async () => {
    const { api, authorize } = await renderPage({ allowed: false });
    expect(
      await screen.findByText(/Importing signals needs the permission/),
    ).toHaveTextContent(userTrustSignalCreatePermission.name);
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: userTrustSignalCreatePermission.name,
        }),
      }),
    );
    expect(screen.getByTestId('import-file-input')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save mapping' })).toBeNull();
    expect(api.importSignals).not.toHaveBeenCalled();
  });
});
