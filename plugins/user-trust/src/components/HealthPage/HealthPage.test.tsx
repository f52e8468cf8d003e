import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { GetHealthOptions, userTrustApiRef } from '../../api';
import { fieldRolesRouteRef } from '../../routes';
import {
  calmEntityHealth,
  entityHealth,
  healthList,
  healthRollup,
} from '../../testing/fixtures';
import { HealthPage } from './HealthPage';
import {
  inDevelopment,
  materialTableWarnings,
} from '../../__testUtils__/materialTable';

/** Shows the query string, to check what the page keeps in its URL. */
function Location() {
  return <div data-testid="location">{useLocation().search}</div>;
}

const location = () => screen.getByTestId('location').textContent;

type HealthApiMock = Record<
  'getHealth' | 'getHealthRollups' | 'exportHealthCsv',
  jest.Mock
>;

async function renderPage(search = '', api: Partial<HealthApiMock> = {}) {
  const mock: HealthApiMock = {
    getHealth: jest.fn().mockImplementation(async () => healthList()),
    getHealthRollups: jest.fn().mockResolvedValue({
      by: 'group',
      items: [
        healthRollup(),
        healthRollup({ key: null, entities: 2, blindSpots: 0 }),
      ],
    }),
    exportHealthCsv: jest
      .fn()
      .mockResolvedValue('entityRef,title\ncomponent:default/cart,Cart\n'),
    ...api,
  };
  await renderInTestApp(
    <TestApiProvider apis={[[userTrustApiRef, mock]]}>
      <Routes>
        <Route
          path="/user-trust"
          element={
            <>
              <HealthPage />
              <Location />
            </>
          }
        />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [`/user-trust${search}`],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/user-trust/field-roles': fieldRolesRouteRef,
      },
    },
  );
  return mock;
}

/** The options of the list requests, leaving out "Burning fastest". */
function listCalls(api: { getHealth: jest.Mock }): GetHealthOptions[] {
  return api.getHealth.mock.calls
    .map(([options]) => options as GetHealthOptions)
    .filter(options => options.limit !== 5);
}

const lastListCall = (api: { getHealth: jest.Mock }) =>
  listCalls(api)[listCalls(api).length - 1];

/** The table row showing a text. */
function rowWith(text: string): HTMLElement {
  const row = screen.getAllByRole('row').find(r => within(r).queryByText(text));
  if (!row) throw new Error(`No row shows ${text}`);
  return row;
}

