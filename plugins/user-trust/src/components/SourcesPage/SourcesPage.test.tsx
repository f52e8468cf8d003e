import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { alertApiRef, discoveryApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { userTrustSourceManagePermission } from '@user-trust/plugin-user-trust-common';
import { Route, Routes } from 'react-router-dom';
import { SourceStatus, UserTrustApi, userTrustApiRef } from '../../api';
import { healthRouteRef, sourcesRouteRef } from '../../routes';
import { pickOption } from '../../__testUtils__/pickOption';
import { SourcesPage } from './SourcesPage';
import {
  inDevelopment,
  materialTableWarnings,
} from '../../__testUtils__/materialTable';

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

function source(overrides: Partial<SourceStatus> = {}): SourceStatus {
  return {
    id: 'pagerduty',
    title: 'PagerDuty',
    state: 'ok',
    receivesWebhooks: true,
    syncs: true,
    webhookPath: '/webhooks/pagerduty',
    lastWebhookAt: minutesAgo(5),
    webhooksAccepted: 1234,
    webhooksRefused: 2,
    lastSyncAt: minutesAgo(180),
    syncLagSeconds: 3 * 3600,
    signals: { last24h: 12, last7d: 87 },
    errors: [],
    externalServices: [],
    ...overrides,
  };
}

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default', title: 'Checkout' },
  spec: { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
};
const search: Entity = {
  ...checkout,
  metadata: { name: 'search', namespace: 'default', title: 'Search' },
};

async function renderPage(
  options: {
    sources?: SourceStatus[];
    api?: Partial<UserTrustApi>;
    allowed?: boolean;
  } = {},
) {
  const api = {
    listSources: jest
      .fn()
      .mockResolvedValue({ items: options.sources ?? [source()] }),
    resyncSource: jest.fn().mockResolvedValue(undefined),
    mapExternalService: jest.fn().mockResolvedValue({ attributed: 3 }),
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
        [catalogApiRef, catalogApiMock({ entities: [checkout, search] })],
        [permissionApiRef, mockApis.permission({ authorize })],
        [alertApiRef, alertApi],
        [
          discoveryApiRef,
          {
            getBaseUrl: async (id: string) =>
              `https://portal.example.com/api/${id}`,
          },
        ],
      ]}
    >
      <Routes>
        <Route path="/user-trust/sources" element={<SourcesPage />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: ['/user-trust/sources'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/user-trust': healthRouteRef,
        '/user-trust/sources': sourcesRouteRef,
      },
    },
  );
  return { api, authorize, alertApi };
}

/** The card of a connector, found by its title. */
async function card(title: string): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name: title });
  expect(
    within(region).getByRole('heading', { name: title }),
  ).toBeInTheDocument();
  return region;
}

/** The value shown under a figure's label. */
function figure(container: HTMLElement, label: string): string {
  const term = within(container).getByText(label);
  return term.nextElementSibling?.textContent ?? '';
}

