import {
  appendCsvRows,
  parseCsvRecords,
  parseImportCsv,
  toCsvLine,
} from './csv';

describe('import CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF and blank lines', () => {
    expect(
      parseCsvRecords('a,"b, c","say ""hi"""\r\n\r\nd,,"multi\nline"\n'),
    ).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['d', '', 'multi\nline'],
    ]);
  });

  it('reads rows with a header in any order, accounts split by ;', () => {
    const { rows, errors } = parseImportCsv(
      [
        'role,entityRef,holderRef,accounts,note,since',
        'tam,component:default/cart,user:default/rachel.kim,Acme; Globex,"EU, enterprise",2026-03-01',
        'csm,component:default/search,group:default/csm,,,',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        entityRef: 'component:default/cart',
        role: 'tam',
        holderRef: 'user:default/rachel.kim',
        accounts: ['Acme', 'Globex'],
        note: 'EU, enterprise',
        since: '2026-03-01',
      },
      {
        entityRef: 'component:default/search',
        role: 'csm',
        holderRef: 'group:default/csm',
      },
    ]);
  });

  it('uses the default column order without a header', () => {
    expect(
      parseImportCsv('component:default/cart,tam,rachel.kim').rows,
    ).toEqual([
      {
        entityRef: 'component:default/cart',
        role: 'tam',
        holderRef: 'rachel.kim',
      },
    ]);
  });

  it('numbers problems by data row, header not counted', () => {
    const { errors } = parseImportCsv(
      [
        'entityRef,role,holderRef',
        'component:default/cart,tam,user:default/a',
        'component:default/cart,,user:default/a',
        'component:default/cart,tam,user:default/a,x,y,z,extra',
      ].join('\n'),
    );
    expect(errors).toEqual([
      { row: 2, message: 'role is empty' },
      {
        row: 3,
        message:
          '7 fields, expected at most 3 (quote fields that contain commas)',
      },
    ]);
  });

  it('rejects unknown columns', () => {
    expect(parseImportCsv('entityRef,role,owner\na,b,c').errors).toEqual([
      {
        row: 0,
        message:
          'Unknown column "owner"; expected entityRef, role, holderRef, accounts, note, since',
      },
    ]);
  });

  it('writes rows that read back the same', () => {
    const row = {
      entityRef: 'component:default/cart',
      role: 'tam',
      holderRef: 'user:default/rachel.kim',
      accounts: ['Acme', 'Globex'],
      note: 'Says "hi", often',
    };
    expect(toCsvLine(row)).toBe(
      'component:default/cart,tam,user:default/rachel.kim,Acme;Globex,"Says ""hi"", often",',
    );
    const text = appendCsvRows('', [row]);
    expect(text.split('\n')[0]).toBe(
      'entityRef,role,holderRef,accounts,note,since',
    );
    expect(parseImportCsv(text).rows).toEqual([row]);
    expect(
      parseImportCsv(appendCsvRows(text, [{ ...row, role: 'csm' }])).rows,
    ).toHaveLength(2);
  });
});
