import { InputError } from '@backstage/errors';
import {
  IngestSignalsResult,
  MAX_SIGNAL_IMPORT_ERRORS_LISTED,
  SignalImportRequest,
  SignalImportResult,
  SignalImportRowError,
  SignalInput,
} from '@user-trust/plugin-user-trust-common';
import { SignalIngestor } from '../signals/SignalIngestor';
import { NormalizedSignal } from '../signals/types';
import { SignalFieldError, validateSignal } from '../signals/validateSignals';
import { checkMapping, describeCell, mapSignalRow } from './mapSignalRow';
import { parseSignalFile } from './parseSignalFile';

/** Rows checked between two turns of the event loop. */
const YIELD_EVERY_ROWS = 2000;
const yieldToEventLoop = () => new Promise(resolve => setImmediate(resolve));

/** Good rows shown as the signals they become. */
const PREVIEW_ROWS = 5;
/** Bad rows a refused import names in its 400 message. */
const ERRORS_IN_MESSAGE = 5;

/** A file read, mapped and checked: what an import writes, or refuses. */
export type CheckedImport = {
  result: SignalImportResult;
  /** The good rows, validated and known to the catalog. */
  signals: NormalizedSignal[];
};

/**
 * File imports (CSV, JSON) of signals: every row is read through the
 * mapping and held to exactly the rules of `POST /signals`
 * (`validateSignal`, the catalog check), every bad row is reported, and a
 * good file is stored through the one ingestion, in one transaction.
 */
export class SignalImportService {
  constructor(private readonly ingestor: SignalIngestor) {}