describe('SourcesPage', () => {
  it('shows one card per connector with its state and figures', async () => {
    await renderPage({
      sources: [
        source(),
        source({
          id: 'statuspage',
          title: 'Statuspage',
          state: 'behind',
          receivesWebhooks: false,
          lastWebhookAt: undefined,
          webhooksAccepted: 0,
          webhooksRefused: 0,
          lastSyncAt: minutesAgo(2 * 24 * 60),
          syncLagSeconds: 2 * 86400,
          signals: { last24h: 0, last7d: 4 },
        }),
      ],
    });

    const pagerduty = await card('PagerDuty');
    expect(within(pagerduty).getByTestId('source-state')).toHaveTextContent(
      'OK',
    );
    expect(figure(pagerduty, 'Last webhook')).toBe('5 minutes ago');
    expect(figure(pagerduty, 'Webhooks accepted / refused')).toBe('1,234 / 2');
    expect(figure(pagerduty, 'Last sync')).toBe('3 hours ago');
    expect(figure(pagerduty, 'Sync lag')).toBe('3 h');
    expect(figure(pagerduty, 'Signals, 24 h')).toBe('12');
    expect(figure(pagerduty, 'Signals, 7 days')).toBe('87');
    // Something arrived: no webhook URL to paste.
    expect(within(pagerduty).queryByTestId('webhook-url')).toBeNull();

    const statuspage = await card('Statuspage');
    expect(within(statuspage).getByTestId('source-state')).toHaveTextContent(
      'Behind',
    );
    expect(figure(statuspage, 'Sync lag')).toBe('2 d');
    expect(figure(statuspage, 'Signals, 7 days')).toBe('4');
    // It receives no webhooks: no webhook figures.
    expect(within(statuspage).queryByText('Last webhook')).toBeNull();

    // The page is the Sources tab of the User trust page.
    expect(screen.getByRole('tab', { name: 'Sources' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Health' })).toHaveAttribute(
      'aria-selected',
      'false',
    );
  });

  it('shows the full webhook URL to paste, with a copy button, while nothing arrived', async () => {
    await renderPage({
      sources: [
        source({
          state: 'waiting',
          syncs: false,
          lastWebhookAt: undefined,
          lastSyncAt: undefined,
          syncLagSeconds: undefined,
          webhooksAccepted: 0,
          webhooksRefused: 0,
          signals: { last24h: 0, last7d: 0 },
        }),
      ],
    });
    const pagerduty = await card('PagerDuty');
    expect(within(pagerduty).getByTestId('source-state')).toHaveTextContent(
      'Waiting for the first event',
    );
    expect(figure(pagerduty, 'Last webhook')).toBe('Never');
    expect(
      await within(pagerduty).findByTestId('webhook-url'),
    ).toHaveTextContent(
      'https://portal.example.com/api/user-trust/webhooks/pagerduty',
    );
    expect(
      within(pagerduty).getByRole('button', { name: /copy/i }),
    ).toBeInTheDocument();
    // No sync: neither the sync figures nor the resync action.
    expect(within(pagerduty).queryByText('Last sync')).toBeNull();
    expect(
      within(pagerduty).queryByRole('button', { name: /resync now/i }),
    ).toBeNull();
  });

  it('tells that the Statuspage webhook URL ends in a secret token', async () => {
    await renderPage({
      sources: [
        source({
          id: 'statuspage',
          title: 'Statuspage',
          state: 'waiting',
          webhookPath: '/webhooks/statuspage',
          lastWebhookAt: undefined,
          webhooksAccepted: 0,
        }),
      ],
    });
    const statuspage = await card('Statuspage');
    expect(
      await within(statuspage).findByTestId('webhook-url'),
    ).toHaveTextContent(
      'https://portal.example.com/api/user-trust/webhooks/statuspage',
    );
    expect(statuspage).toHaveTextContent(
      "Add a slash and one of the page's webhookTokens to the end",
    );
  });

  it('shows a running backfill as a progress bar', async () => {
    await renderPage({
      sources: [
        source({ state: 'syncing', backfill: { done: 2500, total: 10000 } }),
      ],
    });
    const pagerduty = await card('PagerDuty');
    expect(within(pagerduty).getByTestId('source-state')).toHaveTextContent(
      'Syncing',
    );
    expect(
      within(pagerduty).getByText(
        'Backfill running: 2,500 of 10,000 read (25 %)',
      ),
    ).toBeInTheDocument();
    expect(within(pagerduty).getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '25',
    );
  });

  it('lists the latest errors with where they happened', async () => {
    await renderPage({
      sources: [
        source({
          state: 'error',
          errors: [
            {
              at: minutesAgo(2),
              context: 'sync',
              message: 'PagerDuty answered 401: invalid API token',
            },
            {
              at: minutesAgo(90),
              context: 'webhook',
              message: 'Body is not JSON',
            },
          ],
        }),
      ],
    });
    const pagerduty = await card('PagerDuty');
    expect(within(pagerduty).getByTestId('source-state')).toHaveTextContent(
      'Error',
    );
    const items = within(
      within(pagerduty).getByRole('list', { name: 'Latest errors' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      'PagerDuty answered 401: invalid API token',
    );
    expect(items[0]).toHaveTextContent(/Sync · 2 minutes ago/);
    expect(items[1]).toHaveTextContent('Body is not JSON');
    expect(items[1]).toHaveTextContent(/Webhook · 2 hours ago/);
  });

  it('maps an unmapped service to an entity and says how many signals it attributed', async () => {
    const user = userEvent.setup();
    const unmapped = source({
      externalServices: [
        {
          id: 'PX1',
          name: 'Checkout (PD)',
          url: 'https://acme.pagerduty.com/service-directory/PX1',
          unattributedSignals: 3,
          lastSeenAt: minutesAgo(10),
        },
      ],
    });
    const mappedSource = source({
      externalServices: [
        {
          ...unmapped.externalServices[0],
          entityRef: 'component:default/checkout-api',
          unattributedSignals: 0,
        },
      ],
    });
    const listSources = jest
      .fn()
      .mockResolvedValueOnce({ items: [unmapped] })
      .mockResolvedValue({ items: [mappedSource] });
    const { api } = await renderPage({ api: { listSources } });

    const pagerduty = await card('PagerDuty');
    const row = within(pagerduty)
      .getAllByRole('row')
      .find(r => within(r).queryByText('Checkout (PD)'))!;
    expect(row).toHaveTextContent('PX1');
    expect(row).toHaveTextContent('3');
    expect(row).toHaveTextContent('10 minutes ago');
    expect(
      within(row).getByRole('link', { name: /^Checkout \(PD\)/ }),
    ).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/service-directory/PX1',
    );

    await user.click(
      await within(row).findByRole('button', { name: /map checkout \(pd\)/i }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Map Checkout (PD) to an entity',
    });
    expect(dialog).toHaveTextContent('Its 3 kept signals go to the entity');
    const map = within(dialog).getByRole('button', { name: 'Map' });
    expect(map).toBeDisabled();

    await user.click(within(dialog).getByLabelText('Entity'));
    await user.type(within(dialog).getByLabelText('Entity'), 'check');
    await pickOption(user, /Checkout/);
    await user.click(map);

    await waitFor(() =>
      expect(api.mapExternalService).toHaveBeenCalledWith('pagerduty', {
        serviceId: 'PX1',
        serviceName: 'Checkout (PD)',
        entityRef: 'component:default/checkout-api',
      }),
    );
    expect(
      await screen.findByText(
        'Checkout (PD) now maps to checkout-api: 3 kept signals attributed.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    // The list is read again: the service now shows its entity.
    expect(listSources).toHaveBeenCalledTimes(2);
    const after = await card('PagerDuty');
    expect(
      await within(after).findByRole('link', { name: /checkout-api/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-api');
  });

  async function mapCheckout(user: ReturnType<typeof userEvent.setup>) {
    await user.click(
      await screen.findByRole('button', { name: /map checkout \(pd\)/i }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Map Checkout (PD) to an entity',
    });
    await user.click(within(dialog).getByLabelText('Entity'));
    await user.type(within(dialog).getByLabelText('Entity'), 'check');
    await pickOption(user, /Checkout/);
    await user.click(within(dialog).getByRole('button', { name: 'Map' }));
  }

  it('shows the backend message when a mapping is refused', async () => {
    const user = userEvent.setup();
    const refused = Object.assign(new Error('Request failed with 403'), {
      body: { error: { message: 'You may not manage sources' } },
    });
    await renderPage({
      sources: [
        source({
          externalServices: [
            { id: 'PX9', unattributedSignals: 1, lastSeenAt: minutesAgo(1) },
          ],
        }),
      ],
      api: { mapExternalService: jest.fn().mockRejectedValue(refused) },
    });
    await user.click(
      await screen.findByRole('button', { name: 'Map PX9 to an entity' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Its 1 kept signal goes to the entity');
    await user.click(within(dialog).getByLabelText('Entity'));
    await user.type(within(dialog).getByLabelText('Entity'), 'sea');
    await pickOption(user, /Search/);
    await user.click(within(dialog).getByRole('button', { name: 'Map' }));
    expect(
      await within(dialog).findByText('You may not manage sources'),
    ).toBeInTheDocument();
  });

  it('starts a resync for those allowed', async () => {
    const user = userEvent.setup();
    const { api, authorize, alertApi } = await renderPage();
    const pagerduty = await card('PagerDuty');
    await user.click(
      await within(pagerduty).findByRole('button', { name: /resync now/i }),
    );
    expect(api.resyncSource).toHaveBeenCalledWith('pagerduty');
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message: 'PagerDuty: sync started',
          severity: 'success',
        }),
      ),
    );
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: userTrustSourceManagePermission.name,
        }),
      }),
    );
  });

  it('hides the admin actions from those not allowed to manage sources', async () => {
    const { authorize } = await renderPage({
      allowed: false,
      sources: [
        source({
          externalServices: [
            {
              id: 'PX1',
              name: 'Checkout (PD)',
              unattributedSignals: 3,
              lastSeenAt: minutesAgo(10),
            },
          ],
        }),
      ],
    });
    const pagerduty = await card('PagerDuty');
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    expect(within(pagerduty).getByText('Checkout (PD)')).toBeInTheDocument();
    expect(within(pagerduty).getByText('Not mapped')).toBeInTheDocument();
    expect(
      within(pagerduty).queryByRole('button', { name: /map/i }),
    ).toBeNull();
    expect(
      within(pagerduty).queryByRole('button', { name: /resync now/i }),
    ).toBeNull();
  });

  it('explains connectors and how to install one when none is installed', async () => {
    await renderPage({ sources: [] });
    expect(
      await screen.findByRole('heading', { name: 'No connector installed' }),
    ).toBeInTheDocument();
    const snippets = screen
      .getAllByTestId('install-command')
      .map(element => element.textContent);
    expect(snippets).toEqual([
      'yarn --cwd packages/backend add @user-trust/plugin-user-trust-backend-module-pagerduty',
      "backend.add(import('@user-trust/plugin-user-trust-backend-module-pagerduty'));",
    ]);
  });

  it('shows why the list could not be loaded', async () => {
    await renderPage({
      api: { listSources: jest.fn().mockRejectedValue(new Error('boom')) },
    });
    expect(
      await screen.findByText(/Could not load the sources/),
    ).toBeInTheDocument();
  });

  describe('in development', () => {
    inDevelopment();

    it('keeps the services table whole while the permission and the rows change', async () => {
      const user = userEvent.setup();
      const warn = jest.spyOn(console, 'warn');
      const service = {
        id: 'PX1',
        name: 'Checkout (PD)',
        unattributedSignals: 3,
        lastSeenAt: minutesAgo(10),
      };
      const listSources = jest
        .fn()
        .mockResolvedValueOnce({
          items: [source({ externalServices: [service] })],
        })
        .mockResolvedValue({
          items: [
            source({
              externalServices: [
                {
                  ...service,
                  entityRef: 'component:default/checkout-api',
                  unattributedSignals: 0,
                },
              ],
            }),
          ],
        });
      await renderPage({ api: { listSources } });
      await mapCheckout(user);
      expect(
        await screen.findByRole('link', { name: /checkout-api/ }),
      ).toBeInTheDocument();

      expect(materialTableWarnings(warn)).toEqual([]);
      warn.mockRestore();
    });
  });
});
