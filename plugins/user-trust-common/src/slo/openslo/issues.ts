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

export type Issues = OpenSloIssue[];

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
 * Rejects every key outside `allowed`: fields the engine does not act on are
 * errors, never silently ignored. `unsupported` gives the reason for keys
 * that are valid OpenSLO but not supported here.
 */
export function checkKeys(
  value: Obj,
  path: string,
  issues: Issues,
  allowed: readonly string[],
  unsupported: Record<string, string> = {},
) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      issues.push({
        path: childPath(path, key),
        message: Object.prototype.hasOwnProperty.call(unsupported, key)
          ? `is not supported: ${unsupported[key]}`
          : 'is not supported',
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
