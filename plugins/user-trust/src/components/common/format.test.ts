import {
  budgetBarValue,
  fastestBurnRate,
  formatBudgetLeft,
  formatBurnRate,
  formatDay,
  formatFastestBurnRate,
  formatPercent,
  formatRatio,
  sourceLocationUrl,
} from './format';

describe('format', () => {
  it('prints percentages with a real minus sign', () => {
    expect(formatPercent(-0.4)).toBe('\u221240%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(-0.001)).toBe('0%');
    expect(formatRatio(0.995)).toBe('99.5%');
    expect(formatRatio(0.9)).toBe('90%');
    expect(formatRatio(0.98765)).toBe('98.77%');
  });

  it('prints the budget left, never "no data" as zero', () => {
    expect(formatBudgetLeft(-0.4)).toBe('\u221240% budget left');
    expect(formatBudgetLeft(0)).toBe('0% budget left');
    expect(formatBudgetLeft(null)).toBe('No budget data');
  });

  it('clamps the bar to 0–100', () => {
    expect(budgetBarValue(-0.4)).toBe(0);
    expect(budgetBarValue(0.37)).toBeCloseTo(37);
    expect(budgetBarValue(1.2)).toBe(100);
  });

  it('finds the fastest burn rate, ignoring windows without data', () => {
    const rates = [
      { window: '1d', rate: 2.4, threshold: 3 },
      { window: '7d', rate: 1.6, threshold: 1 },
      { window: '28d', rate: null, threshold: 1 },
    ];
    expect(fastestBurnRate(rates)?.window).toBe('1d');
    expect(formatFastestBurnRate(rates)).toBe('2.4\u00d7 (1d)');
    expect(
      formatFastestBurnRate([{ window: '1d', rate: null, threshold: 3 }]),
    ).toBeUndefined();
    expect(formatBurnRate(144.4)).toBe('144\u00d7');
  });

  it('formats days as UTC calendar days', () => {
    expect(formatDay('2026-11-27')).toBe('Nov 27, 2026');
    expect(formatDay('2026-11-27T23:30:00Z')).toBe('Nov 27, 2026');
    expect(formatDay('not a day')).toBe('not a day');
  });

  it('links only http(s) annotation locations', () => {
    expect(sourceLocationUrl('url:https://example.com/slo.yaml')).toBe(
      'https://example.com/slo.yaml',
    );
    expect(sourceLocationUrl('https://example.com/slo.yaml')).toBe(
      'https://example.com/slo.yaml',
    );
    expect(sourceLocationUrl('file:./slo.yaml')).toBeUndefined();
    expect(sourceLocationUrl('url:javascript:alert(1)')).toBeUndefined();
  });
});