  /** Reads and checks the file; writes nothing. */
  async check(request: SignalImportRequest): Promise<CheckedImport> {
    const file = parseSignalFile(request.content, request.format);
    const errors: SignalImportRowError[] = [...file.errors];
    const rows = file.records.length + file.errors.length;
    const base = { rows, columns: file.columns, applied: false };

    const mappingErrors = checkMapping(request.mapping, file.columns);
    if (mappingErrors.length > 0) {
      return {
        result: this.result(
          base,
          [...mappingErrors.map(e => ({ row: 0, ...e })), ...errors],
          [],
        ),
        signals: [],
      };
    }

    const now = new Date();
    const good: Array<{ row: number; signal: NormalizedSignal }> = [];
    const firstRowOf = new Map<string, number>();
    for (const [index, record] of file.records.entries()) {
      // A file of 100,000 rows takes seconds to check: let other requests in.
      if (index % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
      const mapped = mapSignalRow(record, request.mapping, request.source);
      if ('errors' in mapped) {
        errors.push(...mapped.errors.map(e => ({ row: record.row, ...e })));
        continue;
      }
      let signal: NormalizedSignal;
      try {
        signal = validateSignal(mapped.signal, record.row, {
          now,
          bounds: this.ingestor.bounds,
        });
      } catch (error) {
        if (!(error instanceof SignalFieldError)) throw error;
        errors.push(this.fieldError(record.row, error, request));
        continue;
      }
      const earlier = firstRowOf.get(signal.externalId);
      if (earlier !== undefined) {
        const column = request.mapping.columns.externalId;
        errors.push({
          row: record.row,
          field: 'externalId',
          column,
          message: `${describeCell(
            'externalId',
            column,
          )}: repeats row ${earlier} (${
            column
              ? 'the same id'
              : 'the same cells; map an id column if both are real'
          })`,
        });
        continue;
      }
      firstRowOf.set(signal.externalId, record.row);
      good.push({ row: record.row, signal });
    }

    const unknown = await this.ingestor.unknownRefs(good.map(g => g.signal));
    const known = good.filter(({ row, signal }) => {
      const missing = (['entityRef', 'handledBy'] as const).filter(
        field => signal[field] && unknown.has(signal[field]!),
      );
      for (const field of missing) {
        const column = request.mapping.columns[field];
        errors.push({
          row,
          field,
          column,
          message: `${describeCell(field, column)}: no entity ${
            signal[field]
          } in the catalog`,
        });
      }
      return missing.length === 0;
    });

    const signals = known.map(k => k.signal);
    return {
      result: this.result(base, errors, signals),
      signals,
    };
  }

  /** The dry run: the check, and what storing the good rows would do. */
  async dryRun(request: SignalImportRequest): Promise<SignalImportResult> {
    const { result, signals } = await this.check(request);
    return { ...result, ...(await this.ingestor.preview(signals)) };
  }

  /**
   * Stores a checked import in one transaction, or refuses it (400, nothing
   * written) when any row is bad.
   */
  async write(
    checked: CheckedImport,
    onProgress?: (written: number, total: number) => void,
  ): Promise<SignalImportResult> {
    const { result, signals } = checked;
    refuseUnlessClean(result);
    const counts: IngestSignalsResult = await this.ingestor.store(signals, {
      // Always told, so the write yields to other requests between chunks.
      onProgress: onProgress ?? (() => {}),
    });
    return { ...result, ...counts, dryRun: false, applied: true };
  }

  private result(
    base: Pick<SignalImportResult, 'rows' | 'columns' | 'applied'>,
    errors: SignalImportRowError[],
    signals: NormalizedSignal[],
  ): SignalImportResult {
    errors.sort((a, b) => a.row - b.row);
    return {
      ...base,
      dryRun: true,
      created: 0,
      updated: 0,
      unchanged: 0,
      errorCount: errors.length,
      errors: errors.slice(0, MAX_SIGNAL_IMPORT_ERRORS_LISTED),
      preview: signals.slice(0, PREVIEW_ROWS).map(toSignalInput),
    };
  }

  /** Ingestion's message for a signal field, told as the file's row and column. */
  private fieldError(
    row: number,
    error: SignalFieldError,
    request: SignalImportRequest,
  ): SignalImportRowError {
    const [field, attribute] = error.field.split(/\.(.*)/s);
    const column =
      field === 'attributes'
        ? attribute
        : request.mapping.columns[
            field as keyof typeof request.mapping.columns
          ];
    return {
      row,
      field: error.field || undefined,
      column,
      message: `${describeCell(error.field || 'row', column)}: ${error.reason}`,
    };
  }
}

/** A 400 naming the first bad rows, unless the import has none. */
function refuseUnlessClean(result: SignalImportResult) {
  if (result.errorCount === 0 && result.rows > 0) return;
  if (result.rows === 0) {
    throw new InputError('the file has no data rows; nothing was imported');
  }
  const named = result.errors
    .slice(0, ERRORS_IN_MESSAGE)
    .map(e => (e.row > 0 ? `row ${e.row}, ${e.message}` : e.message))
    .join('; ');
  const more =
    result.errorCount > ERRORS_IN_MESSAGE
      ? `; and ${result.errorCount - ERRORS_IN_MESSAGE} more`
      : '';
  throw new InputError(
    `${result.errorCount} problem(s) in ${result.rows} rows, nothing was imported (a dry run lists them all): ${named}${more}`,
  );
}

function toSignalInput(signal: NormalizedSignal): SignalInput {
  return {
    source: signal.source,
    externalId: signal.externalId,
    kind: signal.kind,
    entityRef: signal.entityRef,
    occurredAt: signal.occurredAt.toISOString(),
    ...(signal.resolvedAt && { resolvedAt: signal.resolvedAt.toISOString() }),
    ...(signal.severity && { severity: signal.severity }),
    ...(signal.account && { account: signal.account }),
    ...(signal.value !== null && { value: signal.value }),
    ...(signal.fieldRole && { fieldRole: signal.fieldRole }),
    ...(signal.handledBy && { handledBy: signal.handledBy }),
    ...(signal.attributes && { attributes: JSON.parse(signal.attributes) }),
  };
}
