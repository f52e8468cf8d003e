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
  isFiniteNumber,
  isObject,
  requireObject,
  optionalString,
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
  checkKeys(value, path, issues, QUERY_KEYS);

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

  if (issues.length > before) {
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

/**
 * The `spec` of a `metricSource` of type `UserTrust` (the only type: the
 * engine reads signals, not monitoring back-ends); undefined with issues
 * otherwise.
 */
function readMetricSourceSpec(
  value: unknown,
  path: string,
  issues: Issues,
): { spec: unknown; path: string } | undefined {
  if (!isObject(value)) {
    issues.push({ path, message: 'must be an object with metricSource' });
    return undefined;
  }
  checkKeys(value, path, issues, ['metricSource']);
  const sourcePath = childPath(path, 'metricSource');
  const source = value.metricSource;
  if (!isObject(source)) {
    issues.push({
      path: sourcePath,
      message:
        source === undefined
          ? 'is required'
          : 'must be an object with type and spec',
    });
    return undefined;
  }
  const before = issues.length;
  checkKeys(source, sourcePath, issues, ['type', 'spec'], {
    metricSourceRef:
      'user-trust indicators are inline signal queries (type: UserTrust)',
  });
  const typePath = childPath(sourcePath, 'type');
  if (source.type === undefined) {
    issues.push({ path: typePath, message: 'is required (UserTrust)' });
  } else if (source.type !== 'UserTrust') {
    issues.push({
      path: typePath,
      message: `metricSource type ${String(
        source.type,
      )} is not supported: user-trust SLOs are computed from signals`,
    });
  }
  if (source.spec === undefined) {
    issues.push({
      path: childPath(sourcePath, 'spec'),
      message: 'is required',
    });
  }
  return issues.length > before
    ? undefined
    : { spec: source.spec, path: childPath(sourcePath, 'spec') };
}

function readQueryMetric(value: unknown, path: string, issues: Issues) {
  const source = readMetricSourceSpec(value, path, issues);
  return source && readSignalQuery(source.spec, source.path, issues);
}

function readRatioMetric(
  value: Obj,
  path: string,
  issues: Issues,
): SloIndicator | undefined {
  const before = issues.length;
  checkKeys(value, path, issues, ['good', 'bad', 'total', 'counter'], {
    raw: 'user-trust ratios are computed from good or bad and total signals',
    rawType:
      'user-trust ratios are computed from good or bad and total signals',
  });
  // Signals are discrete events, so `counter` changes nothing; it is
  // accepted because OpenSLO tooling often requires it.
  if (value.counter !== undefined && typeof value.counter !== 'boolean') {
    issues.push({
      path: childPath(path, 'counter'),
      message: 'must be true or false',
    });
  }
  if (value.good !== undefined && value.bad !== undefined) {
    issues.push({
      path: childPath(path, 'bad'),
      message: 'cannot be used together with good',
    });
  } else if (value.good === undefined && value.bad === undefined) {
    issues.push({
      path: childPath(path, 'good'),
      message: 'is required (or bad)',
    });
  }
  const good =
    value.good !== undefined
      ? readQueryMetric(value.good, childPath(path, 'good'), issues)
      : undefined;
  const bad =
    value.bad !== undefined
      ? readQueryMetric(value.bad, childPath(path, 'bad'), issues)
      : undefined;
  let total: SignalQuery | undefined;
  if (value.total === undefined) {
    issues.push({ path: childPath(path, 'total'), message: 'is required' });
  } else {
    total = readQueryMetric(value.total, childPath(path, 'total'), issues);
  }
  if (issues.length > before || !total) {
    return undefined;
  }
  return good ? { type: 'ratio', good, total } : { type: 'ratio', bad, total };
}

function readThresholdMetric(
  value: Obj,
  path: string,
  issues: Issues,
): SloIndicator | undefined {
  const source = readMetricSourceSpec(value, path, issues);
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
  checkKeys(spec, source.path, issues, ['rate', 'count']);
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
  checkKeys(rate, ratePath, issues, ['events', 'exposure', 'per']);
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
  if (issues.length > before || !events || !exposure) {
    return undefined;
  }
  return { type: 'rate', events, exposure, per: rate.per as number };
}

/**
 * Reads the `spec` of an SLI: `ratioMetric` (good or bad, and total) or
 * `thresholdMetric` (rate or count). Returns the description alongside.
 */
export function readIndicatorSpec(
  value: unknown,
  path: string,
  issues: Issues,
): { indicator: SloIndicator; description?: string } | undefined {
  if (!requireObject(value, path, issues)) return undefined;
  const before = issues.length;
  checkKeys(value, path, issues, [
    'description',
    'ratioMetric',
    'thresholdMetric',
  ]);
  const description = optionalString(value, 'description', path, issues, 1050);
  const hasRatio = value.ratioMetric !== undefined;
  const hasThreshold = value.thresholdMetric !== undefined;
  let indicator: SloIndicator | undefined;
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
    const metric = value[key];
    if (!isObject(metric)) {
      issues.push({ path: childPath(path, key), message: 'must be an object' });
    } else {
      indicator = hasRatio
        ? readRatioMetric(metric, childPath(path, key), issues)
        : readThresholdMetric(metric, childPath(path, key), issues);
    }
  }
  if (issues.length > before || !indicator) {
    return undefined;
  }
  return description === undefined ? { indicator } : { indicator, description };
}
