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
 * The two kinds of problem in one text, always told apart: the spec's rules
 * after `Invalid OpenSLO v1:` and the product's limits after
 * `Not supported by User Trust:`, each a `; `-separated list of
 * `path: message`.
 *
 * @public
 */
export function describeOpenSloIssues(
  problems: { errors: OpenSloIssue[]; unsupported: OpenSloIssue[] },
  documentCount: number,
): string {
  const list = (issues: OpenSloIssue[]) =>
    issues.map(e => formatOpenSloIssue(e, documentCount)).join('; ');
  return [
    problems.errors.length > 0 &&
      `Invalid OpenSLO v1: ${list(problems.errors)}`,
    problems.unsupported.length > 0 &&
      `Not supported by User Trust: ${list(problems.unsupported)}`,
  ]
    .filter(Boolean)
    .join('. ');
}

/**
 * Thrown by {@link parseOpenSlo}. `errors` holds every rule of the spec
 * broken, `unsupported` every product limit met; the message lists both
 * (see {@link describeOpenSloIssues}), fit for a 400 answer.
 *
 * @public
 */
export class OpenSloValidationError extends Error {
  readonly errors: OpenSloIssue[];
  readonly unsupported: OpenSloIssue[];

  constructor(
    errors: OpenSloIssue[],
    documentCount?: number,
    unsupported: OpenSloIssue[] = [],
  ) {
    const count =
      documentCount ??
      ([...errors, ...unsupported].some(e => /^documents\[[1-9]/.test(e.path))
        ? 2
        : 1);
    super(describeOpenSloIssues({ errors, unsupported }, count));
    this.name = 'OpenSloValidationError';
    this.errors = errors;
    this.unsupported = unsupported;
  }
}
