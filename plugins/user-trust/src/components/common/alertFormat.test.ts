import { AlertTransition } from '@user-trust/plugin-user-trust-common';
import {
  alertMarkers,
  describeTransition,
  formatForecast,
} from './alertFormat';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('formatForecast', () => {
  it('says when the budget runs out, that it is spent, or not at this rate', () => {
    expect(
      formatForecast(
        { spent: false, runsOutAt: '2026-12-02T18:00:00.000Z' },
        NOW,
      ),
    ).toBe('Runs out in 4 days (Dec 2, 2026)');
    expect(
      formatForecast(
        { spent: false, runsOutAt: '2026-11-29T11:00:00.000Z' },
        NOW,
      ),
    ).toBe('Runs out within a day (Nov 29, 2026)');
    expect(formatForecast({ spent: true, runsOutAt: null }, NOW)).toBe(
      'Budget spent',
    );
    expect(formatForecast({ spent: false, runsOutAt: null }, NOW)).toBe(
      'Not at this rate',
    );
  });
});

describe('alertMarkers', () => {
  const transition = (
    slo: string,
    at: string,
    from: AlertTransition['from'],
    to: AlertTransition['to'],
  ): AlertTransition => ({
    slo,
    at,
    from,
    to,
    burnRates: [],
    errorBudgetRemaining: 0.3,
    forecast: { spent: false, runsOutAt: null },
  });

  it('marks the days of the SLO shown on the chart, the last change of a day', () => {
    const transitions = [
      transition('csat', '2026-11-27T18:00:00.000Z', 'at-risk', 'breached'),
      transition('csat', '2026-11-27T09:00:00.000Z', 'ok', 'at-risk'),
      transition('csat', '2026-10-01T09:00:00.000Z', 'ok', 'at-risk'),
      transition('cases', '2026-11-26T09:00:00.000Z', 'ok', 'at-risk'),
      transition('csat', '2026-11-25T09:00:00.000Z', 'breached', 'ok'),
    ];
    expect(
      alertMarkers(transitions, 'csat', [
        '2026-11-25',
        '2026-11-26',
        '2026-11-27',
      ]),
    ).toEqual([
      { day: '2026-11-25', from: 'breached', to: 'ok' },
      { day: '2026-11-27', from: 'at-risk', to: 'breached' },
    ]);
    expect(describeTransition({ from: 'ok', to: 'at-risk' })).toBe(
      'OK → At risk',
    );
  });
});
