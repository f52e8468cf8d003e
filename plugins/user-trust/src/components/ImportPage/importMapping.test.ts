import { cleanMapping, guessColumns, missingFields } from './importMapping';

describe('guessColumns', () => {
  it('matches field names case-insensitively, with spaces, _ and -', () => {
    expect(
      guessColumns([
        'External_ID',
        'Kind',
        'entity-ref',
        'occurred_at',
        'Resolved At',
        'SEVERITY',
        'handledBy',
      ]),
    ).toEqual({
      externalId: 'External_ID',
      kind: 'Kind',
      entityRef: 'entity-ref',
      occurredAt: 'occurred_at',
      resolvedAt: 'Resolved At',
      severity: 'SEVERITY',
      handledBy: 'handledBy',
    });
  });

  it('knows the names exports give them', () => {
    expect(
      guessColumns([
        'Ticket ID',
        'Created',
        'Closed',
        'Priority',
        'Customer',
        'Service',
        'Score',
        'Assignee',
      ]),
    ).toEqual({
      externalId: 'Ticket ID',
      occurredAt: 'Created',
      resolvedAt: 'Closed',
      severity: 'Priority',
      account: 'Customer',
      entityRef: 'Service',
      value: 'Score',
      handledBy: 'Assignee',
    });
  });

  it('prefers a column named after the field and uses each column once', () => {
    expect(guessColumns(['created', 'occurredAt', 'id', 'Id'])).toEqual({
      externalId: 'id',
      occurredAt: 'occurredAt',
    });
    expect(guessColumns(['Notes', 'Channel'])).toEqual({});
  });
});

describe('cleanMapping', () => {
  it('drops empty columns, constants and attributes', () => {
    expect(
      cleanMapping({
        columns: { externalId: 'Case', kind: undefined, value: '' },
        defaults: { kind: undefined, entityRef: '  ', severity: 'high' },
        attributes: [],
      }),
    ).toEqual({
      columns: { externalId: 'Case' },
      defaults: { severity: 'high' },
    });
    expect(cleanMapping({ columns: {}, defaults: {} })).toEqual({
      columns: {},
    });
  });
});

describe('missingFields', () => {
  it('names required fields without a column or constant', () => {
    expect(missingFields({ columns: {} })).toEqual([
      'kind',
      'entityRef',
      'occurredAt',
    ]);
    expect(
      missingFields({
        columns: { occurredAt: 'Created', entityRef: 'Service' },
        defaults: { kind: 'support_case' },
      }),
    ).toEqual([]);
  });
});
