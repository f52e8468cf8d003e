export type { OpenSloIssue } from './issues';
export {
  describeOpenSloIssues,
  formatOpenSloIssue,
  OpenSloValidationError,
} from './errors';
export type {
  OpenSloAlertCondition,
  OpenSloAlertNotificationTarget,
  OpenSloAlertPolicy,
  OpenSloAlertPolicyUse,
  OpenSloNamed,
  OpenSloService,
} from './otherKinds';
export type { OpenSloValidationResult } from './validate';
export { parseOpenSlo, validateOpenSlo } from './validate';
