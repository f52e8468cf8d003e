import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  PerceptionDissonance,
  TechnicalSli,
} from '@user-trust/plugin-user-trust-common';
import { slo } from '../../testing/fixtures';
import { DissonancePanel } from './DissonancePanel';

const GOOD =
  'sum(increase(http_requests_total{job="checkout-api",code!~"5.."}[1d]))';
const TOTAL = 'sum(increase(http_requests_total{job="checkout-api"}[1d]))';
const RATIO =
  'avg_over_time(slo:payment_authorizations:success_ratio_rate5m[1d])';

function technical(provenance: TechnicalSli['provenance']): TechnicalSli {
  return {
    sli: 'availability (28d, from monitoring)',
    attainment: 0.9995,
    target: 0.999,
    provenance,
  };
}

function burning(sli: TechnicalSli): PerceptionDissonance {
  return {
    kind: 'technical-green-users-burning',
    technical: sli,
    userTrust: { slo: 'csat', status: 'breached', burnRate: 2 },
    message: 'Technical SLI meets its target, but CSAT is breached',
  };
}

describe('DissonancePanel', () => {
  it('says which Prometheus queries the technical number comes from', async () => {
    const sli = technical({
      sources: ['prometheus'],
      days: 28,
      reports: 28,
      latestDay: '2026-12-05',
      query: { good: GOOD, total: TOTAL },
    });
    await renderInTestApp(
      <DissonancePanel
        dissonance={[burning(sli)]}
        slos={[slo()]}
        technical={sli}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(
      within(alert).getByTestId('dissonance-provenance'),
    ).toHaveTextContent(
      `Technical SLI from Prometheus: ${GOOD} / ${TOTAL}, 28 daily reports, latest 2026-12-05`,
    );
    // The queries are set as code, told apart by their titles.
    expect(within(alert).getByTitle('good events')).toHaveTextContent(GOOD);
    expect(within(alert).getByTitle('all events')).toHaveTextContent(TOTAL);
    expect(
      screen.queryByText('Monitoring and users agree'),
    ).not.toBeInTheDocument();
  });

  it('says when demo data stands in for a query, also when users agree', async () => {
    await renderInTestApp(
      <DissonancePanel
        dissonance={[]}
        slos={[slo()]}
        technical={technical({
          sources: ['demo'],
          days: 1,
          reports: 1,
          latestDay: '2026-12-05',
          query: { ratio: RATIO },
          standsInFor: 'prometheus',
        })}
      />,
    );
    const none = screen.getByTestId('dissonance-none');
    expect(
      within(none).getByText('Monitoring and users agree'),
    ).toBeInTheDocument();
    expect(none).toHaveTextContent(
      'Technical SLI availability (28d, from monitoring): 99.95% against a target of 99.9%',
    );
    expect(screen.getByTestId('dissonance-provenance')).toHaveTextContent(
      `Technical SLI from demo data standing in for Prometheus query ${RATIO}, 1 daily report, latest 2026-12-05`,
    );
  });

  it('names every source of the latest day and counts reports and days', async () => {
    await renderInTestApp(
      <DissonancePanel
        dissonance={[]}
        slos={[]}
        technical={technical({
          sources: ['demo', 'prometheus', 'datadog'],
          days: 28,
          reports: 30,
          latestDay: '2026-12-05',
        })}
      />,
    );
    expect(screen.getByTestId('dissonance-provenance')).toHaveTextContent(
      /^Technical SLI from demo data, Prometheus and datadog, 30 reports on 28 days, latest 2026-12-05$/,
    );
  });

  it('says there is nothing to compare without a technical SLI', async () => {
    await renderInTestApp(<DissonancePanel dissonance={[]} slos={[slo()]} />);
    expect(screen.getByText('No technical SLI to compare')).toBeInTheDocument();
    expect(
      screen.queryByText('Monitoring and users agree'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('dissonance-provenance'),
    ).not.toBeInTheDocument();
  });
});
