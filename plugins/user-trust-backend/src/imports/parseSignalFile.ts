import { InputError } from '@backstage/errors';
import {
  MAX_SIGNAL_IMPORT_ROWS,
  SignalImportRowError,
} from '@user-trust/plugin-user-trust-common';
import { readCsv } from '../service/readCsv';

/** A data row of an imported file: its cells by column name. */
export type ImportRecord = { row: number; cells: Map<string, string> };

/** An imported file, read: its columns, its rows, and rows it could not read. */
export type ParsedImportFile = {
  columns: string[];
  records: ImportRecord[];
  errors: SignalImportRowError[];
};

/** Longest CSV record read; a longer one is reported (e.g. 10 MB on one line). */
export const MAX_CSV_RECORD_CHARS = 65_536;

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of the header line: spreadsheets in many locales export
 * `;` (or tabs) where the decimal separator is a comma.
 */
function detectDelimiter(content: string): string {
  const end = content.search(/\r|\n/);
  const header = content.slice(0, end < 0 ? MAX_CSV_RECORD_CHARS : end);
  const count = (d: string) => header.split(d).length - 1;
  return [...DELIMITERS].sort((a, b) => count(b) - count(a))[0];
}

function checkEncoding(content: string) {
  // The browser (and any UTF-8 decoder) turns bytes that are not UTF-8
  // into U+FFFD. (A UTF-16 file read as UTF-8 is full of NULs, which the
  // request checks of every route refuse before this.)
  const replaced = content.indexOf('\uFFFD');
  if (replaced >= 0) {
    const line = content.slice(0, replaced).split(/\r\n|\n|\r/).length;
    throw new InputError(
      `the file is not UTF-8 text (an undecodable character on line ${line}); save or export it as UTF-8 (e.g. "CSV UTF-8" in Excel)`,
    );
  }
}

function checkRowCount(rows: number) {
  if (rows > MAX_SIGNAL_IMPORT_ROWS) {
    throw new InputError(
      `the file has ${rows} data rows; at most ${MAX_SIGNAL_IMPORT_ROWS} are imported at once (split it)`,
    );
  }
}

function parseCsv(content: string): ParsedImportFile {
  const { header, records, errors } = readCsv(content, {
    delimiter: detectDelimiter(content),
    maxRecordSize: MAX_CSV_RECORD_CHARS,
  });
  if (!header) {
    const why = errors[0]?.message.replace(/^malformed CSV: /, '');
    throw new InputError(
      why
        ? `CSV header line could not be read: ${why}`
        : 'the file is empty: a CSV import needs a header line naming its columns',
    );
  }
  const unnamed = header.findIndex(name => name === '');
  if (unnamed >= 0) {
    throw new InputError(
      `CSV header: column ${unnamed + 1} has no name; every column needs one`,
    );
  }
  const repeated = header.find((name, i) => header.indexOf(name) !== i);
  if (repeated !== undefined) {
    throw new InputError(`CSV header: column '${repeated}' appears twice`);
  }
  checkRowCount(records.length + errors.length);
  return {
    columns: header,
    records: records.map(({ row, cells }) => ({
      row,
      cells: new Map(header.map((name, i) => [name, cells[i]])),
    })),
    errors,
  };
}

type JsonCell = string | number | boolean | null;

function parseJson(content: string): ParsedImportFile {
  let items: unknown;
  try {
    items = JSON.parse(content);
  } catch (error) {
    throw new InputError(`the file is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(items)) {
    throw new InputError(
      'a JSON import is an array of flat objects, one per signal, e.g. [{"id": "4711", "created": "2026-11-27"}]',
    );
  }
  checkRowCount(items.length);
  const columns = new Set<string>();
  const records: ImportRecord[] = [];
  const errors: SignalImportRowError[] = [];
  items.forEach((item, index) => {
    const row = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ row, message: 'must be an object of column → value' });
      return;
    }
    const cells = new Map<string, string>();
    for (const [key, value] of Object.entries(
      item as Record<string, unknown>,
    )) {
      if (value !== null && typeof value === 'object') {
        errors.push({
          row,
          column: key,
          message: `${key}: must be a string, number or boolean, not a nested ${
            Array.isArray(value) ? 'array' : 'object'
          }`,
        });
        return;
      }
      columns.add(key);
      const cell = value as JsonCell;
      cells.set(key, cell === null ? '' : String(cell));
    }
    records.push({ row, cells });
  });
  return { columns: [...columns], records, errors };
}

/**
 * Reads an imported file: CSV (a header line, then one signal a line;
 * delimiter `,`, `;` or tab, detected from the header) or a JSON array of
 * flat objects. Rows it cannot read are reported by row; a file that is
 * unusable as a whole (not UTF-8, no header, not a JSON array, too many
 * rows) is an InputError.
 */
export function parseSignalFile(
  content: string,
  format: 'csv' | 'json',
): ParsedImportFile {
  checkEncoding(content);
  return format === 'csv' ? parseCsv(content) : parseJson(content);
}
