import { parseImportCsv } from './importCsv';

describe('parseImportCsv', () => {
  it('reads rows by header name, with quotes, accounts and empty cells', () => {
    const { rows, errors } = parseImportCsv(
      [
        '\uFEFFholderRef,entityRef,role,accounts,note,since',
        'jane,component:default/a,tam,"acme; globex","Night shift, EU",2026-01-01',
        '',
        'group:default/csm,component:default/b,csm,,,',
        '"multi',
        'line",component:default/c,tam,,"a ""quoted"" note",',
      ].join('\r\n'),
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 1,
        input: {
          entityRef: 'component:default/a',
          role: 'tam',
          holderRef: 'jane',
          accounts: ['acme', 'globex'],
          note: 'Night shift, EU',
          since: '2026-01-01',
        },
      },
      {
        row: 3,
        input: {
          entityRef: 'component:default/b',
          role: 'csm',
          holderRef: 'group:default/csm',
        },
      },
      {
        row: 4,
        input: {
          entityRef: 'component:default/c',
          role: 'tam',
          holderRef: 'multi\r\nline',
          note: 'a "quoted" note',
        },
      },
    ]);
  });

  it('reports NUL characters by row and column, leaving the row out', () => {
    const { rows, errors } = parseImportCsv(
      [
        'entityRef,role,holderRef,accounts,note',
        'component:default/a,tam,jane,,fine',
        'component:default/a,tam,sam,,night\u0000shift',
        'component:default/a,tam,ja\u0000ne,,',
        'component:default/a,csm,jane,acme;glo\u0000bex,',
      ].join('\n'),
    );
    expect(rows.map(r => r.row)).toEqual([1]);
    expect(errors).toEqual([
      { row: 2, message: 'note: must not contain NUL characters (\\u0000)' },
      {
        row: 3,
        message: 'holderRef: must not contain NUL characters (\\u0000)',
      },
      {
        row: 4,
        message: 'accounts: must not contain NUL characters (\\u0000)',
      },
    ]);
  });

  it('reports lines with the wrong number of fields and bad quotes by data line', () => {
    const { rows, errors } = parseImportCsv(
      [
        'entityRef,role,holderRef',
        'component:default/a,tam,jane',
        'component:default/a,tam',
        'component:default/a,tam,jane,extra',
        'component:default/a,tam,"ja"ne',
      ].join('\n'),
    );
    expect(rows.map(r => r.row)).toEqual([1]);
    expect(errors).toEqual([
      { row: 2, message: 'malformed CSV line: expected 3 fields, got 2' },
      { row: 3, message: 'malformed CSV line: expected 3 fields, got 4' },
      {
        row: 4,
        message: expect.stringMatching(/^malformed CSV: Invalid Closing Quote/),
      },
    ]);
  });

  it('throws on a missing, unknown or repeated header column', () => {
    expect(() => parseImportCsv('')).toThrow(/needs a header line/);
    expect(() => parseImportCsv('entityRef,role\n')).toThrow(
      /missing column holderRef/,
    );
    expect(() => parseImportCsv('entityRef,role,holderRef,team\n')).toThrow(
      /unknown column 'team'/,
    );
    expect(() => parseImportCsv('entityRef,role,holderRef,Role\n')).toThrow(
      /column 'role' appears twice/,
    );
  });
});
