import { SignalImportMapping } from '@user-trust/plugin-user-trust-common';
import { checkMapping, mapSignalRow } from './mapSignalRow';

const MAPPING: SignalImportMapping = {
  columns: {
    kind: 'Type',
    entityRef: 'Service',
    occurredAt: 'Created',
    severity: 'Priority',
    value: 'Score',
  },
  attributes: ['Plan'],
};

const record = (cells: Record<string, string>, row = 1) => ({
  row,
  cells: new Map(Object.entries(cells)),
});

const CELLS = {
  Type: 'Support case',
  Service: 'checkout-api',
  Created: '2026-11-27 09:30',
  Priority: 'P2',
  Score: '4.5',
  Plan: ' enterprise ',
};

describe('mapSignalRow', () => {
  it('reads cells into signal fields', () => {
    expect(mapSignalRow(record(CELLS), MAPPING, 'crm')).toEqual({
      signal: {
        source: 'crm',
        externalId: expect.stringMatching(/^row-[0-9a-f]{32}$/),
        kind: 'support_case',
        entityRef: 'component:checkout-api',
        occurredAt: '2026-11-27T09:30:00.000Z',
        severity: 'high',
        value: 4.5,
        attributes: { Plan: 'enterprise' },
      },
    });
  });

  it('keeps offsets, and derives the same id from the same cells only', () => {
    const withOffset = { ...CELLS, Created: '2026-11-27T09:30:00+02:00' };
    const a = mapSignalRow(record(withOffset), MAPPING, 'crm');
    const b = mapSignalRow(record(withOffset, 7), MAPPING, 'crm');
    const c = mapSignalRow(
      record({ ...withOffset, Plan: 'team' }),
      MAPPING,
      'crm',
    );
    if (!('signal' in a) || !('signal' in b) || !('signal' in c)) {
      throw new Error('expected signals');
    }
    expect(a.signal.occurredAt).toBe('2026-11-27T07:30:00.000Z');
    expect(b.signal.externalId).toBe(a.signal.externalId);
    expect(c.signal.externalId).not.toBe(a.signal.externalId);
  });

  it('reports every bad cell of a row with its field and column', () => {
    const result = mapSignalRow(
      record({
        ...CELLS,
        Service: '',
        Created: '27/11/2026',
        Score: '4,5',
        Plan: '@SUM(A1)',
      }),
      MAPPING,
      'crm',
    );
    expect(result).toEqual({
      errors: [
        {
          field: 'attributes.Plan',
          column: 'Plan',
          message: expect.stringContaining('looks like a spreadsheet formula'),
        },
        {
          field: 'entityRef',
          column: 'Service',
          message: 'entityRef (column "Service"): is empty',
        },
        {
          field: 'occurredAt',
          column: 'Created',
          message: expect.stringMatching(/'27\/11\/2026' is not a date/),
        },
        {
          field: 'value',
          column: 'Score',
          message: expect.stringMatching(/'4,5' is not a number/),
        },
      ],
    });
  });

  it('takes constants for fields no column holds', () => {
    const result = mapSignalRow(
      record({ When: '2026-11-27' }),
      {
        columns: { occurredAt: 'When' },
        defaults: { kind: 'incident', entityRef: 'component:default/payments' },
      },
      'sheet',
    );
    expect(result).toMatchObject({
      signal: {
        kind: 'incident',
        entityRef: 'component:default/payments',
        occurredAt: '2026-11-27T00:00:00.000Z',
      },
    });
  });
});

describe('checkMapping', () => {
  it('names missing fields and columns the file lacks', () => {
    expect(
      checkMapping(
        {
          columns: { occurredAt: 'When', account: 'Org' },
          attributes: ['Tier'],
        },
        ['When'],
      ).map(e => e.message),
    ).toEqual([
      'account: the file has no column "Org" (its columns: When)',
      'attributes: the file has no column "Tier" (its columns: When)',
      'kind: map a column to it or set a default',
      'entityRef: map a column to it or set a default',
    ]);
  });
});
