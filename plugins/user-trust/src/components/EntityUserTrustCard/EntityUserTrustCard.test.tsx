import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntitySignalSummary } from '@user-trust/plugin-user-trust-common';
import { UserTrustApi, userTrustApiRef } from '../../api';
import { EntityUserTrustCard } from './EntityUserTrustCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
};

function summary(
  overrides: Partial<EntitySignalSummary> = {},
): EntitySignalSummary {
  return {
    entityRef: 'component:default/checkout-api',
    generatedAt: new Date().toISOString(),
    lastSignalAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
    windows: [
      {
        window: '7d',
        days: 7,
        total: 5,
        byKind: { support_case: 4, incident: 1 },
      },
      {
        window: '28d',
        days: 28,
        total: 17,
        byKind: { support_case: 15, incident: 2 },
      },
      {
        window: '90d',
        days: 90,
        total: 52,
        byKind: { support_case: 40, incident: 3, csat_response: 9 },
      },
    ],
    ...overrides,
  };
}

async function renderCard(api: Partial<UserTrustApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[userTrustApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityUserTrustCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityUserTrustCard', () => {
  it('shows the counts per kind and window, most frequent kind first', async () => {
    const getEntitySummary = jest.fn().mockResolvedValue(summary());
    await renderCard({ getEntitySummary });

    expect(await screen.findByText('Support cases')).toBeInTheDocument();
    expect(getEntitySummary).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout-api',
    });

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
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No entity you may see' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderCard({ getEntitySummary: jest.fn().mockRejectedValue(error) });

    expect(
      await screen.findByText(/Request failed with 404/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/No entity you may see/).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByTestId('signal-row-total')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard({ getEntitySummary: () => new Promise(() => {}) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
