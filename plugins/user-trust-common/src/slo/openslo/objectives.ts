import {
  SloIndicator,
  SloTimeWindow,
  ThresholdOp,
  UserTrustSlo,
} from '../types';
import { BudgetingMethod } from './budgetingMethod';
import {
  Issues,
  checkKeys,
  childPath,
  isFiniteNumber,
  isObject,
  optionalString,
} from './issues';
import { windowMinDays } from './timeWindow';

const THRESHOLD_OPS: ThresholdOp[] = ['lt', 'lte', 'gt', 'gte'];

function readSliceDays(value: unknown, path: string, issues: Issues) {
  if (typeof value === 'string') {
    const match = /^([1-9][0-9]*)([mhdw])$/.exec(value);
    if (match && (match[2] === 'm' || match[2] === 'h')) {
      issues.push({
        path,
        message:
          'time slices shorter than a day are not supported: signals are counted per day',
      });
      return undefined;
    }
    if (match) {
      return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
    }
  }
  issues.push({
    path,
    message: 'must be a whole number of days or weeks, e.g. 1d, 7d or 1w',
  });
  return undefined;
}

/**
 * Reads the single objective. Which fields apply depends on the indicator
 * type and budgeting method, so those are passed when known (undefined when
 * they are themselves invalid, to avoid follow-on errors).
 */
export function readObjectives(
  value: unknown,
  path: string,
  issues: Issues,
  indicator: SloIndicator | undefined,
  method: BudgetingMethod | undefined,
  timeWindow: SloTimeWindow | undefined,
): UserTrustSlo['objective'] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({
      path,
      message:
        value === undefined
          ? 'is required (a list with one objective)'
          : 'must be a list with one objective',
    });
    return undefined;
  }
  if (value.length > 1) {
    issues.push({ path, message: 'only one objective per SLO is supported' });
    return undefined;
  }
  const objPath = `${path}[0]`;
  const o = value[0];
  if (!isObject(o)) {
    issues.push({ path: objPath, message: 'must be an object' });
    return undefined;
  }
  const before = issues.length;
  const objectiveIndicator =
    'objective-level indicators are not supported: use spec.indicator';
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
    ],
    {
      indicator: objectiveIndicator,
      indicatorRef: objectiveIndicator,
      compositeWeight: 'an SLO has a single objective',
    },
  );
  const displayName = optionalString(o, 'displayName', objPath, issues);

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

  const threshold = indicator && indicator.type !== 'ratio';
  let op: ThresholdOp | undefined;
  let thresholdValue: number | undefined;
  if (indicator && !threshold) {
    for (const key of ['op', 'value']) {
      if (o[key] !== undefined) {
        issues.push({
          path: childPath(objPath, key),
          message:
            'is only used by rate and count indicators: a ratio objective is judged by target (and timeSliceTarget)',
        });
      }
    }
  } else if (threshold) {
    if (o.op === undefined) {
      issues.push({
        path: childPath(objPath, 'op'),
        message:
          'is required for rate and count indicators (lt, lte, gt or gte)',
      });
    } else if (!THRESHOLD_OPS.includes(o.op as ThresholdOp)) {
      issues.push({
        path: childPath(objPath, 'op'),
        message: 'must be one of lt, lte, gt, gte',
      });
    } else {
      op = o.op as ThresholdOp;
    }
    if (o.value === undefined) {
      issues.push({
        path: childPath(objPath, 'value'),
        message: 'is required for rate and count indicators',
      });
    } else if (!isFiniteNumber(o.value)) {
      issues.push({
        path: childPath(objPath, 'value'),
        message: 'must be a number',
      });
    } else {
      thresholdValue = o.value;
    }
  }

  let timeSliceDays: number | undefined;
  let timeSliceTarget: number | undefined;
  if (method === 'Occurrences') {
    for (const key of ['timeSliceTarget', 'timeSliceWindow']) {
      if (o[key] !== undefined) {
        issues.push({
          path: childPath(objPath, key),
          message: 'is only used with budgetingMethod Timeslices',
        });
      }
    }
  } else if (method === 'Timeslices') {
    const windowPath = childPath(objPath, 'timeSliceWindow');
    timeSliceDays =
      o.timeSliceWindow === undefined
        ? 1
        : readSliceDays(o.timeSliceWindow, windowPath, issues);
    if (
      timeSliceDays !== undefined &&
      timeWindow &&
      timeSliceDays > windowMinDays(timeWindow)
    ) {
      issues.push({
        path: windowPath,
        message: 'must not be longer than the time window',
      });
    }
    const sliceTargetPath = childPath(objPath, 'timeSliceTarget');
    if (threshold && o.timeSliceTarget !== undefined) {
      issues.push({
        path: sliceTargetPath,
        message:
          'is only used by ratio indicators: rate and count slices are judged by op and value',
      });
    } else if (indicator && !threshold) {
      const t = o.timeSliceTarget;
      if (t === undefined) {
        issues.push({
          path: sliceTargetPath,
          message: 'is required for Timeslices of a ratio indicator',
        });
      } else if (!isFiniteNumber(t) || t <= 0 || t > 1) {
        issues.push({ path: sliceTargetPath, message: 'must be in (0, 1]' });
      } else {
        timeSliceTarget = t;
      }
    }
  }

  if (issues.length > before || target === undefined) {
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
