import { InputError } from '@backstage/errors';
import {
  FIELD_ROLE_IMPORT_COLUMNS as COLUMNS,
  FieldRoleImportRow,
} from '@user-trust/plugin-user-trust-common';
import { readCsv } from '../service/readCsv';

/** Most rows one import may hold (JSON or CSV). */
export const MAX_IMPORT_ROWS = 5000;

const REQUIRED_COLUMNS: ReadonlyArray<(typeof COLUMNS)[number]> = [
  'entityRef',
  'role',
  'holderRef',
];

/** A data row of an import, numbered as the caller sees it. */
export type NumberedImportRow = { row: number; input: FieldRoleImportRow };

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
  const { header: names, records, errors } = readCsv(text);
  if (!names) {
    throw new InputError(
      `CSV import needs a header line: ${COLUMNS.join(',')}`,
    );
  }
  const header = names.map(name => {
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
  const rows: NumberedImportRow[] = [];
  for (const { row, cells: record } of records) {
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
  return { rows, errors: errors.map(({ row, message }) => ({ row, message })) };
}
