import type { UserTrustApiSchemas as Schemas } from '../../schema';
// Small helpers shared by the OpenSLO readers: they collect every problem
// (instead of stopping at the first) so that an author sees all of them at
// once, each with the path of the offending field.

/**
 * One problem found in OpenSLO input: where (`documents[0].spec.objectives[0].target`)
 * and which rule it breaks.
 *
 * @public
 */
export type OpenSloIssue = Schemas['OpenSloIssue'];

/**
 * An issue as the readers collect it. Without a level it is an error: the
 * document breaks a rule of OpenSLO v1 (or of the UserTrust metric source's
 * query). `unsupported`: valid OpenSLO that User Trust cannot act on; the SLO
 * it belongs to is skipped. `warning`: something read and ignored.
 */
export type Issue = OpenSloIssue & { level?: 'unsupported' | 'warning' };

export type Issues = Issue[];

/** Records a product limit: valid OpenSLO v1 that User Trust cannot use. */
export function unsupported(issues: Issues, path: string, message: string) {
  issues.push({ path, message, level: 'unsupported' });
}

/** Records something valid that is read and then ignored. */
export function warn(issues: Issues, path: string, message: string) {
  issues.push({ path, message, level: 'warning' });
}

/** Whether an error or unsupported issue was recorded after index `before`. */
export function failedSince(issues: Issues, before: number): boolean {
  for (let i = before; i < issues.length; i++) {
    if (issues[i].level !== 'warning') return true;
  }
  return false;
}

export type Obj = Record<string, unknown>;

export const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether `value` is an object; if not, records at `path` that it is
 * required (absent) or must be an object (anything else).
 */
export function requireObject(
  value: unknown,
  path: string,
  issues: Issues,
): value is Obj {
  if (isObject(value)) return true;
  issues.push({
    path,
    message: value === undefined ? 'is required' : 'must be an object',
  });
  return false;
}

/** `path.key`, or `path["key"]` when the key is not an identifier. */
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Checks the keys of an object against `allowed`: a key outside it is not
 * a field of `what` (an error, e.g. `an SLO's spec in OpenSLO v1`); `limits` lists keys that are
 * valid OpenSLO but that User Trust does not support, with what to write
 * instead (unsupported, never silently ignored).
 */
export function checkKeys(
  value: Obj,
  path: string,
  issues: Issues,
  allowed: readonly string[],
  what: string,
  limits: Record<string, string> = {},
) {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    if (Object.prototype.hasOwnProperty.call(limits, key)) {
      unsupported(issues, childPath(path, key), limits[key]);
    } else {
      issues.push({
        path: childPath(path, key),
        message: `is not a field of ${what}`,
      });
    }
  }
}

/** An optional string field; undefined (with an issue) when not a string. */
export function optionalString(
  value: Obj,
  key: string,
  path: string,
  issues: Issues,
  maxLength?: number,
): string | undefined {
  const field = value[key];
  if (field === undefined) {
    return undefined;
  }
  if (typeof field !== 'string') {
    issues.push({ path: childPath(path, key), message: 'must be a string' });
    return undefined;
  }
  if (maxLength !== undefined && field.length > maxLength) {
    issues.push({
      path: childPath(path, key),
      message: `must be at most ${maxLength} characters`,
    });
    return undefined;
  }
  return field;
}

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
