import { SloTimeWindow } from '../types';
import {
  Issues,
  checkKeys,
  childPath,
  failedSince,
  isObject,
  unsupported,
} from './issues';

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

/** Whether `zone` names a time zone of the IANA database (as Intl knows them). */
function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(zone)) return false;
  try {
    // eslint-disable-next-line no-new
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Suggested rolling window when `timeWindow` is left out. */
const WRITE_A_WINDOW = 'add timeWindow: [{ duration: 28d, isRolling: true }]';

/**
 * Reads `spec.timeWindow` (optional in OpenSLO v1, a list of exactly one
 * rolling or calendar-aligned window). User Trust needs one and supports
 * rolling windows of whole days or weeks and calendar windows of 1w, 1M, 1Q
 * or 1Y in UTC; other valid windows are reported as unsupported.
 */
export function readTimeWindow(
  value: unknown,
  path: string,
  issues: Issues,
): SloTimeWindow | undefined {
  if (value === undefined) {
    unsupported(
      issues,
      path,
      `is optional in OpenSLO, but User Trust needs a time window yet: ${WRITE_A_WINDOW}`,
    );
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 1) {
    issues.push({
      path,
      message: 'must be a list with exactly one time window',
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
  checkKeys(
    item,
    itemPath,
    issues,
    ['duration', 'isRolling', 'calendar'],
    'a time window in OpenSLO v1',
  );
  const durationPath = childPath(itemPath, 'duration');
  const duration = item.duration;
  if (duration === undefined) {
    issues.push({ path: durationPath, message: 'is required' });
  } else if (typeof duration !== 'string' || !DURATION_PATTERN.test(duration)) {
    issues.push({
      path: durationPath,
      message:
        'must be a duration shorthand like 28d, 4w or 1M: a positive whole number and one of m, h, d, w, M, Q, Y',
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
        'is required without calendar: true for a rolling window (or give calendar for a calendar-aligned one)',
    });
    return undefined;
  }
  if (isRolling && item.calendar !== undefined) {
    issues.push({
      path: childPath(itemPath, 'calendar'),
      message: 'is only for calendar-aligned windows (isRolling: false)',
    });
  }
  if (failedSince(issues, before)) {
    return undefined;
  }
  const text = duration as string;
  const amount = Number(text.slice(0, -1));
  const unit = text.slice(-1);

  if (isRolling) {
    if (unit === 'm' || unit === 'h') {
      unsupported(
        issues,
        durationPath,
        'rolling windows shorter than a day are not supported by User Trust: signals are counted per day; use whole days, e.g. 1d or 28d',
      );
    } else if (unit !== 'd' && unit !== 'w') {
      unsupported(
        issues,
        durationPath,
        `rolling windows given in months, quarters or years are not supported by User Trust yet: write days or weeks (e.g. 28d or 4w, 90d), or a calendar window of ${text}`,
      );
    } else if (amount * (unit === 'w' ? 7 : 1) > MAX_ROLLING_DAYS) {
      unsupported(
        issues,
        durationPath,
        `rolling windows longer than ${MAX_ROLLING_DAYS} days are not supported by User Trust: use at most ${MAX_ROLLING_DAYS}d, or a calendar window of 1Y`,
      );
    }
    if (failedSince(issues, before)) {
      return undefined;
    }
    return {
      type: 'rolling',
      duration: text,
      days: amount * (unit === 'w' ? 7 : 1),
    };
  }

  const calendarPath = childPath(itemPath, 'calendar');
  const calendar = item.calendar;
  if (!isObject(calendar)) {
    issues.push({
      path: calendarPath,
      message:
        'is required for a calendar-aligned window (isRolling: false): an object with startTime and timeZone',
    });
    return undefined;
  }
  checkKeys(
    calendar,
    calendarPath,
    issues,
    ['startTime', 'timeZone'],
    'a calendar in OpenSLO v1',
  );
  const startTime = readStartTime(calendar.startTime);
  if (startTime === undefined) {
    issues.push({
      path: childPath(calendarPath, 'startTime'),
      message:
        calendar.startTime === undefined
          ? 'is required'
          : 'must be a date with time in 24h format, e.g. 2024-01-01 00:00:00',
    });
  }
  const zonePath = childPath(calendarPath, 'timeZone');
  const zone = calendar.timeZone;
  if (zone === undefined) {
    issues.push({
      path: zonePath,
      message: 'is required (a name of the IANA time zone database, e.g. UTC)',
    });
  } else if (typeof zone !== 'string' || !isIanaTimeZone(zone)) {
    issues.push({
      path: zonePath,
      message:
        'must be a name of the IANA time zone database, e.g. UTC or America/New_York',
    });
  }
  if (failedSince(issues, before)) {
    return undefined;
  }
  if (!(text in CALENDAR_MIN_DAYS)) {
    unsupported(
      issues,
      durationPath,
      `calendar windows of ${text} are not supported by User Trust yet: use 1w, 1M, 1Q or 1Y`,
    );
  }
  if (zone !== 'UTC' && zone !== 'Etc/UTC') {
    unsupported(
      issues,
      zonePath,
      `calendar windows in ${String(
        zone,
      )} are not supported by User Trust yet: signals are counted per UTC day; use timeZone: UTC`,
    );
  }
  if (failedSince(issues, before)) {
    return undefined;
  }
  return {
    type: 'calendar',
    duration: text,
    startTime: startTime!,
    timeZone: zone as string,
  };
}

/** The fewest days a time window can have (a calendar month: 28). */
export function windowMinDays(timeWindow: SloTimeWindow): number {
  return timeWindow.type === 'rolling'
    ? timeWindow.days
    : CALENDAR_MIN_DAYS[timeWindow.duration];
}
