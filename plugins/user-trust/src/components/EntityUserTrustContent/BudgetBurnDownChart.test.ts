import { budgetAxis, dayTicks } from './BudgetBurnDownChart';

const days = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    day: `2026-11-${String(i + 1).padStart(2, '0')}`,
    budget: 100 - i * 5,
  }));

describe('BudgetBurnDownChart axes', () => {
  it('always shows 0–100% and stretches to an overspent budget', () => {
    expect(budgetAxis([{ day: 'd', budget: 50 }])).toEqual({
      domain: [0, 100],
      ticks: [0, 25, 50, 75, 100],
    });
    expect(
      budgetAxis([
        { day: 'a', budget: 100 },
        { day: 'b', budget: null },
        { day: 'c', budget: -40 },
      ]),
    ).toEqual({ domain: [-50, 100], ticks: [-50, -25, 0, 25, 50, 75, 100] });
    expect(budgetAxis([{ day: 'd', budget: -180 }]).ticks).toEqual([
      -200, -150, -100, -50, 0, 50, 100,
    ]);
  });

  it('spreads about six day ticks, keeping the first and last day', () => {
    expect(dayTicks(days(4))).toHaveLength(4);
    const ticks = dayTicks(days(28));
    expect(ticks[0]).toBe('2026-11-01');
    expect(ticks[ticks.length - 1]).toBe('2026-11-28');
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(new Set(ticks).size).toBe(ticks.length);
  });
});
