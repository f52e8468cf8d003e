import { UserTrustSlo } from '../types';
import { Issues } from './issues';

export type BudgetingMethod = UserTrustSlo['budgetingMethod'];

/** Reads `spec.budgetingMethod`: Occurrences or Timeslices. */
export function readBudgetingMethod(
  value: unknown,
  path: string,
  issues: Issues,
): BudgetingMethod | undefined {
  if (value === 'Occurrences' || value === 'Timeslices') {
    return value;
  }
  let message: string;
  if (value === undefined) {
    message = 'is required (Occurrences or Timeslices)';
  } else if (value === 'RatioTimeslices') {
    message = 'RatioTimeslices is not supported: use Occurrences or Timeslices';
  } else {
    message = 'must be Occurrences or Timeslices';
  }
  issues.push({ path, message });
  return undefined;
}
