import { UserTrustSlo } from '../types';
import { Issues, unsupported } from './issues';

export type BudgetingMethod = UserTrustSlo['budgetingMethod'];

/** What OpenSLO v1 allows; RatioTimeslices is not supported by User Trust yet. */
export type SpecBudgetingMethod = BudgetingMethod | 'RatioTimeslices';

/**
 * Reads `spec.budgetingMethod` (required: Occurrences, Timeslices or
 * RatioTimeslices). RatioTimeslices is returned, with an unsupported issue,
 * so that the objective is still checked against the spec.
 */
export function readBudgetingMethod(
  value: unknown,
  path: string,
  issues: Issues,
): SpecBudgetingMethod | undefined {
  if (value === 'Occurrences' || value === 'Timeslices') {
    return value;
  }
  if (value === 'RatioTimeslices') {
    unsupported(
      issues,
      path,
      'RatioTimeslices is not supported by User Trust yet: use Timeslices (with timeSliceTarget and timeSliceWindow) or Occurrences',
    );
    return value;
  }
  issues.push({
    path,
    message:
      value === undefined
        ? 'is required (Occurrences, Timeslices or RatioTimeslices)'
        : 'must be Occurrences, Timeslices or RatioTimeslices',
  });
  return undefined;
}
