import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { UserTrustApi, userTrustApiRef } from '../../api';
import {
  entity,
  entityRef,
  notFound,
  signals,
  slo,
  trust,
} from '../../testing/fixtures';
import { EntityUserTrustContent } from './EntityUserTrustContent';

function api(overrides: Partial<UserTrustApi> = {}) {
  return {
    getEntityTrust: jest.fn().mockResolvedValue(trust()),
    getEntitySlos: jest.fn().mockResolvedValue({
      entityRef: 'component:default/checkout-api',
      slos: [],
    }),
    listEntitySignals: jest.fn().mockImplementation(async (_ref, options) => ({
      items: signals(
        Math.min(options?.limit ?? 20, 45 - (options?.offset ?? 0)),
        options?.offset ?? 0,
      ),
      totalCount: 45,
    })),
    ...overrides,
  };
}

async function renderContent(userTrustApi: Partial<UserTrustApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[userTrustApiRef, userTrustApi]]}>
      <EntityProvider entity={entity}>
        <EntityUserTrustContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityUserTrustContent', () => {
  it('shows the alert timeline, the alert state and forecast of an SLO, and markers on its burn-down', async () => {
    const breaching = trust().slos[1];
    const mock = api({
      getEntityTrust: jest.fn().mockResolvedValue(
        trust({
          slos: [
            {
              ...breaching,
              alert: {
                state: 'breached',
                burnRates: [
                  { window: '2d', rate: 2.5 },
                  { window: '7d', rate: 2.1 },
                ],
                forecast: { spent: true, runsOutAt: null },
              },
            },
          ],
        }),
      ),
      getEntityAlerts: jest.fn().mockResolvedValue({
        current: [
          {
            slo: 'cases-without-escalation',
            state: 'breached',
            since: '2026-11-20T08:00:00.000Z',
          },
        ],
        transitions: [
          {
            slo: 'cases-without-escalation',
            from: 'at-risk',
            to: 'breached',
            at: '2026-11-20T08:00:00.000Z',
            burnRates: [
              { window: '2d', rate: 2.5 },
              { window: '7d', rate: 2.1 },
            ],
            errorBudgetRemaining: 0.25,
            forecast: { spent: false, runsOutAt: '2026-11-23T20:00:00.000Z' },
          },
          {
            slo: 'cases-without-escalation',
            from: 'ok',
            to: 'at-risk',
            at: '2026-11-18T08:00:00.000Z',
            burnRates: [
              { window: '2d', rate: 1.2 },
              { window: '7d', rate: 1.1 },
            ],
            errorBudgetRemaining: 0.5,
            forecast: { spent: false, runsOutAt: null },
          },
        ],
      }),
    });
    await renderContent(mock);

    const timeline = await screen.findByRole('list', {
      name: 'Alert transitions',
    });
    const items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      'Cases resolved without escalation: At risk → Breached',
    );
    expect(items[0]).toHaveTextContent(
      'Burn 2d 2.5×, 7d 2.1× · 25% budget left · Runs out in 3 days (Nov 23, 2026)',
    );
    expect(items[1]).toHaveTextContent('OK → At risk');
    expect(items[1]).toHaveTextContent('Not at this rate');
    expect(mock.getEntityAlerts).toHaveBeenCalledWith(entityRef);

    const panel = screen.getByTestId('slo-panel-cases-without-escalation');
    expect(
      within(panel).getByText('Alert state').nextSibling,
    ).toHaveTextContent(/^Breached since .+ \(burn 2d 2\.5×, 7d 2\.1×\)$/);
    expect(within(panel).getByText('Forecast').nextSibling).toHaveTextContent(
      'Budget spent',
    );
    expect(
      within(panel).getByTestId('alert-markers-cases-without-escalation'),
    ).toHaveTextContent(
      'Alert transitions (vertical lines): Nov 18, 2026: OK → At risk; Nov 20, 2026: At risk → Breached',
    );
  });

  it('works without the alert history', async () => {
    await renderContent(
      api({ getEntityAlerts: jest.fn().mockRejectedValue(new Error('old')) }),
    );
    expect(await screen.findByTestId('trust-score')).toBeInTheDocument();
    expect(screen.queryByText('Alert history')).not.toBeInTheDocument();
  });

  it('shows the score and a panel per SLO with its numbers and source', async () => {
    const mock = api();
    await renderContent(mock);

    expect(await screen.findByTestId('trust-score')).toHaveTextContent(/^62$/);
    expect(mock.getEntityTrust).toHaveBeenCalledWith(entityRef);
    expect(
      screen.getByText('3 SLOs: 1 breached, 1 healthy, 1 no data'),
    ).toBeInTheDocument();
    expect(screen.getByText('5 minutes ago')).toBeInTheDocument();

    // The breached SLO is open: its details and burn-down are shown.
    const breached = within(
      screen.getByTestId('slo-panel-cases-without-escalation'),
    );
    expect(breached.getByText('breached')).toBeInTheDocument();
    expect(breached.getAllByText('\u221240% budget left')).toHaveLength(2);
    expect(breached.getByText('2.4\u00d7 (1d)')).toBeInTheDocument();
    expect(breached.getByText('95%')).toBeInTheDocument(); // target
    expect(breached.getByText(/^93%/)).toBeInTheDocument(); // attainment
    expect(breached.getByText('93 good of 100 events')).toBeInTheDocument();
    expect(
      breached.getByText(
        '7d: 1.6\u00d7 (alerts at 1.0\u00d7) — over threshold',
      ),
    ).toBeInTheDocument();
    expect(
      breached.getByText('1d: 2.4\u00d7 (alerts at 3.0\u00d7)'),
    ).toBeInTheDocument();
    expect(
      breached.getByText('Nov 1, 2026 – Nov 28, 2026 (28d)'),
    ).toBeInTheDocument();
    expect(breached.getByText('Occurrences')).toBeInTheDocument();
    expect(breached.getByText('Nov 27, 2026')).toBeInTheDocument();
    expect(breached.getByText('tier-1-services')).toBeInTheDocument();
    const chart = breached.getByRole('img', { name: /burn-down/ });
    expect(chart).toHaveAttribute(
      'aria-label',
      'Error budget burn-down of Cases resolved without escalation: 100% budget left on Nov 1, 2026, \u221240% budget left on Nov 28, 2026.',
    );
    expect(chart.querySelector('.recharts-line')).toBeInTheDocument();

    // A healthy SLO is closed; opening it shows the Wilson interval and a
    // link to the OpenSLO file of its annotation.
    const healthyPanel = screen.getByTestId('slo-panel-csat-good');
    const healthy = within(healthyPanel);
    expect(healthy.getByText('healthy')).toBeInTheDocument();
    expect(healthy.queryByText('Target')).not.toBeInTheDocument();
    await userEvent.click(healthy.getByText('CSAT of 4 or 5'));
    expect(
      await healthy.findByText(/95% interval 91%–97.3%/),
    ).toBeInTheDocument();
    expect(
      healthy.getByRole('link', {
        name: /url:https:\/\/github.com\/brightcart\/checkout\/blob\/main\/slo.yaml/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/brightcart/checkout/blob/main/slo.yaml',
    );
    expect(healthy.getByText('None')).toBeInTheDocument(); // excluded days

    // Without data: no budget, no burn rate, no chart.
    const noData = within(
      screen.getByTestId('slo-panel-incident-free-launches'),
    );
    expect(noData.getByText('no data')).toBeInTheDocument();
    expect(noData.getByText('No budget data')).toBeInTheDocument();
    await userEvent.click(noData.getByText('incident-free-launches'));
    expect(await noData.findByText('— (no data)')).toBeInTheDocument();
    expect(
      noData.getByText(/by user:default\/jane.doe on/),
    ).toBeInTheDocument();
    expect(noData.getByText('Timeslices')).toBeInTheDocument();
    expect(noData.getByText(/No budget history yet/)).toBeInTheDocument();
    expect(noData.queryByRole('img')).not.toBeInTheDocument();

    // The fixture has no technical SLI: nothing to compare.
    expect(screen.getByText('No technical SLI to compare')).toBeInTheDocument();
  });

  it('shows the description of an SLO from its definition', async () => {
    await renderContent(
      api({
        getEntitySlos: jest.fn().mockResolvedValue({
          entityRef: 'component:default/checkout-api',
          slos: [
            {
              slo: {
                name: 'cases-without-escalation',
                description: 'Support cases closed without an escalation.',
                indicator: {
                  type: 'ratio',
                  total: { kind: 'support_case' },
                },
                timeWindow: { type: 'rolling', duration: '28d', days: 28 },
                budgetingMethod: 'Occurrences',
                objective: { target: 0.95 },
                weight: 1,
              },
              source: { type: 'config', rule: 'tier-1-services' },
            },
          ],
        }),
      }),
    );
    expect(
      await screen.findByText('Support cases closed without an escalation.'),
    ).toBeInTheDocument();
  });

  it('shows perception dissonance with both numbers, one panel per kind', async () => {
    await renderContent(
      api({
        getEntityTrust: jest.fn().mockResolvedValue(
          trust({
            dissonance: [
              {
                kind: 'technical-green-users-burning',
                technical: {
                  sli: 'checkout-availability',
                  attainment: 0.9995,
                  target: 0.999,
                },
                userTrust: {
                  slo: 'cases-without-escalation',
                  status: 'breached',
                  burnRate: 2.4,
                },
                message:
                  'Availability meets its target while escalations burn the budget.',
              },
              {
                kind: 'technical-green-users-burning',
                technical: {
                  sli: 'checkout-availability',
                  attainment: 0.9995,
                  target: 0.999,
                },
                userTrust: { slo: 'csat', status: 'at-risk', burnRate: 1.5 },
                message: 'Availability meets its target while CSAT burns.',
              },
            ],
          }),
        ),
      }),
    );

    const [alert, ...others] = await screen.findAllByRole('alert');
    expect(others).toHaveLength(0);
    expect(
      within(alert).getByText(
        'Warning: Monitoring is green, but users are burning the budget',
      ),
    ).toBeInTheDocument();
    expect(
      within(alert).getByText(
        'Monitoring meets its target while 2 user-trust SLOs burn the budget users give this service.',
      ),
    ).toBeInTheDocument();
    expect(within(alert).getByTestId('dissonance-technical')).toHaveTextContent(
      'Technical SLI checkout-availability: 99.95% against a target of 99.9% (meets target)',
    );
    const [escalations, csat] = within(alert).getAllByTestId(
      'dissonance-user-trust',
    );
    expect(escalations).toHaveTextContent(
      'User-trust SLO Cases resolved without escalation: breached, burning its budget at 2.4\u00d7',
    );
    expect(csat).toHaveTextContent('at risk, burning its budget at 1.5\u00d7');
    expect(
      screen.queryByText('Monitoring and users agree'),
    ).not.toBeInTheDocument();
  });

  it('pages the signals on the server and filters them by kind', async () => {
    const mock = api();
    await renderContent(mock);

    expect(await screen.findByText('zendesk / ZD-1000')).toBeInTheDocument();
    expect(mock.listEntitySignals).toHaveBeenCalledTimes(1);
    expect(mock.listEntitySignals).toHaveBeenLastCalledWith(entityRef, {
      kinds: undefined,
      limit: 20,
      offset: 0,
    });
    expect(screen.getAllByText('account-0')).toHaveLength(1);
    expect(screen.getAllByText('Support cases').length).toBeGreaterThan(0);
    expect(
      screen.getAllByRole('link', { name: /sam.support/ }).length,
    ).toBeGreaterThan(0);

    await userEvent.click(
      screen.getAllByRole('button', { name: /Next Page/i })[0],
    );
    expect(await screen.findByText('zendesk / ZD-1020')).toBeInTheDocument();
    expect(mock.listEntitySignals).toHaveBeenLastCalledWith(entityRef, {
      kinds: undefined,
      limit: 20,
      offset: 20,
    });

    await userEvent.click(
      screen.getByRole('button', { name: /Filter by signal kind/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', {
        name: /Customer-impacting incidents/,
      }),
    );
    await waitFor(() =>
      expect(mock.listEntitySignals).toHaveBeenLastCalledWith(entityRef, {
        kinds: ['incident'],
        limit: 20,
        offset: 0,
      }),
    );
  });

  it('says when no SLO applies', async () => {
    await renderContent(
      api({
        getEntityTrust: jest
          .fn()
          .mockResolvedValue(
            trust({ score: null, status: 'no-data', slos: [] }),
          ),
      }),
    );
    expect(await screen.findByText('No user-trust SLOs')).toBeInTheDocument();
    expect(screen.getByTestId('trust-score')).toHaveTextContent('—');
  });

  it('shows the evaluation error and still lists the signals', async () => {
    await renderContent(
      api({
        getEntityTrust: jest
          .fn()
          .mockRejectedValue(await notFound('No entity you may see')),
      }),
    );
    expect(
      await screen.findByText(/Could not evaluate the trust of this entity/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('trust-score')).not.toBeInTheDocument();
    expect(await screen.findByText('zendesk / ZD-1000')).toBeInTheDocument();
  });

  it('shows the error when the signals cannot be listed', async () => {
    await renderContent(
      api({
        listEntitySignals: jest
          .fn()
          .mockRejectedValue(await notFound('Signals are gone')),
      }),
    );
    expect(
      await screen.findByText(/Could not load the signals/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Signals are gone/).length).toBeGreaterThan(0);
  });

  it('shows the Wilson interval only when there is one', async () => {
    await renderContent(
      api({
        getEntityTrust: jest.fn().mockResolvedValue(
          trust({
            slos: [slo({ status: 'at-risk', confidence: undefined })],
          }),
        ),
      }),
    );
    const panel = within(await screen.findByTestId('slo-panel-csat-good'));
    expect(panel.getByText('at risk')).toBeInTheDocument();
    expect(panel.getByText('190 good of 200 events')).toBeInTheDocument();
    expect(panel.queryByText(/interval/)).not.toBeInTheDocument();
  });
});
