import { CST, Lexer, parseAllDocuments } from 'yaml';
import { readIndicatorSpec } from './opensloIndicator';
import {
  Issues,
  Obj,
  OpenSloIssue,
  checkKeys,
  childPath,
  isFiniteNumber,
  isObject,
  requireObject,
  optionalString,
} from './opensloIssues';
import {
  SloIndicator,
  SloTimeWindow,
  ThresholdOp,
  UserTrustSlo,
} from './types';

export type { OpenSloIssue } from './opensloIssues';

/**
 * Outcome of {@link validateOpenSlo}: the SLOs that are valid, and every
 * problem found.
 *
 * @public
 */
export type OpenSloValidationResult = {
  slos: UserTrustSlo[];
  errors: OpenSloIssue[];
  /** Number of documents read (an array in JSON counts each item). */
  documentCount: number;
};

/**
 * A path as an author reads it: `spec.budgetingMethod` for a single
 * document, `[1] spec.budgetingMethod` when there are several.
 *
 * @public
 */
export function formatOpenSloIssue(
  issue: OpenSloIssue,
  documentCount: number,
): string {
  const match = /^documents\[(\d+)\](?:\.(.*))?$/.exec(issue.path);
  if (!match) {
    return `${issue.path}: ${issue.message}`;
  }
  const [, index, rest] = match;
  let where: string;
  if (documentCount > 1) {
    where = rest ? `[${index}] ${rest}` : `[${index}]`;
  } else {
    where = rest ?? 'document';
  }
  return `${where}: ${issue.message}`;
}

/**
 * Thrown by {@link parseOpenSlo}. `errors` holds every problem; the message
 * lists them as `path: message`, separated by `; `, fit for a 400 answer.
 *
 * @public
 */
export class OpenSloValidationError extends Error {
  readonly errors: OpenSloIssue[];

