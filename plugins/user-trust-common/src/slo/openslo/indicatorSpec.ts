import {
  SIGNAL_KINDS,
  SIGNAL_SEVERITIES,
  SignalKind,
  SignalSeverity,
} from '../../signals';
import {
  Issues,
  Obj,
  checkKeys,
  childPath,
  failedSince,
  isFiniteNumber,
  isObject,
  requireObject,
  optionalString,
  unsupported,
} from './issues';
import { SignalQuery, SloIndicator } from '../types';

// Reads the `spec` of an OpenSLO SLI (a `kind: SLI` document or an inline
// `spec.indicator`) whose metric sources are user-trust signal queries.

const QUERY_KEYS = [
  'kind',
  'severity',
  'valueAtLeast',
  'valueAtMost',
  'account',
  'attributes',
] as const;

/** Reads a {@link SignalQuery}; undefined when it has any problem. */
export function readSignalQuery(
  value: unknown,
  path: string,
  issues: Issues,
): SignalQuery | undefined {
  if (!isObject(value)) {
    issues.push({
      path,
      message: 'must be a signal query (an object with at least kind)',
    });
    return undefined;
  }
  const before = issues.length;
  checkKeys(
    value,
    path,
    issues,
    QUERY_KEYS,
    `a UserTrust signal query (${QUERY_KEYS.join(', ')})`,
  );

  const kindPath = childPath(path, 'kind');
  const isKind = (k: unknown): k is SignalKind =>
    typeof k === 'string' && (SIGNAL_KINDS as readonly string[]).includes(k);
  const unknownKind = (k: unknown) =>
    typeof k === 'string'
      ? `unknown signal kind "${k}"`
      : 'must be a signal kind';
  if (value.kind === undefined) {
    issues.push({ path: kindPath, message: 'is required' });
  } else if (Array.isArray(value.kind)) {
    if (value.kind.length === 0) {
      issues.push({ path: kindPath, message: 'must not be empty' });
    }
    value.kind.forEach((k, i) => {
      if (!isKind(k)) {
        issues.push({ path: `${kindPath}[${i}]`, message: unknownKind(k) });
      }
    });
  } else if (!isKind(value.kind)) {
    issues.push({
      path: kindPath,
      message:
        typeof value.kind === 'string'
          ? unknownKind(value.kind)
          : 'must be a signal kind or a list of them',
    });
  }

  if (value.severity !== undefined) {
    const severityPath = childPath(path, 'severity');
    if (!Array.isArray(value.severity) || value.severity.length === 0) {
      issues.push({
        path: severityPath,
        message: `must be a non-empty list of severities (${SIGNAL_SEVERITIES.join(
          ', ',
        )})`,
      });
    } else {
      value.severity.forEach((s, i) => {
        if (!(SIGNAL_SEVERITIES as readonly unknown[]).includes(s)) {
          issues.push({
            path: `${severityPath}[${i}]`,
            message: `unknown severity ${JSON.stringify(
              s,
            )}: use ${SIGNAL_SEVERITIES.join(', ')}`,
          });
        }
      });
    }
  }

  for (const key of ['valueAtLeast', 'valueAtMost'] as const) {
    if (value[key] !== undefined && !isFiniteNumber(value[key])) {
      issues.push({ path: childPath(path, key), message: 'must be a number' });
    }
  }
  if (
    isFiniteNumber(value.valueAtLeast) &&
    isFiniteNumber(value.valueAtMost) &&
    value.valueAtLeast > value.valueAtMost
  ) {
    issues.push({
      path: childPath(path, 'valueAtLeast'),
      message: 'must not be greater than valueAtMost',
    });
  }

  if (
    value.account !== undefined &&
    !(
      Array.isArray(value.account) &&
      value.account.length > 0 &&
      value.account.every(a => typeof a === 'string' && a !== '')
    )
  ) {
    issues.push({
      path: childPath(path, 'account'),
      message: 'must be a non-empty list of account names',
    });
  }

  if (value.attributes !== undefined) {
    const attributesPath = childPath(path, 'attributes');
    if (!isObject(value.attributes)) {
      issues.push({
        path: attributesPath,
        message: 'must be a map of attribute values',
      });
    } else {
      for (const [key, v] of Object.entries(value.attributes)) {
        if (
          !(
            typeof v === 'string' ||
            typeof v === 'boolean' ||
            isFiniteNumber(v)
          )
        ) {
          issues.push({
            path: childPath(attributesPath, key),
            message: 'must be a string, number or boolean',
          });
        }
      }
    }
  }

  if (failedSince(issues, before)) {
    return undefined;
  }
  const query: SignalQuery = {
    kind: Array.isArray(value.kind)
      ? [...(value.kind as SignalKind[])]
      : (value.kind as SignalKind),
  };
  if (value.severity !== undefined) {
    query.severity = [...(value.severity as SignalSeverity[])];
  }
  if (value.valueAtLeast !== undefined) {
    query.valueAtLeast = value.valueAtLeast as number;
  }
  if (value.valueAtMost !== undefined) {
    query.valueAtMost = value.valueAtMost as number;
  }
  if (value.account !== undefined) {
    query.account = [...(value.account as string[])];
  }
  if (value.attributes !== undefined) {
    query.attributes = { ...(value.attributes as SignalQuery['attributes']) };
  }
  return query;
}

