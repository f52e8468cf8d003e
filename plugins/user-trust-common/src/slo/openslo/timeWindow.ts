import { SloTimeWindow } from '../types';
import { Issues, checkKeys, childPath, isObject } from './issues';

const DURATION_PATTERN = /^[1-9][0-9]*[mhdwMQY]$/;
const MAX_ROLLING_DAYS = 366;
/** Shortest length of each calendar period, to bound time slices. */
const CALENDAR_MIN_DAYS: Record<string, number> = {
  '1w': 7,
  '1M': 28,
  '1Q': 89,
  '1Y': 365,
};

/** A calendar start: a date, or a date-time in UTC (OpenSLO writes it without zone). */
function readStartTime(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]00:?00)?)?$/.exec(
      value.trim(),
    );
  if (!match) {
    return undefined;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const date = new Date(
    Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h),
      Number(mi),
      Number(s),
    ),
  );
  // Reject dates that Date.UTC would roll over (2024-02-30, 25:00).
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) ||
    date.getUTCHours() !== Number(h) ||
    date.getUTCMinutes() !== Number(mi) ||
    date.getUTCSeconds() !== Number(s)
  ) {
    return undefined;
  }
  return date.toISOString();
}

/** Reads `spec.timeWindow`: one rolling window, or one calendar-aligned in UTC. */
export function readTimeWindow(
  value: unknown,
  path: string,
  issues: Issues,
): SloTimeWindow | undefined {
  if (!Array.isArray(value) || value.length !== 1) {
    issues.push({
      path,
      message:
        value === undefined
          ? 'is required (a list with one time window)'
          : 'must be a list with exactly one time window',
    });
    return undefined;
  }
  const itemPath = `${path}[0]`;
  const item = value[0];
  if (!isObject(item)) {
    issues.push({ path: itemPath, message: 'must be an object' });
    return undefined;
  }
  const before = issues.length;
  checkKeys(item, itemPath, issues, ['duration', 'isRolling', 'calendar']);
  const durationPath = childPath(itemPath, 'duration');
  const duration = item.duration;
  if (duration === undefined) {
    issues.push({ path: durationPath, message: 'is required' });
  } else if (typeof duration !== 'string' || !DURATION_PATTERN.test(duration)) {
    issues.push({
      path: durationPath,
      message:
        'must be a duration like 28d, 4w or 1M: a positive whole number and one of m, h, d, w, M, Q, Y',
    });
  }
  const rollingPath = childPath(itemPath, 'isRolling');
  if (item.isRolling !== undefined && typeof item.isRolling !== 'boolean') {
    issues.push({ path: rollingPath, message: 'must be true or false' });
    return undefined;
  }
  // OpenSLO: isRolling may be omitted when a calendar is given.
  const isRolling =
    item.isRolling ?? (item.calendar === undefined ? undefined : false);
  if (isRolling === undefined) {
    issues.push({
      path: rollingPath,
      message:
        'is required: true for a rolling window, false (with calendar) for a calendar-aligned one',
    });
    return undefined;
  }
  if (issues.length > before) {
    return undefined;
  }
  const text = duration as string;
  const amount = Number(text.slice(0, -1));
  const unit = text.slice(-1);

  if (isRolling) {
    if (item.calendar !== undefined) {
      issues.push({
        path: childPath(itemPath, 'calendar'),
        message: 'is only used by calendar-aligned windows (isRolling: false)',
      });
    }
    if (unit === 'm' || unit === 'h') {
      issues.push({
        path: durationPath,
        message:
          'rolling windows shorter than a day are not supported: signals are counted per day',
      });
    } else if (unit !== 'd' && unit !== 'w') {
      issues.push({
        path: durationPath,
        message:
          'rolling windows must be given in days or weeks (e.g. 28d, 4w): months, quarters and years vary in length; use a calendar window for them',
      });
    } else if (amount * (unit === 'w' ? 7 : 1) > MAX_ROLLING_DAYS) {
      issues.push({
        path: durationPath,
        message: `rolling windows longer than ${MAX_ROLLING_DAYS} days are not supported`,
      });
    }
    if (issues.length > before) {
      return undefined;
    }
    return {
      type: 'rolling',
      duration: text,
      days: amount * (unit === 'w' ? 7 : 1),
    };
  }

  if (!(text in CALENDAR_MIN_DAYS)) {
    issues.push({
      path: durationPath,
      message: 'calendar windows must be 1w, 1M, 1Q or 1Y',
    });
  }
  const calendarPath = childPath(itemPath, 'calendar');
  const calendar = item.calendar;
  if (!isObject(calendar)) {
    issues.push({
      path: calendarPath,
      message:
        'is required for a calendar-aligned window: an object with startTime and timeZone',
    });
    return undefined;
  }
  checkKeys(calendar, calendarPath, issues, ['startTime', 'timeZone']);
  const startTime = readStartTime(calendar.startTime);
  if (startTime === undefined) {
    issues.push({
      path: childPath(calendarPath, 'startTime'),
      message:
        calendar.startTime === undefined
          ? 'is required'
          : 'must be a date-time in UTC, e.g. 2024-01-01 00:00:00',
    });
  }
  const zonePath = childPath(calendarPath, 'timeZone');
  if (calendar.timeZone === undefined) {
    issues.push({ path: zonePath, message: 'is required (UTC)' });
  } else if (calendar.timeZone !== 'UTC' && calendar.timeZone !== 'Etc/UTC') {
    issues.push({
      path: zonePath,
      message: `time zone ${String(
        calendar.timeZone,
      )} is not supported: signals are counted per UTC day, use UTC`,
    });
  }
  if (issues.length > before) {
    return undefined;
  }
  return {
    type: 'calendar',
    duration: text,
    startTime: startTime!,
    timeZone: calendar.timeZone as string,
  };
}

/** The fewest days a time window can have (a calendar month: 28). */
export function windowMinDays(timeWindow: SloTimeWindow): number {
  return timeWindow.type === 'rolling'
    ? timeWindow.days
    : CALENDAR_MIN_DAYS[timeWindow.duration];
}
