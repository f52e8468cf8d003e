import { SloTimeWindow, ThresholdOp, UserTrustSlo } from '../types';
import { SpecBudgetingMethod } from './budgetingMethod';
import {
  Issues,
  Obj,
  checkKeys,
  childPath,
  failedSince,
  isFiniteNumber,
  isObject,
  optionalString,
  unsupported,
  warn,
} from './issues';
import { MetricKind } from './indicatorSpec';
import { windowMinDays } from './timeWindow';

const THRESHOLD_OPS: ThresholdOp[] = ['lt', 'lte', 'gt', 'gte'];
const MINUTES_PER_UNIT: Record<string, number> = {
  m: 1,
  h: 60,
  d: 1440,
  w: 7 * 1440,
};
const DAY_MINUTES = 1440;

/**
 * `timeSliceWindow`: a duration shorthand, or a number of minutes (OpenSLO
 * v1). User Trust counts signals per day, so it takes whole days only.
 */
function readSliceDays(
  value: unknown,
  path: string,
  issues: Issues,
): number | undefined {
  let minutes: number | undefined;
  let unit: string | undefined;
  if (isFiniteNumber(value) && Number.isInteger(value) && value > 0) {
    minutes = value;
  } else if (typeof value === 'string') {
    const match = /^([1-9][0-9]*)([mhdwMQY])$/.exec(value);
    if (match) {
      unit = match[2];
      minutes =
        unit in MINUTES_PER_UNIT
          ? Number(match[1]) * MINUTES_PER_UNIT[unit]
          : undefined;
    }
  }
  if (minutes === undefined && unit === undefined) {
    issues.push({
      path,
      message:
        'must be a duration shorthand like 1d or 5m, or a whole number of minutes',
    });
    return undefined;
  }
  if (minutes === undefined || minutes % DAY_MINUTES !== 0) {
    unsupported(
      issues,
      path,
      'User Trust counts signals per day, so time slices must be whole days or weeks: use e.g. 1d, 7d or 1w',
    );
    return undefined;
  }
  return minutes / DAY_MINUTES;
}

type ObjectiveContext = {
  metric: MetricKind | undefined;
  method: SpecBudgetingMethod | undefined;
  timeWindow: SloTimeWindow | undefined;
};

