import {
  FIELD_ROLE_IMPORT_COLUMNS as IMPORT_COLUMNS,
  FieldRoleImportRow,
} from '@user-trust/plugin-user-trust-common';

type Column = (typeof IMPORT_COLUMNS)[number];

/** Records of RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += c;
    }
    i += 1;
  }
  if (field !== '' || record.length > 0) {
    endRecord();
  }
  // Blank lines are not rows.
  return records.filter(r => r.some(f => f.trim() !== ''));
}

/** The result of reading an import CSV in the browser. */
export type ParsedImport = {
  rows: FieldRoleImportRow[];
  /** 1-based data rows, as the backend numbers them. */
  errors: Array<{ row: number; message: string }>;
};

/**
 * Reads an import CSV (`entityRef,role,holderRef,accounts,note,since`;
 * accounts separated by `;`). A first line naming the columns may list them
 * in any order; without it the default order applies.
 */
export function parseImportCsv(text: string): ParsedImport {
  const records = parseCsvRecords(text);
  const errors: ParsedImport['errors'] = [];
  if (records.length === 0) {
    return { rows: [], errors };
  }
  let columns: Column[] = [...IMPORT_COLUMNS];
  let data = records;
  const first = records[0].map(f => f.trim());
  if (first.some(f => f.toLocaleLowerCase('en-US') === 'entityref')) {
    const unknown = first.filter(
      f =>
        f !== '' &&
        !IMPORT_COLUMNS.some(
          c => c.toLocaleLowerCase('en-US') === f.toLocaleLowerCase('en-US'),
        ),
    );
    if (unknown.length > 0) {
      errors.push({
        row: 0,
        message: `Unknown column ${unknown
          .map(u => `"${u}"`)
          .join(', ')}; expected ${IMPORT_COLUMNS.join(', ')}`,
      });
      return { rows: [], errors };
    }
    columns = first.map(
      f =>
        IMPORT_COLUMNS.find(
          c => c.toLocaleLowerCase('en-US') === f.toLocaleLowerCase('en-US'),
        )!,
    );
    data = records.slice(1);
  }

  const rows = data.map((record, index) => {
    const value = (column: Column) => {
      const at = columns.indexOf(column);
      return at === -1 ? '' : (record[at] ?? '').trim();
    };
    const row: FieldRoleImportRow = {
      entityRef: value('entityRef'),
      role: value('role'),
      holderRef: value('holderRef'),
    };
    const accounts = value('accounts')
      .split(';')
      .map(a => a.trim())
      .filter(Boolean);
    if (accounts.length > 0) row.accounts = accounts;
    if (value('note')) row.note = value('note');
    if (value('since')) row.since = value('since');
    if (record.length > columns.length) {
      errors.push({
        row: index + 1,
        message: `${record.length} fields, expected at most ${columns.length} (quote fields that contain commas)`,
      });
    }
    for (const required of ['entityRef', 'role', 'holderRef'] as const) {
      if (!row[required]) {
        errors.push({ row: index + 1, message: `${required} is empty` });
      }
    }
    return row;
  });
  return { rows, errors };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** One CSV line of an import row, in the default column order. */
export function toCsvLine(row: FieldRoleImportRow): string {
  return [
    row.entityRef,
    row.role,
    row.holderRef,
    (row.accounts ?? []).join(';'),
    row.note ?? '',
    row.since ?? '',
  ]
    .map(csvField)
    .join(',');
}

/** The header line of an import CSV. */
export const CSV_HEADER = IMPORT_COLUMNS.join(',');

/**
 * Appends rows to an import CSV, starting it with the header when empty.
 */
export function appendCsvRows(text: string, rows: FieldRoleImportRow[]) {
  const lines = rows.map(toCsvLine);
  const trimmed = text.replace(/\s+$/, '');
  if (trimmed === '') {
    return `${[CSV_HEADER, ...lines].join('\n')}\n`;
  }
  return `${[trimmed, ...lines].join('\n')}\n`;
}
