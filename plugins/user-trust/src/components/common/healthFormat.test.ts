import {
  describeWeekOverWeek,
  formatEntityBurn,
  formatWeekOverWeek,
  humanizeRef,
} from './healthFormat';

describe('healthFormat', () => {
  it('prints the fastest burn with its window', () => {
    expect(
      formatEntityBurn({ rate: 14.23, window: '1d', slo: 'csat-good' }),
    ).toBe('14.2\u00d7 (1d)');
    expect(formatEntityBurn(null)).toBeUndefined();
  });

  it('prints week-over-week counts with an arrow for the change', () => {
    expect(formatWeekOverWeek({ last7d: 12, previous7d: 8 })).toBe(
      '12 \u25b24',
    );
    expect(formatWeekOverWeek({ last7d: 3, previous7d: 5 })).toBe('3 \u25bc2');
    expect(formatWeekOverWeek({ last7d: 5, previous7d: 5 })).toBe('5');
    expect(
      describeWeekOverWeek({ last7d: 12, previous7d: 8 }, 'support cases'),
    ).toBe('12 support cases in the last 7 days, 4 more than the week before');
  });

  it('leaves out the expected kind and the default namespace', () => {
    expect(humanizeRef('group:default/payments', 'group')).toBe('payments');
    expect(humanizeRef('user:default/rachel.kim', 'group')).toBe(
      'user:rachel.kim',
    );
    expect(humanizeRef('system:ops/billing', 'system')).toBe('ops/billing');
    expect(humanizeRef('not a ref:', 'group')).toBe('not a ref:');
  });
});