/** Checks one objective against the spec; returns it when User Trust can use it. */
function readObjective(
  o: Obj,
  objPath: string,
  issues: Issues,
  { metric, method, timeWindow }: ObjectiveContext,
): UserTrustSlo['objective'] | undefined {
  const before = issues.length;
  const composite =
    'composite SLOs (an indicator per objective) are not supported by User Trust: write one SLO per indicator, with spec.indicator or spec.indicatorRef';
  checkKeys(
    o,
    objPath,
    issues,
    [
      'displayName',
      'target',
      'targetPercent',
      'op',
      'value',
      'timeSliceTarget',
      'timeSliceWindow',
      'compositeWeight',
    ],
    'an objective in OpenSLO v1',
    { indicator: composite, indicatorRef: composite },
  );
  const displayName = optionalString(o, 'displayName', objPath, issues);
  if (
    o.compositeWeight !== undefined &&
    !(isFiniteNumber(o.compositeWeight) && o.compositeWeight > 0)
  ) {
    issues.push({
      path: childPath(objPath, 'compositeWeight'),
      message: 'must be a number greater than 0',
    });
  }

  let target: number | undefined;
  if (o.target !== undefined && o.targetPercent !== undefined) {
    issues.push({
      path: childPath(objPath, 'targetPercent'),
      message: 'cannot be used together with target',
    });
  } else if (o.target !== undefined) {
    if (!isFiniteNumber(o.target) || o.target < 0 || o.target >= 1) {
      issues.push({
        path: childPath(objPath, 'target'),
        message: 'must be in [0, 1)',
      });
    } else {
      target = o.target;
    }
  } else if (o.targetPercent !== undefined) {
    const p = o.targetPercent;
    if (!isFiniteNumber(p) || p < 0 || p >= 100) {
      issues.push({
        path: childPath(objPath, 'targetPercent'),
        message: 'must be in [0, 100)',
      });
    } else {
      // toPrecision drops the binary noise of /100 (99.9 → 0.999, not 0.9990000000000001).
      target = Number((p / 100).toPrecision(12));
    }
  } else {
    issues.push({
      path: childPath(objPath, 'target'),
      message: 'is required (or targetPercent)',
    });
  }

  // op and value compare a thresholdMetric with a threshold; a ratio
  // objective does not need them.
  const opPath = childPath(objPath, 'op');
  const valuePath = childPath(objPath, 'value');
  let op: ThresholdOp | undefined;
  let thresholdValue: number | undefined;
  if (o.op !== undefined && !THRESHOLD_OPS.includes(o.op as ThresholdOp)) {
    issues.push({ path: opPath, message: 'must be one of lte, gte, lt, gt' });
  } else if (o.op !== undefined) {
    op = o.op as ThresholdOp;
  }
  if (o.value !== undefined && !isFiniteNumber(o.value)) {
    issues.push({ path: valuePath, message: 'must be a number' });
  } else if (o.value !== undefined) {
    thresholdValue = o.value;
  }
  if (metric === 'threshold') {
    if (o.op === undefined) {
      issues.push({
        path: opPath,
        message: 'is required for a thresholdMetric (lte, gte, lt or gt)',
      });
    }
    if (o.value === undefined) {
      issues.push({
        path: valuePath,
        message: 'is required for a thresholdMetric',
      });
    }
  } else if (metric === 'ratio') {
    for (const [key, given] of [
      ['op', op],
      ['value', thresholdValue],
    ] as const) {
      if (given !== undefined) {
        warn(
          issues,
          childPath(objPath, key),
          'is only used with a thresholdMetric: User Trust ignores it for a ratioMetric, whose slices are judged by timeSliceTarget',
        );
      }
    }
    op = undefined;
    thresholdValue = undefined;
  }

  const sliceTargetPath = childPath(objPath, 'timeSliceTarget');
  const windowPath = childPath(objPath, 'timeSliceWindow');
  const t = o.timeSliceTarget;
  let timeSliceTarget: number | undefined;
  if (t !== undefined && (!isFiniteNumber(t) || t <= 0 || t > 1)) {
    issues.push({ path: sliceTargetPath, message: 'must be in (0, 1]' });
  } else {
    timeSliceTarget = t as number | undefined;
  }
  let timeSliceDays: number | undefined;
  if (method === 'Occurrences') {
    for (const [key, path] of [
      ['timeSliceTarget', sliceTargetPath],
      ['timeSliceWindow', windowPath],
    ] as const) {
      if (o[key] !== undefined) {
        warn(
          issues,
          path,
          'is only used with budgetingMethod Timeslices or RatioTimeslices: ignored under Occurrences',
        );
      }
    }
    timeSliceTarget = undefined;
  } else if (method === 'Timeslices' || method === 'RatioTimeslices') {
    if (o.timeSliceWindow === undefined) {
      issues.push({
        path: windowPath,
        message: `is required with budgetingMethod ${method} (e.g. 1d)`,
      });
    } else {
      const sliceBefore = issues.length;
      timeSliceDays = readSliceDays(o.timeSliceWindow, windowPath, issues);
      if (
        !failedSince(issues, sliceBefore) &&
        timeSliceDays !== undefined &&
        timeWindow &&
        timeSliceDays > windowMinDays(timeWindow)
      ) {
        unsupported(
          issues,
          windowPath,
          `a time slice longer than the time window (${timeWindow.duration}) cannot be judged by User Trust: use a shorter timeSliceWindow, e.g. 1d`,
        );
      }
    }
    if (method === 'Timeslices' && o.timeSliceTarget === undefined) {
      issues.push({
        path: sliceTargetPath,
        message:
          'is required with budgetingMethod Timeslices: the share of a slice that must be good, in (0, 1]',
      });
    }
  }

  if (failedSince(issues, before) || target === undefined) {
    return undefined;
  }
  return {
    ...(displayName !== undefined && { displayName }),
    target,
    ...(op !== undefined && { op }),
    ...(thresholdValue !== undefined && { value: thresholdValue }),
    ...(timeSliceTarget !== undefined && { timeSliceTarget }),
    ...(timeSliceDays !== undefined && { timeSliceDays }),
  };
}

/**
 * Reads `spec.objectives`: a non-empty list, of exactly one objective for a
 * thresholdMetric. Every objective is checked; User Trust uses an SLO of one
 * objective. Which fields apply depends on the indicator's metric and the
 * budgeting method, passed when known (undefined when they are themselves
 * invalid, to avoid follow-on errors).
 */
export function readObjectives(
  value: unknown,
  path: string,
  issues: Issues,
  context: ObjectiveContext,
): UserTrustSlo['objective'] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({
      path,
      message:
        value === undefined
          ? 'is required (a list of objectives)'
          : 'must be a list of at least one objective',
    });
    return undefined;
  }
  const before = issues.length;
  if (value.length > 1 && context.metric === 'threshold') {
    issues.push({
      path,
      message: 'must hold exactly one objective for a thresholdMetric',
    });
  } else if (value.length > 1) {
    unsupported(
      issues,
      path,
      'several objectives per SLO are not supported by User Trust yet: write one SLO per objective',
    );
  }
  const objectives = value.map((o, i) => {
    const objPath = `${path}[${i}]`;
    if (!isObject(o)) {
      issues.push({ path: objPath, message: 'must be an object' });
      return undefined;
    }
    return readObjective(o, objPath, issues, context);
  });
  return failedSince(issues, before) ? undefined : objectives[0];
}
