import { OpenSloIssue } from './issues';

/**
 * A path as an author reads it: `spec.budgetingMethod` for a single
 * document, `[1] spec.budgetingMethod` when there are several.
 *
 * @public
 */
export function formatOpenSloIssue(
  issue: OpenSloIssue,
  documentCount: number,
): string {
  const match = /^documents\[(\d+)\](?:\.(.*))?$/.exec(issue.path);
  if (!match) {
    return `${issue.path}: ${issue.message}`;
  }
  const [, index, rest] = match;
  let where: string;
  if (documentCount > 1) {
    where = rest ? `[${index}] ${rest}` : `[${index}]`;
  } else {
    where = rest ?? 'document';
  }
  return `${where}: ${issue.message}`;
}

/**
 * Thrown by {@link parseOpenSlo}. `errors` holds every problem; the message
 * lists them as `path: message`, separated by `; `, fit for a 400 answer.
 *
 * @public
 */
export class OpenSloValidationError extends Error {
  readonly errors: OpenSloIssue[];

  constructor(errors: OpenSloIssue[], documentCount?: number) {
    const count =
      documentCount ??
      (errors.some(e => /^documents\[[1-9]/.test(e.path)) ? 2 : 1);
    super(errors.map(e => formatOpenSloIssue(e, count)).join('; '));
    this.name = 'OpenSloValidationError';
    this.errors = errors;
  }
}
