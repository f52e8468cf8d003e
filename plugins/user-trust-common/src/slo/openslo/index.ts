export type { OpenSloIssue } from './issues';
export { formatOpenSloIssue, OpenSloValidationError } from './errors';
export type { OpenSloValidationResult } from './validate';
export { parseOpenSlo, validateOpenSlo } from './validate';
