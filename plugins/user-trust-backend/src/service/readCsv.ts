import { parse } from 'csv-parse/sync';

/** A data record of a CSV file, numbered by the data line it starts on. */
export type CsvRecord = { row: number; cells: string[] };

/** A data row that could not be read, numbered like a record. */
export type CsvRowError = { row: number; column?: string; message: string };

export type CsvText = {
  /** The header's cells; undefined for a file without any line. */
  header?: string[];
  /** Records with as many cells as the header, none holding NUL. */
  records: CsvRecord[];
  /** Malformed lines, wrong cell counts and NUL cells, by row. */
  errors: CsvRowError[];
};

export type ReadCsvOptions = {
  delimiter?: string;
  /** Longest record in characters; a longer one is reported, not read. */
  maxRecordSize?: number;
};

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
 * Reads CSV text (RFC 4180; a BOM is skipped, cells trimmed, empty lines
 * skipped): the first record is the header, the others are data rows
 * numbered by the data line they start on (the header not counted).
 * Malformed lines, records with another cell count than the header and
 * cells holding NUL characters (which PostgreSQL cannot store) are
 * reported by row, never thrown, so one bad line cannot hide the others.
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvText {
  const errors: CsvRowError[] = [];
  const skipped: Array<{ line: number; message: string }> = [];
  const parsed = parse(text, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    delimiter: options.delimiter ?? ',',
    max_record_size: options.maxRecordSize ?? 0,
    on_skip: (error: { lines?: number; message: string } | undefined) => {
      if (error) {
        skipped.push({ line: error.lines ?? 2, message: error.message });
      }
      return undefined;
    },
  }) as unknown as Array<{ record: string[]; info: RecordInfo }>;

  if (parsed.length === 0) {
    return {
      records: [],
      errors: skipped.map(({ message }) => ({
        row: 0,
        message: `malformed CSV: ${message}`,
      })),
    };
  }
  const header = parsed[0].record;
  const startLine = lineNumbers(text);
  const headerLine = startLine(header, parsed[0].info);

  for (const { line, message } of skipped) {
    const row = Math.max(1, line - headerLine);
    // A bad quote can take the rest of the text with it: one error a row.
    if (!errors.some(e => e.row === row)) {
      errors.push({ row, message: `malformed CSV: ${message}` });
    }
  }

  const records: CsvRecord[] = [];
  for (const { record, info } of parsed.slice(1)) {
    const row = startLine(record, info) - headerLine;
    if (record.length !== header.length) {
      errors.push({
        row,
        message: `malformed CSV line: expected ${header.length} fields, got ${record.length}`,
      });
      continue;
    }
    const nulAt = record.findIndex(cell => cell.includes('\u0000'));
    if (nulAt >= 0) {
      errors.push({
        row,
        column: header[nulAt],
        message: `${header[nulAt]}: must not contain NUL characters (\\u0000)`,
      });
      continue;
    }
    records.push({ row, cells: record });
  }
  errors.sort((a, b) => a.row - b.row);
  return { header, records, errors };
}
