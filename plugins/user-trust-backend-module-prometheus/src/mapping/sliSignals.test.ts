import { sliQueryFromAnnotations } from './sliQueries';
import {
  dailyGoodTotal,
  dailyRatio,
  sliSignal,
  valuesByDay,
} from './sliSignals';

const DAY = 86_400;
const t = (iso: string) => Date.parse(iso) / 1000;

describe('daily SLIs', () => {
  it('puts the sample at a day end on that day, adds series, skips NaN and Inf', () => {
    const days = valuesByDay([
      {
        values: [
          [t('2026-11-02T00:00:00Z'), '10'],
          [t('2026-11-03T00:00:00Z'), 'NaN'],
        ],
      },
      {
        values: [
          [t('2026-11-02T00:00:00Z'), '5'],
          [t('2026-11-03T00:00:00Z'), '+Inf'],
        ],
      },
    ]);
    expect([...days]).toEqual([['2026-11-01', 15]]);
  });

  it('divides good by total, clamps, and leaves out days without traffic', () => {
    const good = new Map([
      ['2026-11-01', 99],
      ['2026-11-02', 12],
      ['2026-11-04', 1],
    ]);
    const total = new Map([
      ['2026-11-01', 100],
      ['2026-11-02', 10],
      ['2026-11-03', 0],
      ['2026-11-05', 4],
    ]);
    expect(dailyGoodTotal(good, total)).toEqual([
      { day: '2026-11-01', ratio: 0.99, good: 99, total: 100 },
      { day: '2026-11-02', ratio: 1, good: 12, total: 10 },
      { day: '2026-11-05', ratio: 0, good: 0, total: 4 },
    ]);
    expect(
      dailyRatio(
        new Map([
          ['2026-11-02', -0.1],
          ['2026-11-01', 0.5],
        ]),
      ),
    ).toEqual([
      { day: '2026-11-01', ratio: 0.5 },
      { day: '2026-11-02', ratio: 0 },
    ]);
  });

  it('builds a signal with a stable id per entity and day', () => {
    const signal = sliSignal(
      'component:default/checkout-api',
      { type: 'goodTotal', good: 'g', total: 'tt' },
      { day: '2026-11-01', ratio: 0.99, good: 99, total: 100 },
    );
    expect(signal).toEqual({
      source: 'prometheus',
      externalId: 'component:default/checkout-api:2026-11-01',
      kind: 'sli_report',
      entityRef: 'component:default/checkout-api',
      occurredAt: '2026-11-01T00:00:00.000Z',
      value: 0.99,
      attributes: { goodQuery: 'g', totalQuery: 'tt', good: 99, total: 100 },
    });
    expect(DAY).toBe(86400);
  });

  it('reads the annotations and refuses half a pair or both kinds', () => {
    expect(
      sliQueryFromAnnotations({ 'prometheus.io/sli-ratio': ' r ' }),
    ).toEqual({ type: 'ratio', ratio: 'r' });
    expect(sliQueryFromAnnotations({})).toBeUndefined();
    expect(() =>
      sliQueryFromAnnotations({ 'prometheus.io/sli-good': 'g' }),
    ).toThrow(/total is missing/);
    expect(() =>
      sliQueryFromAnnotations({
        'prometheus.io/sli-good': 'g',
        'prometheus.io/sli-total': 't',
        'prometheus.io/sli-ratio': 'r',
      }),
    ).toThrow(/not both/);
  });
});
