import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  SignalImportField,
  SignalImportMapping,
  SignalImportRowError,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import { ImportRecord } from './parseSignalFile';

/** A row's problem before it is a signal (the row number is added later). */
export type CellError = Omit<SignalImportRowError, 'row'>;

/** Fields a signal cannot do without; `externalId` is derived when unmapped. */
const REQUIRED: SignalImportField[] = ['kind', 'entityRef', 'occurredAt'];
const DEFAULTABLE = ['kind', 'entityRef', 'severity'] as const;

/**
 * A cell a spreadsheet would run as a formula (CSV injection): its value
 * is not what the exporter saw, and it must not reach our own CSV exports.
 */
const FORMULA = /^[=+@\t\r]|^-(?![\d.])/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SEVERITY_BY_LEVEL = ['critical', 'high', 'medium', 'low'];

/** `occurredAt (column "Created")`: how a message names a cell. */
export function describeCell(field: string, column?: string): string {
  return column ? `${field} (column "${column}")` : field;
}

/**
 * Problems of the mapping itself, against the file's columns: a required
 * field without a column or default, a column the file lacks. Each is
 * reported once (row 0), not once a row.
 */
export function checkMapping(
  mapping: SignalImportMapping,
  columns: string[],
): CellError[] {
  const errors: CellError[] = [];
  const known = new Set(columns);
  const list = columns.length ? columns.join(', ') : 'none';
  for (const [field, column] of Object.entries(mapping.columns)) {
    if (column && !known.has(column)) {
      errors.push({
        field,
        column,
        message: `${field}: the file has no column "${column}" (its columns: ${list})`,
      });
    }
  }
  for (const column of mapping.attributes ?? []) {
    if (!known.has(column)) {
      errors.push({
        field: 'attributes',
        column,
        message: `attributes: the file has no column "${column}" (its columns: ${list})`,
      });
    }
  }
  for (const field of REQUIRED) {
    const canDefault = (DEFAULTABLE as readonly string[]).includes(field);
    const defaulted =
      canDefault &&
      Boolean(mapping.defaults?.[field as (typeof DEFAULTABLE)[number]]);
    if (!mapping.columns[field] && !defaulted) {
      errors.push({
        field,
        message: `${field}: map a column to it${
          canDefault ? ' or set a default' : ''
        }`,
      });
    }
  }
  return errors;
}

/** What most exports write: RFC 3339 in UTC, read without luxon (faster). */
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** An ISO 8601 time (offset optional: UTC) as the API's date-time. */
function toDateTime(cell: string): string | undefined {
  if (UTC_DATE_TIME.test(cell)) {
    const date = new Date(cell);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  let time = DateTime.fromISO(cell, { zone: 'utc', setZone: true });
  if (!time.isValid) time = DateTime.fromSQL(cell, { zone: 'utc' });
  return time.isValid ? time.toUTC().toISO() ?? undefined : undefined;
}

function toKind(cell: string): string {
  // "Support case", "support-case" → support_case
  return cell.toLocaleLowerCase('en-US').replace(/[\s-]+/g, '_');
}

function toSeverity(cell: string): string {
  const level = /^(?:p|sev)\s*([1-4])$/i.exec(cell);
  return level
    ? SEVERITY_BY_LEVEL[Number(level[1]) - 1]
    : cell.toLocaleLowerCase('en-US');
}

/** A bare entity name (as most exports hold them) names a Component. */
function toEntityRef(cell: string): string {
  return cell.includes(':') ? cell : `component:${cell}`;
}

/** The same cells always give the same id: a re-upload changes nothing. */
function derivedExternalId(signal: Omit<SignalInput, 'externalId'>): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(signal))
    .digest('hex');
  return `row-${digest.slice(0, 32)}`;
}

/**
 * One row of a file as the signal its mapping makes of it, or what is wrong
 * with its cells. The signal still goes through the ingestion's own
 * validation (`validateSignal`): this only reads cells into fields.
 */
export function mapSignalRow(
  record: ImportRecord,
  mapping: SignalImportMapping,
  source: string,
): { signal: SignalInput } | { errors: CellError[] } {
  const errors: CellError[] = [];
  const cell = (field: SignalImportField): string | undefined => {
    const column = mapping.columns[field];
    const value = column ? record.cells.get(column)?.trim() : undefined;
    return value === '' ? undefined : value;
  };
  const fail = (field: string, column: string | undefined, why: string) =>
    errors.push({
      field,
      column,
      message: `${describeCell(field, column)}: ${why}`,
    });

  for (const [field, column] of [
    ...Object.entries(mapping.columns),
    ...(mapping.attributes ?? []).map(c => [`attributes.${c}`, c]),
  ]) {
    const value = column ? record.cells.get(column) : undefined;
    if (value && FORMULA.test(value)) {
      fail(
        field,
        column,
        `'${value.slice(
          0,
          40,
        )}' looks like a spreadsheet formula; formulas are not imported (export the values)`,
      );
    }
  }

  const kind = cell('kind') ?? mapping.defaults?.kind;
  const entityRef = cell('entityRef') ?? mapping.defaults?.entityRef;
  const severity = cell('severity') ?? mapping.defaults?.severity;
  const occurredAtCell = cell('occurredAt');
  const resolvedAtCell = cell('resolvedAt');
  const valueCell = cell('value');
  for (const [field, value] of [
    ['kind', kind],
    ['entityRef', entityRef],
    ['occurredAt', occurredAtCell],
  ] as const) {
    if (value === undefined) fail(field, mapping.columns[field], 'is empty');
  }

  const times: Partial<Record<'occurredAt' | 'resolvedAt', string>> = {};
  for (const [field, value] of [
    ['occurredAt', occurredAtCell],
    ['resolvedAt', resolvedAtCell],
  ] as const) {
    if (value === undefined) continue;
    const time = toDateTime(value);
    if (time) times[field] = time;
    else {
      fail(
        field,
        mapping.columns[field],
        `'${value.slice(
          0,
          40,
        )}' is not a date or time (ISO 8601, e.g. 2026-11-27T09:30:00Z, 2026-11-27 09:30 or 2026-11-27)`,
      );
    }
  }
  if (valueCell !== undefined && !NUMBER.test(valueCell)) {
    fail(
      'value',
      mapping.columns.value,
      `'${valueCell.slice(
        0,
        40,
      )}' is not a number (digits, a point as decimal separator)`,
    );
  }
  if (errors.length > 0) return { errors };

  const attributes: Record<string, string> = {};
  for (const column of mapping.attributes ?? []) {
    const value = record.cells.get(column)?.trim();
    if (value) attributes[column] = value;
  }
  const account = cell('account');
  const fieldRole = cell('fieldRole');
  const handledBy = cell('handledBy');
  const content: Omit<SignalInput, 'externalId'> = {
    source,
    kind: toKind(kind!),
    entityRef: toEntityRef(entityRef!),
    occurredAt: times.occurredAt!,
    ...(times.resolvedAt && { resolvedAt: times.resolvedAt }),
    ...(severity && { severity: toSeverity(severity) }),
    ...(account && { account }),
    ...(valueCell !== undefined && { value: Number(valueCell) }),
    ...(fieldRole && { fieldRole }),
    ...(handledBy && { handledBy }),
    ...(Object.keys(attributes).length > 0 && { attributes }),
  } as Omit<SignalInput, 'externalId'>;
  return {
    signal: {
      ...content,
      externalId: cell('externalId') ?? derivedExternalId(content),
    } as SignalInput,
  };
}