  constructor(errors: OpenSloIssue[], documentCount?: number) {
    const count =
      documentCount ??
      (errors.some(e => /^documents\[[1-9]/.test(e.path)) ? 2 : 1);
    super(errors.map(e => formatOpenSloIssue(e, count)).join('; '));
    this.name = 'OpenSloValidationError';
    this.errors = errors;
  }
}

const NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DURATION_PATTERN = /^[1-9][0-9]*[mhdwMQY]$/;
const WEIGHT_ANNOTATION = 'user-trust.io/weight';
const MAX_ROLLING_DAYS = 366;
/** Shortest length of each calendar period, to bound time slices. */
const CALENDAR_MIN_DAYS: Record<string, number> = {
  '1w': 7,
  '1M': 28,
  '1Q': 89,
  '1Y': 365,
};
const THRESHOLD_OPS: ThresholdOp[] = ['lt', 'lte', 'gt', 'gte'];

type Metadata = { name: string; displayName?: string; weight?: number };

function readMetadata(
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

function readTimeWindow(
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

function windowMinDays(timeWindow: SloTimeWindow): number {
  return timeWindow.type === 'rolling'
    ? timeWindow.days
    : CALENDAR_MIN_DAYS[timeWindow.duration];
}

type BudgetingMethod = UserTrustSlo['budgetingMethod'];

function readBudgetingMethod(
  value: unknown,
  path: string,
  issues: Issues,
): BudgetingMethod | undefined {
  if (value === 'Occurrences' || value === 'Timeslices') {
    return value;
  }
  let message: string;
  if (value === undefined) {
    message = 'is required (Occurrences or Timeslices)';
  } else if (value === 'RatioTimeslices') {
    message = 'RatioTimeslices is not supported: use Occurrences or Timeslices';
  } else {
    message = 'must be Occurrences or Timeslices';
  }
  issues.push({ path, message });
  return undefined;
}

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
function readObjectives(
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

/** An SLI, read from a `kind: SLI` document or inline `spec.indicator`. */
type SliEntry = { indicator?: SloIndicator };

function readInlineIndicator(
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

function readSlo(
  document: Obj,
  path: string,
  issues: Issues,
  slis: Map<string, SliEntry>,
): UserTrustSlo | undefined {
  const before = issues.length;
  const metadata = readMetadata(
    document.metadata,
    childPath(path, 'metadata'),
    issues,
    'SLO',
  );
  const specPath = childPath(path, 'spec');
  const spec = document.spec;
  if (!requireObject(spec, specPath, issues)) return undefined;
  checkKeys(
    spec,
    specPath,
    issues,
    [
      'description',
      'service',
      'indicator',
      'indicatorRef',
      'timeWindow',
      'budgetingMethod',
      'objectives',
    ],
    {
      alertPolicies:
        'alerting follows the burn-rate windows of userTrust.evaluation in app-config',
    },
  );
  const description = optionalString(
    spec,
    'description',
    specPath,
    issues,
    1050,
  );
  // The service is the catalog entity the SLO is attached to; it is accepted
  // for OpenSLO compatibility and otherwise not interpreted here.
  optionalString(spec, 'service', specPath, issues);

  let indicator: SloIndicator | undefined;
  const refPath = childPath(specPath, 'indicatorRef');
  if (spec.indicator !== undefined && spec.indicatorRef !== undefined) {
    issues.push({
      path: refPath,
      message: 'cannot be used together with indicator',
    });
  } else if (spec.indicator !== undefined) {
    indicator = readInlineIndicator(
      spec.indicator,
      childPath(specPath, 'indicator'),
      issues,
    );
  } else if (spec.indicatorRef !== undefined) {
    const ref = spec.indicatorRef;
    const sli = typeof ref === 'string' ? slis.get(ref) : undefined;
    if (typeof ref !== 'string') {
      issues.push({
        path: refPath,
        message: 'must be the name of an SLI document',
      });
    } else if (!sli) {
      issues.push({
        path: refPath,
        message: `no SLI named "${ref}" in these documents`,
      });
    } else if (!sli.indicator) {
      issues.push({
        path: refPath,
        message: `SLI "${ref}" is invalid (see its errors)`,
      });
    } else {
      indicator = sli.indicator;
    }
  } else {
    issues.push({
      path: childPath(specPath, 'indicator'),
      message: 'is required (or indicatorRef naming an SLI document)',
    });
  }

  const timeWindow = readTimeWindow(
    spec.timeWindow,
    childPath(specPath, 'timeWindow'),
    issues,
  );
  const methodPath = childPath(specPath, 'budgetingMethod');
  const method = readBudgetingMethod(spec.budgetingMethod, methodPath, issues);
  if (method === 'Occurrences' && indicator && indicator.type !== 'ratio') {
    issues.push({
      path: methodPath,
      message: `Occurrences needs a ratio indicator: ${indicator.type} indicators are judged per time slice, use Timeslices`,
    });
  }
  const objective = readObjectives(
    spec.objectives,
    childPath(specPath, 'objectives'),
    issues,
    indicator,
    method,
    timeWindow,
  );

  if (
    issues.length > before ||
    !metadata ||
    !indicator ||
    !timeWindow ||
    !method ||
    !objective
  ) {
    return undefined;
  }
  return {
    name: metadata.name,
    ...(metadata.displayName !== undefined && {
      displayName: metadata.displayName,
    }),
    ...(description !== undefined && { description }),
    indicator,
    timeWindow,
    budgetingMethod: method,
    objective,
    weight: metadata.weight ?? 1,
  };
}

/** Deepest nesting of flow collections (`[...]`, `{...}`, JSON) read. */
const MAX_FLOW_DEPTH = 64;
/** Furthest column at which a block collection (or its item) may start. */
const MAX_BLOCK_COLUMN = 100;

/**
 * The line at which the input nests too deeply to be parsed safely, if it
 * does. The YAML composer recurses once per level; near the end of the
 * stack V8 may abort the whole process (a RegExp compiled there fails "out
 * of memory") instead of throwing a RangeError. The lexer does not
 * recurse: with it, flow collections are counted exactly, and block
 * collections by column, as each needs more indentation than its parent
 * (a sequence in a mapping: as much), so depth stays below twice the column.
 */
function tooDeepAt(text: string): number | undefined {
  let flow = 0;
  let line = 1;
  let column = 0;
  let lineStarted = false;
  for (const lexeme of new Lexer().lex(text)) {
    const type = CST.tokenType(lexeme);
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      flow += 1;
      if (flow > MAX_FLOW_DEPTH) return line;
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') {
      flow = Math.max(0, flow - 1);
    }
    // The lexer marks documents and scalars with control characters.
    const control =
      lexeme.length === 1 && lexeme < ' ' && !'\t\n\r'.includes(lexeme);
    const content =
      !control && type !== 'space' && type !== 'newline' && type !== 'comment';
    if (
      flow === 0 &&
      column > MAX_BLOCK_COLUMN &&
      ((content && !lineStarted) ||
        type === 'seq-item-ind' ||
        type === 'explicit-key-ind')
    ) {
      return line;
    }
    if (content) lineStarted = true;
    if (!control) {
      const lines = lexeme.split(/\r\n|\r|\n/);
      if (lines.length > 1) {
        line += lines.length - 1;
        column = lines[lines.length - 1].length;
        lineStarted = false;
      } else {
        column += lexeme.length;
      }
    }
  }
  return undefined;
}

/** Splits the input into documents: YAML documents, array items flattened. */
function readDocuments(text: string, issues: Issues): unknown[] {
  const documents: unknown[] = [];
  const deepAt = tooDeepAt(text);
  if (deepAt !== undefined) {
    issues.push({
      path: 'documents',
      message: `nested too deeply at line ${deepAt}: more than ${MAX_FLOW_DEPTH} levels of [ ] or { }, or a block collection beyond column ${MAX_BLOCK_COLUMN}`,
    });
    return documents;
  }
  // YAML 1.2 is a superset of JSON, so one parser reads both, with line and
  // column in its errors and duplicate keys rejected.
  for (const doc of parseAllDocuments(text, { uniqueKeys: true })) {
    const path = `documents[${documents.length}]`;
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        issues.push({
          path,
          message: `invalid YAML: ${error.message.split('\n')[0]}`,
        });
      }
      documents.push(undefined);
      continue;
    }
    let value: unknown;
    try {
      // Bounds alias expansion ("billion laughs").
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      issues.push({
        path,
        message: `invalid YAML: ${(error as Error).message}`,
      });
      documents.push(undefined);
      continue;
    }
    if (value === null || value === undefined) {
      continue; // an empty document, e.g. after a trailing `---`
    }
    documents.push(...(Array.isArray(value) ? value : [value]));
  }
  if (documents.length === 0 && issues.length === 0) {
    issues.push({ path: 'documents', message: 'no OpenSLO document found' });
  }
  return documents;
}

/**
 * Validates OpenSLO input without throwing. The input is YAML (one or more
 * `---`-separated documents) or JSON (one document or an array of them) of
 * `openslo/v1` documents of kind `SLO` and `SLI`; an SLO has an inline
 * `spec.indicator` or a `spec.indicatorRef` naming an SLI of the same input.
 * Metric sources are of type `UserTrust` with a signal query as spec.
 *
 * Everything the engine does not act on is an error rather than being
 * ignored, except free metadata (labels, annotations other than
 * `user-trust.io/*`, `spec.service`) and `ratioMetric.counter`.
 * Valid SLOs are returned even when other documents have errors.
 *
 * @public
 */
export function validateOpenSlo(text: string): OpenSloValidationResult {
  const issues: Issues = [];
  if (typeof text !== 'string') {
    return {
      slos: [],
      errors: [{ path: 'documents', message: 'must be text (YAML or JSON)' }],
      documentCount: 0,
    };
  }
  const documents = readDocuments(text, issues);
  const perDocument: Issues[] = documents.map(() => []);
  const headers: Array<'SLO' | 'SLI' | undefined> = documents.map(
    (document, i) => {
      const path = `documents[${i}]`;
      const own = perDocument[i];
      if (document === undefined) {
        return undefined; // a YAML error, already reported
      }
      if (!isObject(document)) {
        own.push({ path, message: 'must be an object (an OpenSLO document)' });
        return undefined;
      }
      checkKeys(document, path, own, [
        'apiVersion',
        'kind',
        'metadata',
        'spec',
      ]);
      if (document.apiVersion !== 'openslo/v1') {
        own.push({
          path: `${path}.apiVersion`,
          message:
            document.apiVersion === undefined
              ? 'is required (openslo/v1)'
              : `apiVersion ${String(
                  document.apiVersion,
                )} is not supported: use openslo/v1`,
        });
      }
      if (document.kind === 'SLO' || document.kind === 'SLI') {
        return own.length === 0 ? document.kind : undefined;
      }
      own.push({
        path: `${path}.kind`,
        message:
          document.kind === undefined
            ? 'is required (SLO or SLI)'
            : `kind ${String(
                document.kind,
              )} is not supported: only SLO and SLI documents are read`,
      });
      return undefined;
    },
  );

  // SLIs first, so that an SLO may reference one written after it.
  const slis = new Map<string, SliEntry>();
  documents.forEach((document, i) => {
    if (headers[i] !== 'SLI') {
      return;
    }
    const doc = document as Obj;
    const path = `documents[${i}]`;
    const own = perDocument[i];
    const metadata = readMetadata(doc.metadata, `${path}.metadata`, own, 'SLI');
    const spec = readIndicatorSpec(doc.spec, `${path}.spec`, own);
    const name = isObject(doc.metadata) ? doc.metadata.name : undefined;
    if (typeof name !== 'string') {
      return;
    }
    if (slis.has(name)) {
      own.push({
        path: `${path}.metadata.name`,
        message: `duplicate SLI name "${name}"`,
      });
      return;
    }
    slis.set(name, { indicator: metadata && spec?.indicator });
  });

  const slos: UserTrustSlo[] = [];
  const names = new Set<string>();
  documents.forEach((document, i) => {
    if (headers[i] !== 'SLO') {
      return;
    }
    const path = `documents[${i}]`;
    const slo = readSlo(document as Obj, path, perDocument[i], slis);
    if (!slo) {
      return;
    }
    if (names.has(slo.name)) {
      perDocument[i].push({
        path: `${path}.metadata.name`,
        message: `duplicate SLO name "${slo.name}"`,
      });
      return;
    }
    names.add(slo.name);
    slos.push(slo);
  });

  return {
    slos,
    errors: [...issues, ...perDocument.flat()],
    documentCount: documents.length,
  };
}

/**
 * Parses OpenSLO input (see {@link validateOpenSlo}) into user-trust SLOs.
 *
 * @throws {@link OpenSloValidationError} listing every problem found.
 * @public
 */
export function parseOpenSlo(text: string): UserTrustSlo[] {
  const { slos, errors, documentCount } = validateOpenSlo(text);
  if (errors.length > 0) {
    throw new OpenSloValidationError(errors, documentCount);
  }
  return slos;
}
