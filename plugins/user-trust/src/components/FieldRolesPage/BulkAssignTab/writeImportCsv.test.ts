import {
  appendCsvRows,
  CSV_HEADER,
  sourceLine,
  toCsvLine,
} from './writeImportCsv';

describe('writing an import CSV', () => {
  const row = {
    entityRef: 'component:default/cart',
    role: 'tam',
    holderRef: 'user:default/rachel.kim',
    accounts: ['Acme', 'Globex'],
    note: 'Says "hi", often',
  };

  it('quotes fields with commas, quotes or edge spaces, doubling quotes', () => {
    expect(toCsvLine(row)).toBe(
      'component:default/cart,tam,user:default/rachel.kim,Acme;Globex,"Says ""hi"", often",',
    );
    expect(
      toCsvLine({
        entityRef: 'component:default/cart',
        role: 'csm',
        holderRef: 'group:default/csm',
        note: ' padded\nnote',
        since: '2026-03-01',
      }),
    ).toBe(
      'component:default/cart,csm,group:default/csm,," padded\nnote",2026-03-01',
    );
  });

  it('starts an empty CSV with the header and appends to one', () => {
    expect(CSV_HEADER).toBe('entityRef,role,holderRef,accounts,note,since');
    const text = appendCsvRows('  \n', [row]);
    expect(text).toBe(`${CSV_HEADER}\n${toCsvLine(row)}\n`);
    expect(appendCsvRows(`${text}\n\n`, [{ ...row, role: 'csm' }])).toBe(
      `${CSV_HEADER}\n${toCsvLine(row)}\n${toCsvLine({
        ...row,
        role: 'csm',
      })}\n`,
    );
  });
});

describe('sourceLine', () => {
  it('finds the line of a data row as the backend numbers it', () => {
    const text = '\uFEFF\nentityRef,role,holderRef\r\na,b,c\n\r\nd,e,f\rg,h,i';
    expect(sourceLine(text, 1)).toBe('a,b,c');
    // A blank line is counted, as the backend counts lines.
    expect(sourceLine(text, 2)).toBe('');
    expect(sourceLine(text, 3)).toBe('d,e,f');
    expect(sourceLine(text, 4)).toBe('g,h,i');
    expect(sourceLine(text, 5)).toBeUndefined();
    expect(sourceLine(text, 0)).toBeUndefined();
    expect(sourceLine('', 1)).toBeUndefined();
  });
});
