export { BulkAssignTab } from './BulkAssignTab';
export type { QuickAssignPreset } from './QuickAssign';
export { appendCsvRows } from './writeImportCsv';