describe('HealthPage', () => {
  it('shows the status distribution, the fastest burners and a page of services', async () => {
    const api = await renderPage();
    expect(
      screen.getByRole('heading', { name: 'User trust' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Services' }),
    ).toBeInTheDocument();

    const checkout = rowWith('component · service');
    expect(
      within(checkout).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
    expect(
      within(checkout).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(
      within(checkout).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute('href', '/catalog/default/system/checkout');
    expect(within(checkout).getByText('breached')).toBeInTheDocument();
    expect(within(checkout).getByText('62')).toBeInTheDocument();
    expect(
      within(checkout).getByText('\u221240% budget left'),
    ).toBeInTheDocument();
    expect(within(checkout).getByText('14.2\u00d7 (1d)')).toBeInTheDocument();
    expect(within(checkout).getByText('12 \u25b24 cases')).toBeInTheDocument();
    expect(
      within(checkout).getByText('1 \u25bc2 incident'),
    ).toBeInTheDocument();
    expect(within(checkout).getByText('CSM')).toBeInTheDocument();
    expect(within(checkout).getByTestId('dissonance')).toBeInTheDocument();

    const search = rowWith('search');
    expect(within(search).getByText('none')).toBeInTheDocument();
    expect(within(search).queryByTestId('dissonance')).toBeNull();

    expect(screen.getByText('60 entities')).toBeInTheDocument();
    expect(screen.getByTestId('status-breached')).toHaveTextContent(
      'breached · 4',
    );
    expect(screen.getByTestId('status-healthy')).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(screen.getByText(/Health as of/)).toHaveTextContent(
      'Health as of 3 hours ago',
    );

    // Only services that burn budget make the list.
    const burning = screen.getByRole('list', { name: 'Burning fastest' });
    expect(
      within(burning).getByRole('link', { name: 'Checkout API' }),
    ).toBeInTheDocument();
    expect(within(burning).getByText('14.2\u00d7 (1d)')).toBeInTheDocument();
    expect(within(burning).queryByText('search')).toBeNull();

    // Backstage's LinkButton: a link that presents itself as a button.
    expect(screen.getByRole('button', { name: 'Field roles' })).toHaveAttribute(
      'href',
      '/user-trust/field-roles',
    );
    expect(api.getHealth).toHaveBeenCalledWith({
      sort: 'burn',
      order: 'desc',
      limit: 25,
      offset: 0,
    });
    expect(api.getHealth).toHaveBeenCalledWith({
      sort: 'burn',
      order: 'desc',
      limit: 5,
    });
  });

  it('reads filters, sort and page from the URL', async () => {
    const api = await renderPage(
      '?owner=group%3Adefault%2Fpayments&status=breached&dissonance=true&q=checkout&sort=score&page=1',
    );
    await screen.findByRole('heading', { name: 'Services' });
    const filter = {
      owner: ['group:default/payments'],
      status: ['breached'],
      dissonance: true,
      q: 'checkout',
    };
    expect(api.getHealth).toHaveBeenCalledWith({
      ...filter,
      sort: 'score',
      order: 'asc',
      limit: 25,
      offset: 25,
    });
    // "Burning fastest" narrows to the same filters.
    expect(api.getHealth).toHaveBeenCalledWith({
      ...filter,
      sort: 'burn',
      order: 'desc',
      limit: 5,
    });

    expect(
      within(screen.getByTestId('filter-owner')).getByRole('button', {
        name: 'payments',
      }),
    ).toBeVisible();
    expect(
      screen.getByRole('checkbox', { name: 'Dissonance only' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Blind spots only' }),
    ).not.toBeChecked();
    expect(screen.getByLabelText('Search')).toHaveValue('checkout');
    expect(screen.getByTestId('status-breached')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('sorts on the server when a header is clicked, keeping the sort in the URL', async () => {
    const user = userEvent.setup();
    const api = await renderPage('?sort=score&page=1');
    await screen.findByRole('heading', { name: 'Services' });
    expect(lastListCall(api)).toMatchObject({ sort: 'score', offset: 25 });

    await user.click(screen.getByText('Fastest burn'));
    await waitFor(() =>
      expect(lastListCall(api)).toEqual({
        sort: 'burn',
        order: 'desc',
        limit: 25,
        offset: 0,
      }),
    );
    // Burn, worst first, on the first page is the default: a bare URL.
    expect(location()).toBe('');

    await user.click(screen.getByText('Fastest burn'));
    await waitFor(() =>
      expect(lastListCall(api)).toMatchObject({ sort: 'burn', order: 'asc' }),
    );
    expect(location()).toBe('?order=asc');
  });

  it('pages on the server', async () => {
    const user = userEvent.setup();
    const api = await renderPage();
    await screen.findByRole('heading', { name: 'Services' });
    await user.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() =>
      expect(lastListCall(api)).toMatchObject({ limit: 25, offset: 25 }),
    );
    expect(location()).toBe('?page=1');
  });

  it('toggles the status filter from the distribution', async () => {
    const user = userEvent.setup();
    const api = await renderPage();
    await user.click(await screen.findByTestId('status-at-risk'));
    await waitFor(() =>
      expect(lastListCall(api)).toMatchObject({ status: ['at-risk'] }),
    );
    expect(location()).toBe('?status=at-risk');
    await user.click(screen.getByTestId('status-at-risk'));
    await waitFor(() => expect(location()).toBe(''));
    expect(lastListCall(api).status).toBeUndefined();
  });

  it('searches once typing pauses, and filters by the flags and "My services"', async () => {
    const user = userEvent.setup();
    const api = await renderPage();
    await screen.findByRole('heading', { name: 'Services' });

    await user.type(screen.getByLabelText('Search'), 'checkout api');
    await waitFor(() =>
      expect(lastListCall(api)).toMatchObject({ q: 'checkout api' }),
    );
    // One request for the whole text, none per key.
    expect(listCalls(api).filter(c => c.q !== undefined)).toHaveLength(1);

    await user.click(screen.getByRole('checkbox', { name: 'My services' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Blind spots only' }),
    );
    await waitFor(() =>
      expect(lastListCall(api)).toMatchObject({
        q: 'checkout api',
        holder: ['me'],
        blindSpot: true,
        offset: 0,
      }),
    );
    expect(location()).toBe('?holder=me&blindSpot=true&q=checkout+api');
  });

  it('filters by a team from the facets, and clears all filters', async () => {
    const user = userEvent.setup();
    const api = await renderPage('?lifecycle=production');
    await screen.findByRole('heading', { name: 'Services' });

    await user.click(screen.getByLabelText('Team'));
    await user.click(
      await screen.findByRole('option', { name: 'payments (12)' }),
    );
    await waitFor(() =>
      expect(lastListCall(api)).toMatchObject({
        lifecycle: ['production'],
        owner: ['group:default/payments'],
      }),
    );
    expect(location()).toBe(
      '?owner=group%3Adefault%2Fpayments&lifecycle=production',
    );

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(location()).toBe(''));
    expect(lastListCall(api)).toEqual({
      sort: 'burn',
      order: 'desc',
      limit: 25,
      offset: 0,
    });
    expect(
      screen.getByRole('button', { name: 'Clear filters' }),
    ).toBeDisabled();
  });

  it('rolls up by team; choosing a team lists its services', async () => {
    const user = userEvent.setup();
    const api = await renderPage('?dissonance=true');
    await screen.findByRole('heading', { name: 'Services' });

    await user.click(screen.getByRole('button', { name: 'By team' }));
    expect(
      await screen.findByRole('heading', { name: 'By team' }),
    ).toBeInTheDocument();
    expect(api.getHealthRollups).toHaveBeenCalledWith('group', {
      dissonance: true,
    });
    expect(location()).toBe('?dissonance=true&view=group');
    const payments = rowWith('payments');
    expect(within(payments).getByText('30 \u25b29')).toBeInTheDocument();
    expect(within(payments).getByText('2 breached')).toBeInTheDocument();
    expect(rowWith('No owner')).toBeInTheDocument();

    // Entities without an owner cannot be filtered for: nothing happens.
    await user.click(within(rowWith('No owner')).getByText('No owner'));
    expect(location()).toBe('?dissonance=true&view=group');

    await user.click(within(payments).getByText('12'));
    await waitFor(() =>
      expect(location()).toBe(
        '?owner=group%3Adefault%2Fpayments&dissonance=true',
      ),
    );
    expect(
      await screen.findByRole('heading', { name: 'Services' }),
    ).toBeInTheDocument();
    expect(lastListCall(api)).toMatchObject({
      owner: ['group:default/payments'],
      dissonance: true,
    });
  });

  describe('CSV export', () => {
    const createObjectURL = jest.fn(() => 'blob:user-trust-health');
    const revokeObjectURL = jest.fn();
    let click: jest.SpyInstance;

    beforeEach(() => {
      // jsdom has no object URLs, and does not download.
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      click = jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(() => {});
    });

    afterEach(() => {
      click.mockRestore();
      delete (URL as any).createObjectURL;
      delete (URL as any).revokeObjectURL;
    });

    it('downloads every row of the filters in the current order', async () => {
      const user = userEvent.setup();
      const api = await renderPage('?lifecycle=production&sort=name');
      await screen.findByRole('heading', { name: 'Services' });

      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
      expect(api.exportHealthCsv).toHaveBeenCalledWith({
        lifecycle: ['production'],
        sort: 'name',
        order: 'asc',
      });
      const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
      expect(blob.type).toBe('text/csv;charset=utf-8');
      const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
      expect(link.download).toBe('user-trust-health.csv');
      expect(link.href).toBe('blob:user-trust-health');
    });

    it('says so when the export fails', async () => {
      const user = userEvent.setup();
      await renderPage('', {
        exportHealthCsv: jest.fn().mockRejectedValue(new Error('Timed out')),
      });
      await screen.findByRole('heading', { name: 'Services' });
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Export failed: Timed out',
      );
      expect(click).not.toHaveBeenCalled();
    });
  });

  it('explains an empty list, with or without filters', async () => {
    const empty = healthList({ items: [], totalCount: 0 });
    await renderPage('', { getHealth: jest.fn().mockResolvedValue(empty) });
    expect(
      await screen.findByText(/No services to show yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No service matching these filters is burning/),
    ).toBeInTheDocument();
  });

  it('offers to clear filters that match nothing', async () => {
    const user = userEvent.setup();
    const empty = healthList({ items: [], totalCount: 0 });
    const api = await renderPage('?q=nothing', {
      getHealth: jest.fn().mockResolvedValue(empty),
    });
    expect(
      await screen.findByText('No services match these filters.'),
    ).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(buttons[buttons.length - 1]);
    await waitFor(() => expect(location()).toBe(''));
    expect(api.getHealth).toHaveBeenLastCalledWith(
      expect.not.objectContaining({ q: expect.anything() }),
    );
  });

  it("shows the backend's error and keeps the filters usable", async () => {
    await renderPage('', {
      getHealth: jest.fn().mockRejectedValue(new Error('Unknown parameter x')),
    });
    expect(
      await screen.findByText(/Could not load the health list/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Team')).toBeInTheDocument();
  });

  it('leaves out the field roles link when the app has no such page', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            userTrustApiRef,
            {
              getHealth: jest
                .fn()
                .mockResolvedValue(
                  healthList({ items: [calmEntityHealth()], totalCount: 1 }),
                ),
            },
          ],
        ]}
      >
        <HealthPage />
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('1 entity')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Field roles' })).toBeNull();
  });

  describe('in development', () => {
    inDevelopment();

    it('keeps the tables whole across pages and views', async () => {
      const user = userEvent.setup();
      const warn = jest.spyOn(console, 'warn');
      // Another page has other rows.
      await renderPage('', {
        getHealth: jest.fn().mockImplementation(async options =>
          options?.offset
            ? healthList({
                items: [
                  entityHealth({
                    entityRef: 'component:default/search',
                    name: 'search',
                    title: 'Search',
                  }),
                ],
              })
            : healthList(),
        ),
      });
      await screen.findByRole('heading', { name: 'Services' });
      await waitFor(() => expect(rowWith('Checkout API')).toBeInTheDocument());
      await user.click(screen.getByRole('button', { name: 'Next Page' }));
      await waitFor(() => expect(rowWith('Search')).toBeInTheDocument());
      await user.click(screen.getByRole('button', { name: 'By team' }));
      await screen.findByRole('heading', { name: 'By team' });
      expect(rowWith('No owner')).toBeInTheDocument();

      expect(materialTableWarnings(warn)).toEqual([]);
      warn.mockRestore();
    });
  });
});
