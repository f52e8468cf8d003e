import { parse } from 'csv-parse/sync';
import { InputError } from '@backstage/errors';
import {
  FIELD_ROLE_IMPORT_COLUMNS as COLUMNS,
  FieldRoleImportRow,
} from '@user-trust/plugin-user-trust-common';

/** Most rows one import may hold (JSON or CSV). */
export const MAX_IMPORT_ROWS = 5000;

const REQUIRED_COLUMNS: ReadonlyArray<(typeof COLUMNS)[number]> = [
  'entityRef',
  'role',
  'holderRef',
];

/** A data row of an import, numbered as the caller sees it. */
export type NumberedImportRow = { row: number; input: FieldRoleImportRow };

type RecordInfo = { bytes: number };

const BREAKS = /\r\n|\n|\r/g;

/**
 * Numbers lines by byte offset: the parser reports where a record ends in
 * bytes, and counts lines inside quoted fields in its own way.
 */
function lineNumbers(text: string) {
  const buffer = Buffer.from(text, 'utf8');
  // Byte offsets just after each line break.
  const ends: number[] = [];
  for (let i = 0; i < buffer.length; i++) {
    if (buffer[i] === 0x0a) ends.push(i + 1);
    else if (buffer[i] === 0x0d && buffer[i + 1] !== 0x0a) ends.push(i + 1);
  }
  /** The line a record starts on, from where it ends and its fields. */
  return (record: string[], info: RecordInfo): number => {
    // Breaks before the record's end, not counting its own delimiter.
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid] < info.bytes) low = mid + 1;
      else high = mid;
    }
    const inside = record.reduce(
      (n, field) => n + (field.match(BREAKS)?.length ?? 0),
      0,
    );
    return low + 1 - inside;
  };
}

/**
 * Reads a CSV import: a header naming the columns (`entityRef`, `role`,
 * `holderRef`, optionally `accounts`, `note`, `since`, in any order), then
 * one assignment per line. Accounts are separated by `;`; empty cells are
 * left out. Rows are numbered by the data line they start on (the header
 * not counted); malformed lines and cells holding NUL characters are
 * reported with their number (and column), not thrown. A missing or
 * unusable header throws an InputError.
 */
export function parseImportCsv(text: string): {
  rows: NumberedImportRow[];
  errors: Array<{ row: number; message: string }>;
} {
  const errors: Array<{ row: number; message: string }> = [];
  const skipped: Array<{ line: number; message: string }> = [];
  const records = parse(text, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error: { lines?: number; message: string } | undefined) => {
      if (error) {
        skipped.push({ line: error.lines ?? 2, message: error.message });
      }
      return undefined;
    },
  }) as unknown as Array<{ record: string[]; info: RecordInfo }>;

  if (records.length === 0) {
    throw new InputError(
      `CSV import needs a header line: ${COLUMNS.join(',')}`,
    );
  }
  const header = records[0].record.map(name => {
    const column = COLUMNS.find(
      c => c.toLocaleLowerCase('en-US') === name.toLocaleLowerCase('en-US'),
    );
    if (!column) {
      throw new InputError(
        `CSV header: unknown column '${name}'; the columns are ${COLUMNS.join(
          ', ',
        )}`,
      );
    }
    return column;
  });
  const missing = REQUIRED_COLUMNS.filter(c => !header.includes(c));
  if (missing.length > 0) {
    throw new InputError(
      `CSV header: missing column ${missing.join(
        ', ',
      )}; the columns are ${COLUMNS.join(', ')}`,
    );
  }
  const duplicate = header.find((c, i) => header.indexOf(c) !== i);
  if (duplicate) {
    throw new InputError(`CSV header: column '${duplicate}' appears twice`);
  }
  const startLine = lineNumbers(text);
  const headerLine = startLine(records[0].record, records[0].info);

  for (const { line, message } of skipped) {
    const row = Math.max(1, line - headerLine);
    // A bad quote can take the rest of the text with it: one error a row.
    if (!errors.some(e => e.row === row)) {
      errors.push({ row, message: `malformed CSV: ${message}` });
    }
  }

  const rows: NumberedImportRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const row = startLine(record, info) - headerLine;
    if (record.length !== header.length) {
      errors.push({
        row,
        message: `malformed CSV line: expected ${header.length} fields, got ${record.length}`,
      });
      continue;
    }
    // PostgreSQL cannot store NUL characters in text.
    const nulAt = record.findIndex(cell => cell.includes('\u0000'));
    if (nulAt >= 0) {
      errors.push({
        row,
        message: `${header[nulAt]}: must not contain NUL characters (\\u0000)`,
      });
      continue;
    }
    const cells = Object.fromEntries(
      header.map((column, i) => [column, record[i]]),
    ) as Record<(typeof COLUMNS)[number], string | undefined>;
    const input: FieldRoleImportRow = {
      entityRef: cells.entityRef ?? '',
      role: cells.role ?? '',
      holderRef: cells.holderRef ?? '',
    };
    if (cells.accounts) {
      input.accounts = cells.accounts.split(';').map(a => a.trim());
    }
    if (cells.note) input.note = cells.note;
    if (cells.since) input.since = cells.since;
    rows.push({ row, input });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}
