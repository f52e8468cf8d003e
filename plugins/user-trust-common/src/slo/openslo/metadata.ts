import {
  Issues,
  checkKeys,
  childPath,
  failedSince,
  isFiniteNumber,
  isObject,
  requireObject,
  optionalString,
  unsupported,
} from './issues';

/** RFC 1123 DNS label, as OpenSLO v1 requires of `metadata.name`. */
const NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A label key, or the name segment of an annotation key. */
const KEY_NAME_PATTERN = /^[A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN_PATTERN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const WEIGHT_ANNOTATION = 'user-trust.io/weight';

/** What is read from the `metadata` of a document. */
export type Metadata = { name: string; displayName?: string; weight?: number };

/** Checks `metadata.name`: required, a DNS label (RFC 1123). */
function checkName(name: unknown, path: string, issues: Issues) {
  if (name === undefined) {
    issues.push({ path, message: 'is required' });
  } else if (typeof name !== 'string') {
    issues.push({ path, message: 'must be a string' });
  } else if (name.length > 63) {
    issues.push({ path, message: 'must be at most 63 characters' });
  } else if (!NAME_PATTERN.test(name)) {
    issues.push({
      path,
      message:
        'must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit',
    });
  }
}

const keyNameRule =
  'at most 63 characters: letters, digits, "-", "_" and ".", starting and ending with a letter or digit';

function checkLabels(value: unknown, path: string, issues: Issues) {
  if (value === undefined) return;
  if (!isObject(value)) {
    issues.push({ path, message: 'must be a map' });
    return;
  }
  for (const [key, label] of Object.entries(value)) {
    const labelPath = childPath(path, key);
    if (key.length > 63 || !KEY_NAME_PATTERN.test(key)) {
      issues.push({ path: labelPath, message: `key must be ${keyNameRule}` });
    }
    if (
      typeof label !== 'string' &&
      !(Array.isArray(label) && label.every(v => typeof v === 'string'))
    ) {
      issues.push({
        path: labelPath,
        message: 'must be a string or a list of strings',
      });
    }
  }
}

function checkAnnotationKey(key: string, path: string, issues: Issues) {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (name.length > 63 || !KEY_NAME_PATTERN.test(name)) {
    issues.push({ path, message: `key's name must be ${keyNameRule}` });
  }
  if (
    prefix !== undefined &&
    (prefix.length > 253 || !DNS_SUBDOMAIN_PATTERN.test(prefix))
  ) {
    issues.push({
      path,
      message:
        "key's prefix must be a DNS subdomain (DNS labels separated by dots, at most 253 characters)",
    });
  }
}

/**
 * Reads `metadata` of a document of any kind: a DNS-label name, a display
 * name, labels and annotations as OpenSLO v1 defines them and, on SLOs, the
 * user-trust.io/weight annotation.
 */
export function readMetadata(
  value: unknown,
  path: string,
  issues: Issues,
  kind: string,
): Metadata | undefined {
  if (!requireObject(value, path, issues)) return undefined;
  const before = issues.length;
  checkKeys(
    value,
    path,
    issues,
    ['name', 'displayName', 'labels', 'annotations'],
    'metadata in OpenSLO v1',
  );
  checkName(value.name, childPath(path, 'name'), issues);
  const displayName = optionalString(value, 'displayName', path, issues);

  // Labels and annotations are metadata for people and other tools; only
  // the user-trust.io annotations change what the engine does.
  checkLabels(value.labels, childPath(path, 'labels'), issues);
  let weight: number | undefined;
  const annotationsPath = childPath(path, 'annotations');
  if (value.annotations !== undefined && !isObject(value.annotations)) {
    issues.push({ path: annotationsPath, message: 'must be a map' });
  } else if (isObject(value.annotations)) {
    for (const [key, annotation] of Object.entries(value.annotations)) {
      const annotationPath = childPath(annotationsPath, key);
      checkAnnotationKey(key, annotationPath, issues);
      // A bare YAML number is accepted for the weight (it always was).
      const isWeight = key === WEIGHT_ANNOTATION && kind === 'SLO';
      if (
        typeof annotation !== 'string' &&
        !(isWeight && isFiniteNumber(annotation))
      ) {
        issues.push({ path: annotationPath, message: 'must be a string' });
        continue;
      }
      if (!key.startsWith('user-trust.io/')) {
        continue;
      }
      if (key !== WEIGHT_ANNOTATION) {
        unsupported(
          issues,
          annotationPath,
          `is not a User Trust annotation: only ${WEIGHT_ANNOTATION} is read; remove it`,
        );
      } else if (kind !== 'SLO') {
        unsupported(
          issues,
          annotationPath,
          `is only read on SLO documents by User Trust: move it to the SLO's metadata`,
        );
      } else {
        const parsed =
          typeof annotation === 'string' && annotation.trim() !== ''
            ? Number(annotation)
            : annotation;
        if (isFiniteNumber(parsed) && parsed > 0) {
          weight = parsed;
        } else {
          unsupported(
            issues,
            annotationPath,
            'must be a positive number for User Trust (the weight in the trust score), e.g. "2"',
          );
        }
      }
    }
  }
  if (failedSince(issues, before)) {
    return undefined;
  }
  return {
    name: value.name as string,
    ...(displayName !== undefined && { displayName }),
    ...(weight !== undefined && { weight }),
  };
}