/** Which metric an SLI uses: ratioMetric or thresholdMetric. */
export type MetricKind = 'ratio' | 'threshold';

/**
 * What the SLIs of a stream may refer to: the type of each DataSource by
 * name (undefined when it has none), to infer a metric source's type from
 * its metricSourceRef.
 */
export type IndicatorContext = { dataSources: Map<string, string | undefined> };

const USE_USER_TRUST =
  'User Trust computes SLOs from signals: use type: UserTrust with a signal query as spec';

/**
 * The `spec` of a `metricSource` whose type is (or, through its
 * metricSourceRef, resolves to) `UserTrust`: the engine reads signals, not
 * monitoring back-ends. Undefined with issues otherwise.
 */
function readMetricSourceSpec(
  value: unknown,
  path: string,
  issues: Issues,
  context: IndicatorContext,
): { spec: unknown; path: string } | undefined {
  if (!isObject(value)) {
    issues.push({ path, message: 'must be an object with metricSource' });
    return undefined;
  }
  const before = issues.length;
  checkKeys(value, path, issues, ['metricSource'], 'a metric in OpenSLO v1');
  const sourcePath = childPath(path, 'metricSource');
  const source = value.metricSource;
  if (!isObject(source)) {
    issues.push({
      path: sourcePath,
      message:
        source === undefined
          ? 'is required'
          : 'must be an object with type (or metricSourceRef) and spec',
    });
    return undefined;
  }
  checkKeys(
    source,
    sourcePath,
    issues,
    ['metricSourceRef', 'type', 'spec'],
    'a metricSource in OpenSLO v1',
  );
  const typePath = childPath(sourcePath, 'type');
  const refPath = childPath(sourcePath, 'metricSourceRef');
  const ref = source.metricSourceRef;
  if (ref !== undefined && typeof ref !== 'string') {
    issues.push({
      path: refPath,
      message: 'must be the name of a DataSource',
    });
  }
  if (source.type !== undefined && typeof source.type !== 'string') {
    issues.push({ path: typePath, message: 'must be a string' });
  } else if (source.type === undefined && ref === undefined) {
    issues.push({
      path: typePath,
      message: 'is required when metricSourceRef is not given',
    });
  }
  if (source.spec === undefined) {
    issues.push({
      path: childPath(sourcePath, 'spec'),
      message: 'is required',
    });
  }
  if (failedSince(issues, before)) {
    return undefined;
  }
  if (typeof source.type === 'string') {
    if (source.type !== 'UserTrust') {
      unsupported(
        issues,
        typePath,
        `metric source type ${source.type} is not supported by User Trust: ${USE_USER_TRUST}`,
      );
    }
  } else if (!context.dataSources.has(ref as string)) {
    unsupported(
      issues,
      refPath,
      `names no DataSource of these documents, so User Trust cannot tell the metric source's type: add type: UserTrust`,
    );
  } else if (context.dataSources.get(ref as string) !== 'UserTrust') {
    unsupported(
      issues,
      refPath,
      `names a DataSource of type ${String(
        context.dataSources.get(ref as string),
      )}, which User Trust does not read: ${USE_USER_TRUST}`,
    );
  }
  return failedSince(issues, before)
    ? undefined
    : { spec: source.spec, path: childPath(sourcePath, 'spec') };
}

