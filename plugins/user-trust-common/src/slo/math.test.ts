import fc from 'fast-check';
import {
  budgetConsumed,
  burnRate,
  compareThreshold,
  errorBudgetRemaining,
  trustScore,
  wilsonInterval,
  worstStatus,
} from './math';
import { SloStatus } from './types';

/** An SLO target in [0, 1), as the parser accepts them. */
const target = fc.double({ min: 0, max: 0.9999, noNaN: true });
/** good ≤ total, total ≥ 1. */
const counts = fc.integer({ min: 1, max: 1_000_000 }).chain(total =>
  fc.record({
    total: fc.constant(total),
    good: fc.integer({ min: 0, max: total }),
  }),
);

describe('golden numbers of the Google SRE Workbook (chapter 5)', () => {
  const hour = 1 / 24;

  it('a 14.4× burn over 1 hour consumes 2% of a 30-day budget', () => {
    expect(budgetConsumed(14.4, hour, 30)).toBeCloseTo(0.02, 12);
  });

  it('a 6× burn over 6 hours consumes 5%', () => {
    expect(budgetConsumed(6, 6 * hour, 30)).toBeCloseTo(0.05, 12);
  });

  it('a 1× burn over 3 days consumes 10%', () => {
    expect(budgetConsumed(1, 3, 30)).toBeCloseTo(0.1, 12);
  });

  it('a 99.9% target with 0.1% errors burns at 1×', () => {
    expect(burnRate(0.001, 0.999)).toBeCloseTo(1, 12);
  });

  it('spends the whole budget at 1× over the whole window', () => {
    expect(budgetConsumed(1, 30, 30)).toBe(1);
  });
});

describe('errorBudgetRemaining', () => {
  it('is 1 − error ratio / allowed error ratio', () => {
    expect(errorBudgetRemaining(90, 100, 0.95)).toBeCloseTo(-1, 12);
    expect(errorBudgetRemaining(99, 100, 0.98)).toBeCloseTo(0.5, 12);
    expect(errorBudgetRemaining(0, 0, 0.9)).toBeNull();
  });

  it('is at most 1, and exactly 1 iff there is no bad event', () => {
    fc.assert(
      fc.property(counts, target, ({ good, total }, t) => {
        const budget = errorBudgetRemaining(good, total, t)!;
        expect(budget).toBeLessThanOrEqual(1);
        expect(budget === 1).toBe(good === total);
      }),
    );
  });

  it('never grows when bad events are added', () => {
    fc.assert(
      fc.property(
        counts,
        fc.integer({ min: 0, max: 1000 }),
        target,
        ({ good, total }, extraBad, t) => {
          expect(
            errorBudgetRemaining(good, total + extraBad, t)!,
          ).toBeLessThanOrEqual(errorBudgetRemaining(good, total, t)!);
        },
      ),
    );
  });
});

describe('burnRate', () => {
  it('is ≥ 0, and 1 exactly when the error ratio is 1 − target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        target,
        (ratio, t) => {
          const rate = burnRate(ratio, t);
          expect(rate).toBeGreaterThanOrEqual(0);
          // Never 1 unless the error ratio is (to rounding) 1 − target.
          expect(rate === 1 && Math.abs(ratio - (1 - t)) > 1e-9).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(target, t => {
        expect(burnRate(1 - t, t)).toBe(1);
      }),
    );
  });

  it('is above 1 exactly when errors exceed the allowance', () => {
    fc.assert(
      fc.property(counts, target, ({ good, total }, t) => {
        const ratio = (total - good) / total;
        expect(burnRate(ratio, t) > 1).toBe(ratio > 1 - t);
      }),
    );
  });
});

describe('wilsonInterval', () => {
  it('matches hand-computed 95% intervals', () => {
    const { lower, upper } = wilsonInterval(81, 263);
    expect(lower).toBeCloseTo(0.2553, 4);
    expect(upper).toBeCloseTo(0.3662, 4);
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(wilsonInterval(0, 10).upper).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10).upper).toBe(1);
  });

  it('is [0, 1] without data', () => {
    expect(wilsonInterval(0, 0)).toEqual({ lower: 0, upper: 1 });
  });

  it('contains the point estimate and lies in [0, 1]', () => {
    fc.assert(
      fc.property(counts, ({ good, total }) => {
        const { lower, upper } = wilsonInterval(good, total);
        const p = good / total;
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(p);
        expect(upper).toBeGreaterThanOrEqual(p);
      }),
    );
  });

  it('narrows as the total grows at a fixed ratio', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }).chain(total =>
          fc.record({
            total: fc.constant(total),
            good: fc.integer({ min: 0, max: total }),
          }),
        ),
        fc.integer({ min: 2, max: 100 }),
        ({ good, total }, factor) => {
          const small = wilsonInterval(good, total);
          const large = wilsonInterval(good * factor, total * factor);
          expect(large.upper - large.lower).toBeLessThan(
            small.upper - small.lower,
          );
        },
      ),
    );
  });
});

describe('compareThreshold', () => {
  it.each([
    [1, 'lt', 2, true],
    [2, 'lt', 2, false],
    [2, 'lte', 2, true],
    [3, 'gt', 2, true],
    [2, 'gt', 2, false],
    [2, 'gte', 2, true],
    [1, 'gte', 2, false],
  ] as const)('%d %s %d is %s', (value, op, threshold, expected) => {
    expect(compareThreshold(value, op, threshold)).toBe(expected);
  });
});

describe('trustScore', () => {
  it('is the weighted mean of 100 × clamped budget over judged SLOs', () => {
    expect(
      trustScore([
        { status: 'healthy', errorBudgetRemaining: 1, weight: 1 },
        { status: 'at-risk', errorBudgetRemaining: 0.4, weight: 3 },
        { status: 'breached', errorBudgetRemaining: -2, weight: 1 },
        { status: 'insufficient-data', errorBudgetRemaining: -5, weight: 10 },
        { status: 'no-data', errorBudgetRemaining: null },
      ]),
    ).toBe(Math.round((100 + 3 * 40 + 0) / 5));
  });

  it('is null when no SLO is judged', () => {
    expect(trustScore([])).toBeNull();
    expect(
      trustScore([{ status: 'insufficient-data', errorBudgetRemaining: 0.5 }]),
    ).toBeNull();
  });

  it('stays an integer in [0, 100]', () => {
    const statuses: SloStatus[] = ['healthy', 'at-risk', 'breached'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            status: fc.constantFrom(...statuses),
            errorBudgetRemaining: fc.double({ min: -10, max: 1, noNaN: true }),
            weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
          }),
          { minLength: 1 },
        ),
        evaluations => {
          const score = trustScore(evaluations)!;
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('worstStatus', () => {
  it('orders breached > at-risk > healthy > insufficient-data > no-data', () => {
    expect(worstStatus(['healthy', 'breached', 'at-risk'])).toBe('breached');
    expect(worstStatus(['healthy', 'at-risk', 'no-data'])).toBe('at-risk');
    expect(worstStatus(['insufficient-data', 'healthy'])).toBe('healthy');
    expect(worstStatus(['no-data', 'insufficient-data'])).toBe(
      'insufficient-data',
    );
    expect(worstStatus(['no-data', 'no-data'])).toBe('no-data');
    expect(worstStatus([])).toBe('no-data');
  });
});
