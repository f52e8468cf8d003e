import type { UserTrustApiSchemas as Schemas } from './schema';

/**
 * The signal fields a column of an imported file can hold (`source` is the
 * import's own; attributes come from `mapping.attributes`).
 *
 * @public
 */
export const SIGNAL_IMPORT_FIELDS = [
  'externalId',
  'kind',
  'entityRef',
  'occurredAt',
  'resolvedAt',
  'severity',
  'account',
  'value',
  'fieldRole',
  'handledBy',
] as const;

/** @public */
export type SignalImportField = (typeof SIGNAL_IMPORT_FIELDS)[number];

/** Most data rows one imported file may hold. @public */
export const MAX_SIGNAL_IMPORT_ROWS = 200_000;

/** Row errors an import answer lists (it counts them all). @public */
export const MAX_SIGNAL_IMPORT_ERRORS_LISTED = 1000;

/** Which column holds which signal field, and constants. @public */
export type SignalImportMapping = Schemas['SignalImportMapping'];

/** `POST /imports/signals`. @public */
export type SignalImportRequest = Schemas['SignalImportRequest'];

/** A bad row of an import (row 0: the file as a whole). @public */
export type SignalImportRowError = Schemas['SignalImportRowError'];

/** What an import or its dry run did, or would do. @public */
export type SignalImportResult = Schemas['SignalImportResult'];

/** How far a streamed import has got. @public */
export type SignalImportProgress = Schemas['SignalImportProgress'];

/** One line of a streamed (`application/x-ndjson`) import answer. @public */
export type SignalImportStreamLine = Schemas['SignalImportStreamLine'];

/** A mapping saved for an import source. @public */
export type SavedSignalImportMapping = Schemas['SavedSignalImportMapping'];
