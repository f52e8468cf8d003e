import {
  IndicatorContext,
  IndicatorRead,
  readIndicatorSpec,
} from './indicatorSpec';
import { Issues, checkKeys, childPath, failedSince, isObject } from './issues';
import { readMetadata } from './metadata';

/**
 * An SLI of the stream, read from a `kind: SLI` document: its metric and
 * indicator, and whether it is invalid (`error`) or valid but not usable by
 * User Trust (`unsupported`).
 */
export type SliEntry = IndicatorRead & {
  problem?: 'error' | 'unsupported';
};

/** How the issues recorded after `before` classify what was read. */
export function problemSince(
  issues: Issues,
  before: number,
): SliEntry['problem'] {
  const added = issues.slice(before);
  if (added.some(i => i.level === undefined)) return 'error';
  return failedSince(issues, before) ? 'unsupported' : undefined;
}

/** Reads an SLI given inline as `spec.indicator` of an SLO. */
export function readInlineIndicator(
  value: unknown,
  path: string,
  issues: Issues,
  context: IndicatorContext,
): IndicatorRead {
  if (!isObject(value)) {
    issues.push({
      path,
      message: 'must be an SLI: an object with metadata and spec',
    });
    return {};
  }
  const before = issues.length;
  checkKeys(
    value,
    path,
    issues,
    ['metadata', 'spec'],
    'an inline SLI in OpenSLO v1',
  );
  readMetadata(value.metadata, childPath(path, 'metadata'), issues, 'SLI');
  const read = readIndicatorSpec(
    value.spec,
    childPath(path, 'spec'),
    issues,
    context,
  );
  return failedSince(issues, before) ? { metric: read.metric } : read;
}
