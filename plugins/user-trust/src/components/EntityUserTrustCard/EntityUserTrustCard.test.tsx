import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { UserTrustApi, userTrustApiRef } from '../../api';
import {
  entity,
  entityRef,
  notFound,
  slo,
  summary,
  trust,
} from '../../testing/fixtures';
import { EntityUserTrustCard } from './EntityUserTrustCard';

async function renderCard(api: Partial<UserTrustApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          userTrustApiRef,
          {
            getEntityTrust: jest.fn().mockResolvedValue(trust()),
            getEntitySummary: jest.fn().mockResolvedValue(summary()),
            ...api,
          },
        ],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityUserTrustCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityUserTrustCard', () => {
  it('shows the alert state and when the budget runs out at the current burn', async () => {
    const runsOutAt = new Date(Date.now() + 4.5 * 86_400_000).toISOString();
    await renderCard({
      getEntityTrust: jest.fn().mockResolvedValue(
        trust({
          slos: [
            slo({
              alert: {
                state: 'at-risk',
                burnRates: [{ window: '2d', rate: 1.4 }],
                forecast: { spent: false, runsOutAt },
              },
            }),
            slo({
              name: 'quiet',
              alert: {
                state: 'ok',
                burnRates: [{ window: '2d', rate: 0 }],
                forecast: { spent: false, runsOutAt: null },
              },
            }),
            slo({
              name: 'spent',
              alert: {
                state: 'breached',
                burnRates: [{ window: '2d', rate: 0 }],
                forecast: { spent: true, runsOutAt: null },
              },
            }),
          ],
        }),
      ),
    });
    expect(
      await screen.findByTestId('slo-forecast-csat-good'),
    ).toHaveTextContent(/^At risk · Runs out in 4 days \(.+\)$/);
    expect(screen.queryByTestId('slo-forecast-quiet')).not.toBeInTheDocument();
    expect(screen.getByTestId('slo-forecast-spent')).toHaveTextContent(
      'Breached · Budget spent',
    );
  });

  it('shows the counts per kind and window, most frequent kind first', async () => {
    const getEntitySummary = jest.fn().mockResolvedValue(summary());
    await renderCard({ getEntitySummary });

    expect(await screen.findByText('Support cases')).toBeInTheDocument();
    expect(getEntitySummary).toHaveBeenCalledWith(entityRef);

    // The data cells of a row, after its header cell.
    const cells = (testId: string) =>
      Array.from(screen.getByTestId(testId).querySelectorAll('td')).map(
        cell => cell.textContent,
      );
    expect(cells('signal-row-support_case')).toEqual(['4', '15', '40']);
    // A kind seen only in the 90-day window is shown as 0 in the others.
    expect(cells('signal-row-csat_response')).toEqual(['0', '0', '9']);
    expect(cells('signal-row-total')).toEqual(['5', '17', '52']);

    const rows = screen
      .getAllByTestId(/^signal-row-/)
      .map(r => r.dataset.testid);
    expect(rows).toEqual([
      'signal-row-support_case',
      'signal-row-csat_response',
      'signal-row-incident',
      'signal-row-total',
    ]);
    expect(screen.getByText('3 hours ago')).toBeInTheDocument();
  });

  it('shows the trust score, the entity status and one row per SLO', async () => {
    const getEntityTrust = jest.fn().mockResolvedValue(trust());
    await renderCard({ getEntityTrust });

    const score = await screen.findByTestId('trust-score');
    expect(score).toHaveTextContent(/^62$/);
    expect(getEntityTrust).toHaveBeenCalledWith(entityRef);
    expect(screen.getByText('/ 100')).toBeInTheDocument();

    const breached = within(
      screen.getByTestId('slo-row-cases-without-escalation'),
    );
    expect(
      breached.getByText('Cases resolved without escalation'),
    ).toBeInTheDocument();
    expect(breached.getByText('breached')).toBeInTheDocument();
    // Overspent: the bar is empty but the text tells how far.
    expect(breached.getByText('\u221240% budget left')).toBeInTheDocument();
    expect(breached.getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    expect(breached.getByText('2.4\u00d7 (1d)')).toBeInTheDocument();

    const healthy = within(screen.getByTestId('slo-row-csat-good'));
    expect(healthy.getByText('healthy')).toBeInTheDocument();
    expect(healthy.getByText('50% budget left')).toBeInTheDocument();
    expect(healthy.getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '50',
    );
    expect(healthy.getByText('0.8\u00d7 (7d)')).toBeInTheDocument();

    // No data is not shown as an empty budget or a zero burn rate.
    const noData = within(screen.getByTestId('slo-row-incident-free-launches'));
    expect(noData.getByText('incident-free-launches')).toBeInTheDocument();
    expect(noData.getByText('no data')).toBeInTheDocument();
    expect(noData.getByText('No budget data')).toBeInTheDocument();
    expect(noData.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(noData.getByText('—')).toBeInTheDocument();

    // The entity status next to the score.
    expect(screen.getAllByText('breached')).toHaveLength(2);
  });

  it('links to the entity tab', async () => {
    await renderCard({});
    const link = await screen.findByRole('link', { name: /View details/ });
    expect(link).toHaveAttribute('href', '/user-trust');
  });

  it('shows a dash and says why when there is no score', async () => {
    await renderCard({
      getEntityTrust: jest.fn().mockResolvedValue(
        trust({
          score: null,
          status: 'insufficient-data',
          slos: [
            slo({
              status: 'insufficient-data',
              attainment: 0.8,
              total: 3,
              good: 2,
            }),
          ],
        }),
      ),
    });

    expect(await screen.findByTestId('trust-score')).toHaveTextContent('—');
    expect(
      screen.getByText(/none of the SLOs has enough signals/),
    ).toBeInTheDocument();
    expect(screen.queryByText('/ 100')).not.toBeInTheDocument();
    expect(screen.getAllByText('insufficient data')).toHaveLength(2);
  });

  it('says when no SLO applies', async () => {
    await renderCard({
      getEntityTrust: jest
        .fn()
        .mockResolvedValue(trust({ score: null, status: 'no-data', slos: [] })),
    });
    expect(await screen.findByTestId('trust-score')).toHaveTextContent('—');
    expect(
      screen.getByText(/no user-trust SLO applies to this entity/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId(/^slo-row-/)).not.toBeInTheDocument();
  });

  it('says there is no data instead of showing zeros', async () => {
    await renderCard({
      getEntitySummary: jest.fn().mockResolvedValue(
        summary({
          lastSignalAt: undefined,
          windows: [
            { window: '7d', days: 7, total: 0, byKind: {} },
            { window: '28d', days: 28, total: 0, byKind: {} },
            { window: '90d', days: 90, total: 0, byKind: {} },
          ],
        }),
      ),
    });

    expect(await screen.findByText('No user signals yet')).toBeInTheDocument();
    expect(screen.queryByTestId('signal-row-total')).not.toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const error = await notFound('No entity you may see');
    await renderCard({
      getEntitySummary: jest.fn().mockRejectedValue(error),
      getEntityTrust: jest.fn().mockRejectedValue(error),
    });

    expect(
      await screen.findByText(/Request failed with 404/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/No entity you may see/).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByTestId('signal-row-total')).not.toBeInTheDocument();
    expect(screen.queryByTestId('trust-score')).not.toBeInTheDocument();
  });

  it('still shows the signals when the trust evaluation fails', async () => {
    await renderCard({
      getEntityTrust: jest
        .fn()
        .mockRejectedValue(await notFound('Evaluation unavailable')),
    });

    expect(await screen.findByTestId('signal-row-total')).toBeInTheDocument();
    expect(
      await screen.findByText(/Could not evaluate trust/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('trust-score')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard({
      getEntitySummary: () => new Promise(() => {}),
      getEntityTrust: () => new Promise(() => {}),
    });
    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
  });
});