function readQueryMetric(
  value: unknown,
  path: string,
  issues: Issues,
  context: IndicatorContext,
) {
  const source = readMetricSourceSpec(value, path, issues, context);
  return source && readSignalQuery(source.spec, source.path, issues);
}

function readRatioMetric(
  value: Obj,
  path: string,
  issues: Issues,
  context: IndicatorContext,
): SloIndicator | undefined {
  const before = issues.length;
  checkKeys(
    value,
    path,
    issues,
    ['good', 'bad', 'total', 'counter', 'raw', 'rawType'],
    'a ratioMetric in OpenSLO v1',
  );
  // Signals are discrete events, so `counter` changes nothing; it is
  // accepted because OpenSLO tooling often requires it.
  if (value.counter !== undefined && typeof value.counter !== 'boolean') {
    issues.push({
      path: childPath(path, 'counter'),
      message: 'must be true or false',
    });
  }
  const rawTypePath = childPath(path, 'rawType');
  if (value.raw !== undefined) {
    const rawPath = childPath(path, 'raw');
    for (const key of ['good', 'bad', 'total']) {
      if (value[key] !== undefined) {
        issues.push({
          path: childPath(path, key),
          message: 'cannot be used together with raw',
        });
      }
    }
    if (value.rawType === undefined) {
      issues.push({
        path: rawTypePath,
        message: 'is required with raw (success or failure)',
      });
    } else if (value.rawType !== 'success' && value.rawType !== 'failure') {
      issues.push({ path: rawTypePath, message: 'must be success or failure' });
    }
    const rawBefore = issues.length;
    readMetricSourceSpec(value.raw, rawPath, issues, context);
    if (!failedSince(issues, before) && !failedSince(issues, rawBefore)) {
      unsupported(
        issues,
        rawPath,
        'precomputed ratios are not supported by User Trust: write good (or bad) and total signal queries',
      );
    }
    return undefined;
  }
  if (value.rawType !== undefined) {
    issues.push({ path: rawTypePath, message: 'is only used with raw' });
  }
  if (value.good !== undefined && value.bad !== undefined) {
    issues.push({
      path: childPath(path, 'bad'),
      message: 'cannot be used together with good',
    });
  } else if (value.good === undefined && value.bad === undefined) {
    issues.push({
      path: childPath(path, 'good'),
      message: 'is required (or bad, or raw)',
    });
  }
  const good =
    value.good !== undefined
      ? readQueryMetric(value.good, childPath(path, 'good'), issues, context)
      : undefined;
  const bad =
    value.bad !== undefined
      ? readQueryMetric(value.bad, childPath(path, 'bad'), issues, context)
      : undefined;
  let total: SignalQuery | undefined;
  if (value.total === undefined) {
    issues.push({ path: childPath(path, 'total'), message: 'is required' });
  } else {
    total = readQueryMetric(
      value.total,
      childPath(path, 'total'),
      issues,
      context,
    );
  }
  if (failedSince(issues, before) || !total) {
    return undefined;
  }
  return good ? { type: 'ratio', good, total } : { type: 'ratio', bad, total };
}

