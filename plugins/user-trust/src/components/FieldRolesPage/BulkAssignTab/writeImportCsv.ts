import {
  FIELD_ROLE_IMPORT_COLUMNS as IMPORT_COLUMNS,
  FieldRoleImportRow,
} from '@user-trust/plugin-user-trust-common';

/*
 * Only writing happens in the browser: the backend parses the CSV (dry run
 * and apply alike), so what the preview shows is what the import does.
 */

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** One CSV line of an import row, in the column order of the header. */
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

/**
 * The line of the CSV text a row starts on, as the backend numbers rows:
 * by data line, counted from the header line (the first line that is not
 * blank), blank lines included. Undefined past the end.
 */
export function sourceLine(text: string, row: number): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = lines.findIndex(line => line.trim() !== '');
  if (header === -1 || row < 1) return undefined;
  return lines[header + row];
}
