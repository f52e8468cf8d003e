import { SloIndicator } from '../types';
import { readIndicatorSpec } from './indicatorSpec';
import { Issues, checkKeys, childPath, isObject } from './issues';
import { readMetadata } from './metadata';

/** An SLI, read from a `kind: SLI` document or inline `spec.indicator`. */
export type SliEntry = { indicator?: SloIndicator };

/** Reads an SLI given inline as `spec.indicator` of an SLO. */
export function readInlineIndicator(
  value: unknown,
  path: string,
  issues: Issues,
): SloIndicator | undefined {
  if (!isObject(value)) {
    issues.push({
      path,
      message: 'must be an SLI: an object with metadata and spec',
    });
    return undefined;
  }
  checkKeys(value, path, issues, ['metadata', 'spec']);
  const metadata = readMetadata(
    value.metadata,
    childPath(path, 'metadata'),
    issues,
    'SLI',
  );
  const spec = readIndicatorSpec(value.spec, childPath(path, 'spec'), issues);
  return metadata && spec?.indicator;
}