function readThresholdMetric(
  value: Obj,
  path: string,
  issues: Issues,
  context: IndicatorContext,
): SloIndicator | undefined {
  const source = readMetricSourceSpec(value, path, issues, context);
  if (!source) {
    return undefined;
  }
  const spec = source.spec;
  if (
    !isObject(spec) ||
    (spec.rate === undefined) === (spec.count === undefined)
  ) {
    issues.push({
      path: source.path,
      message:
        isObject(spec) && spec.rate !== undefined
          ? 'must contain rate or count, not both'
          : 'must contain rate (events per exposure) or count (a signal query)',
    });
    return undefined;
  }
  checkKeys(
    spec,
    source.path,
    issues,
    ['rate', 'count'],
    'a UserTrust thresholdMetric spec (rate or count)',
  );
  if (spec.count !== undefined) {
    const events = readSignalQuery(
      spec.count,
      childPath(source.path, 'count'),
      issues,
    );
    return events && { type: 'count', events };
  }
  const ratePath = childPath(source.path, 'rate');
  if (!isObject(spec.rate)) {
    issues.push({
      path: ratePath,
      message: 'must be an object with events, exposure and per',
    });
    return undefined;
  }
  const rate = spec.rate;
  const before = issues.length;
  checkKeys(
    rate,
    ratePath,
    issues,
    ['events', 'exposure', 'per'],
    'a UserTrust rate (events, exposure, per)',
  );
  const events = readSignalQuery(
    rate.events,
    childPath(ratePath, 'events'),
    issues,
  );
  const exposure = readSignalQuery(
    rate.exposure,
    childPath(ratePath, 'exposure'),
    issues,
  );
  if (!isFiniteNumber(rate.per) || rate.per <= 0) {
    issues.push({
      path: childPath(ratePath, 'per'),
      message:
        rate.per === undefined
          ? 'is required (e.g. 1000 for events per 1,000 exposure units)'
          : 'must be a positive number',
    });
  }
  if (failedSince(issues, before) || !events || !exposure) {
    return undefined;
  }
  return { type: 'rate', events, exposure, per: rate.per as number };
}

/** An SLI's spec as read: its metric, and its indicator when usable. */
export type IndicatorRead = {
  metric?: MetricKind;
  indicator?: SloIndicator;
  description?: string;
};

/**
 * Reads the `spec` of an SLI: `ratioMetric` (good or bad, and total) or
 * `thresholdMetric` (rate or count). The metric is returned even when the
 * indicator cannot be used, so that objectives are checked against it.
 */
export function readIndicatorSpec(
  value: unknown,
  path: string,
  issues: Issues,
  context: IndicatorContext,
): IndicatorRead {
  if (!requireObject(value, path, issues)) return {};
  const before = issues.length;
  checkKeys(
    value,
    path,
    issues,
    ['description', 'ratioMetric', 'thresholdMetric'],
    "an SLI's spec in OpenSLO v1",
  );
  const description = optionalString(value, 'description', path, issues, 1050);
  const hasRatio = value.ratioMetric !== undefined;
  const hasThreshold = value.thresholdMetric !== undefined;
  let indicator: SloIndicator | undefined;
  let metric: MetricKind | undefined;
  if (hasRatio && hasThreshold) {
    issues.push({
      path: childPath(path, 'ratioMetric'),
      message: 'cannot be used together with thresholdMetric',
    });
  } else if (!hasRatio && !hasThreshold) {
    issues.push({
      path,
      message: 'must contain ratioMetric or thresholdMetric',
    });
  } else {
    const key = hasRatio ? 'ratioMetric' : 'thresholdMetric';
    metric = hasRatio ? 'ratio' : 'threshold';
    const m = value[key];
    if (!isObject(m)) {
      issues.push({ path: childPath(path, key), message: 'must be an object' });
    } else {
      indicator = hasRatio
        ? readRatioMetric(m, childPath(path, key), issues, context)
        : readThresholdMetric(m, childPath(path, key), issues, context);
    }
  }
  if (failedSince(issues, before) || !indicator) {
    return { metric };
  }
  return {
    metric,
    indicator,
    ...(description !== undefined && { description }),
  };
}
