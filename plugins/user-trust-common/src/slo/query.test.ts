import fc from 'fast-check';
import { SIGNAL_KINDS, SIGNAL_SEVERITIES } from '../signals';
import {
  indicatorQueries,
  signalMatchesQuery,
  signalQueryKey,
  sloSignalQueries,
} from './query';
import { SignalQuery } from './types';

const shuffled = <T>(values: T[]) =>
  fc.shuffledSubarray(values, {
    minLength: values.length,
    maxLength: values.length,
  });

const queryArb: fc.Arbitrary<SignalQuery> = fc.record(
  {
    kind: fc.subarray([...SIGNAL_KINDS], { minLength: 1 }),
    severity: fc.subarray([...SIGNAL_SEVERITIES], { minLength: 1 }),
    valueAtLeast: fc.integer({ min: 0, max: 5 }),
    valueAtMost: fc.integer({ min: 5, max: 10 }),
    account: fc.uniqueArray(fc.string({ minLength: 1 }), {
      minLength: 1,
      maxLength: 4,
    }),
    attributes: fc.dictionary(
      fc.string({ minLength: 1 }),
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
      { maxKeys: 4 },
    ),
  },
  { requiredKeys: ['kind'] },
);

/** The same query with every key and array in another order. */
function reordered(query: SignalQuery): fc.Arbitrary<SignalQuery> {
  const entries = Object.entries(query);
  return fc
    .tuple(
      shuffled(entries),
      shuffled(Object.entries(query.attributes ?? {})),
      shuffled(Array.isArray(query.kind) ? query.kind : [query.kind]),
      shuffled(query.severity ?? []),
      shuffled(query.account ?? []),
    )
    .map(([order, attributes, kind, severity, account]) => {
      const copy: Record<string, unknown> = {};
      for (const [key] of order) {
        copy[key] =
          (
            {
              kind,
              severity,
              account,
              attributes: Object.fromEntries(attributes),
            } as Record<string, unknown>
          )[key] ?? (query as Record<string, unknown>)[key];
      }
      return copy as SignalQuery;
    });
}

describe('signalQueryKey', () => {
  it('is invariant to the order of keys and arrays', () => {
    fc.assert(
      fc.property(
        queryArb.chain(query => fc.tuple(fc.constant(query), reordered(query))),
        ([query, other]) => {
          expect(signalQueryKey(other)).toBe(signalQueryKey(query));
        },
      ),
    );
  });

  it('normalises a single kind to an array and drops empty attributes', () => {
    expect(signalQueryKey({ kind: 'incident' })).toBe(
      signalQueryKey({ kind: ['incident', 'incident'], attributes: {} }),
    );
    expect(signalQueryKey({ kind: 'incident' })).toBe('{"kind":["incident"]}');
  });

  it('tells different queries apart', () => {
    const keys = [
      { kind: 'incident' },
      { kind: 'support_case' },
      { kind: ['incident', 'support_case'] },
      { kind: 'incident', attributes: { escalated: true } },
      { kind: 'incident', attributes: { escalated: 'true' } },
      { kind: 'incident', valueAtLeast: 4 },
      { kind: 'incident', valueAtMost: 4 },
      { kind: 'incident', account: ['acme'] },
      { kind: 'incident', severity: ['high'] },
    ].map(q => signalQueryKey(q as SignalQuery));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('signalMatchesQuery', () => {
  const signal = {
    kind: 'support_case',
    severity: 'high',
    value: 4,
    account: 'acme',
    attributes: { escalated: false, plan: 'gold', seats: 10 },
  };

  it.each<[string, SignalQuery, boolean]>([
    ['kind', { kind: 'support_case' }, true],
    ['kind list', { kind: ['incident', 'support_case'] }, true],
    ['other kind', { kind: 'incident' }, false],
    [
      'severity',
      { kind: 'support_case', severity: ['high', 'critical'] },
      true,
    ],
    ['other severity', { kind: 'support_case', severity: ['low'] }, false],
    ['valueAtLeast', { kind: 'support_case', valueAtLeast: 4 }, true],
    ['valueAtLeast above', { kind: 'support_case', valueAtLeast: 4.5 }, false],
    ['valueAtMost', { kind: 'support_case', valueAtMost: 4 }, true],
    ['valueAtMost below', { kind: 'support_case', valueAtMost: 3 }, false],
    ['account', { kind: 'support_case', account: ['acme', 'globex'] }, true],
    ['other account', { kind: 'support_case', account: ['globex'] }, false],
    [
      'attribute',
      { kind: 'support_case', attributes: { escalated: false, seats: 10 } },
      true,
    ],
    [
      'attribute of another type',
      { kind: 'support_case', attributes: { escalated: 'false' } },
      false,
    ],
    [
      'missing attribute',
      { kind: 'support_case', attributes: { region: 'eu' } },
      false,
    ],
  ])('%s', (_name, query, expected) => {
    expect(signalMatchesQuery(signal, query)).toBe(expected);
  });

  it('fails conditions on absent fields', () => {
    const bare = { kind: 'support_case', value: null, severity: null };
    expect(signalMatchesQuery(bare, { kind: 'support_case' })).toBe(true);
    expect(
      signalMatchesQuery(bare, { kind: 'support_case', valueAtLeast: 0 }),
    ).toBe(false);
    expect(
      signalMatchesQuery(bare, { kind: 'support_case', valueAtMost: 10 }),
    ).toBe(false);
    expect(
      signalMatchesQuery(bare, { kind: 'support_case', severity: ['low'] }),
    ).toBe(false);
    expect(
      signalMatchesQuery(bare, { kind: 'support_case', account: ['acme'] }),
    ).toBe(false);
    expect(
      signalMatchesQuery(bare, {
        kind: 'support_case',
        attributes: { escalated: false },
      }),
    ).toBe(false);
  });
});

describe('sloSignalQueries', () => {
  it('lists the distinct queries of a set of SLOs', () => {
    const total: SignalQuery = { kind: 'csat_response' };
    expect(
      indicatorQueries({
        type: 'ratio',
        good: { kind: 'csat_response', valueAtLeast: 4 },
        total,
      }),
    ).toHaveLength(2);
    const queries = sloSignalQueries([
      {
        indicator: {
          type: 'ratio',
          good: { kind: 'csat_response', valueAtLeast: 4 },
          total,
        },
      },
      {
        indicator: {
          type: 'ratio',
          bad: { kind: 'csat_response', valueAtMost: 2 },
          total: { kind: ['csat_response'] },
        },
      },
      { indicator: { type: 'count', events: { kind: 'incident' } } },
    ]);
    expect([...queries.keys()]).toEqual([
      '{"kind":["csat_response"],"valueAtLeast":4}',
      '{"kind":["csat_response"]}',
      '{"kind":["csat_response"],"valueAtMost":2}',
      '{"kind":["incident"]}',
    ]);
  });
});
