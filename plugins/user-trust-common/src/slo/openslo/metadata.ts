import {
  Issues,
  checkKeys,
  childPath,
  isFiniteNumber,
  isObject,
  requireObject,
  optionalString,
} from './issues';

const NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const WEIGHT_ANNOTATION = 'user-trust.io/weight';

/** What is read from the `metadata` of an SLO or SLI document. */
export type Metadata = { name: string; displayName?: string; weight?: number };

/**
 * Reads `metadata`: a DNS-label name, a display name and, on SLOs, the
 * user-trust.io/weight annotation.
 */
export function readMetadata(
  value: unknown,
  path: string,
  issues: Issues,
  kind: 'SLO' | 'SLI',
): Metadata | undefined {
  if (!requireObject(value, path, issues)) return undefined;
  const before = issues.length;
  checkKeys(value, path, issues, [
    'name',
    'displayName',
    'labels',
    'annotations',
  ]);
  const namePath = childPath(path, 'name');
  const name = value.name;
  if (name === undefined) {
    issues.push({ path: namePath, message: 'is required' });
  } else if (typeof name !== 'string') {
    issues.push({ path: namePath, message: 'must be a string' });
  } else if (name.length > 63) {
    issues.push({ path: namePath, message: 'must be at most 63 characters' });
  } else if (!NAME_PATTERN.test(name)) {
    issues.push({
      path: namePath,
      message:
        'must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit',
    });
  }
  const displayName = optionalString(value, 'displayName', path, issues);

  // Labels and annotations are metadata for people and other tools; only
  // the user-trust.io annotations change what the engine does.
  if (value.labels !== undefined && !isObject(value.labels)) {
    issues.push({ path: childPath(path, 'labels'), message: 'must be a map' });
  }
  let weight: number | undefined;
  const annotationsPath = childPath(path, 'annotations');
  if (value.annotations !== undefined && !isObject(value.annotations)) {
    issues.push({ path: annotationsPath, message: 'must be a map' });
  } else if (isObject(value.annotations)) {
    for (const [key, annotation] of Object.entries(value.annotations)) {
      if (!key.startsWith('user-trust.io/')) {
        continue;
      }
      const annotationPath = childPath(annotationsPath, key);
      if (key !== WEIGHT_ANNOTATION) {
        issues.push({
          path: annotationPath,
          message: `unknown user-trust annotation: only ${WEIGHT_ANNOTATION} is read`,
        });
      } else if (kind !== 'SLO') {
        issues.push({
          path: annotationPath,
          message: 'is only read on SLO documents',
        });
      } else {
        // Annotations are strings in OpenSLO; a bare YAML number is fine too.
        const parsed =
          typeof annotation === 'string' && annotation.trim() !== ''
            ? Number(annotation)
            : annotation;
        if (isFiniteNumber(parsed) && parsed > 0) {
          weight = parsed;
        } else {
          issues.push({
            path: annotationPath,
            message: 'must be a positive number',
          });
        }
      }
    }
  }
  if (issues.length > before) {
    return undefined;
  }
  return {
    name: name as string,
    ...(displayName !== undefined && { displayName }),
    ...(weight !== undefined && { weight }),
  };
}
