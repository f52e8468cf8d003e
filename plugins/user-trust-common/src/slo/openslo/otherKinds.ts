import { ThresholdOp } from '../types';
import {
  Issues,
  Obj,
  checkKeys,
  childPath,
  failedSince,
  isFiniteNumber,
  isObject,
  optionalString,
  requireObject,
} from './issues';
import { Metadata, readMetadata } from './metadata';

// Readers of the OpenSLO v1 kinds other than SLO and SLI. They check each
// document against the spec; what they return is kept in the parse result
// (services, alert policies and conditions) or only checked (notification
// targets, data sources).

const DURATION_PATTERN = /^[1-9][0-9]*[mhdwMQY]$/;
const THRESHOLD_OPS: ThresholdOp[] = ['lt', 'lte', 'gt', 'gte'];

/** Name, display name and description of a document. @public */
export type OpenSloNamed = {
  name: string;
  displayName?: string;
  description?: string;
};

/**
 * A `kind: Service` document: a grouping of SLOs, named by their
 * `spec.service`.
 *
 * @public
 */
export type OpenSloService = OpenSloNamed;

/**
 * An OpenSLO v1 alert condition (a document, or inline in an alert policy).
 *
 * @public
 */
export type OpenSloAlertCondition = OpenSloNamed & {
  /** Free text, e.g. `page` or `sev1`. */
  severity: string;
  condition: {
    kind: 'burnrate';
    op: ThresholdOp;
    threshold: number;
    /** Duration shorthand, e.g. `1h`. */
    lookbackWindow: string;
    /** Duration shorthand; absent means `0m`. */
    alertAfter?: string;
  };
};

/** An OpenSLO v1 alert notification target. @public */
export type OpenSloAlertNotificationTarget = OpenSloNamed & {
  target: string;
};

/**
 * An OpenSLO v1 alert policy (a document, or inline in an SLO's
 * `alertPolicies`). Kept for alerting; User Trust does not act on it yet.
 *
 * @public
 */
export type OpenSloAlertPolicy = OpenSloNamed & {
  alertWhenNoData?: boolean;
  alertWhenResolved?: boolean;
  alertWhenBreaching?: boolean;
  /** Exactly one, by reference or inline. */
  conditions: Array<{ conditionRef: string } | OpenSloAlertCondition>;
  notificationTargets: Array<
    { targetRef: string } | OpenSloAlertNotificationTarget
  >;
};

/** An alert policy of an SLO: by reference or inline. @public */
export type OpenSloAlertPolicyUse =
  | { alertPolicyRef: string }
  | OpenSloAlertPolicy;

/** The `spec` of a document, checked to be an object with known keys. */
function readSpec(
  value: unknown,
  path: string,
  issues: Issues,
  allowed: string[],
  kind: string,
): Obj | undefined {
  if (!requireObject(value, path, issues)) return undefined;
  checkKeys(value, path, issues, allowed, `a ${kind}'s spec in OpenSLO v1`);
  return value;
}

function named(
  metadata: Metadata,
  description: string | undefined,
): OpenSloNamed {
  return {
    name: metadata.name,
    ...(metadata.displayName !== undefined && {
      displayName: metadata.displayName,
    }),
    ...(description !== undefined && { description }),
  };
}

function requiredString(
  value: Obj,
  key: string,
  path: string,
  issues: Issues,
): string | undefined {
  const field = value[key];
  if (typeof field === 'string' && field !== '') return field;
  issues.push({
    path: childPath(path, key),
    message: field === undefined ? 'is required' : 'must be a non-empty string',
  });
  return undefined;
}

function checkDuration(value: unknown, path: string, issues: Issues) {
  if (typeof value !== 'string' || !DURATION_PATTERN.test(value)) {
    issues.push({
      path,
      message:
        value === undefined
          ? 'is required (a duration shorthand, e.g. 5m or 1h)'
          : 'must be a duration shorthand like 5m or 1h: a positive whole number and one of m, h, d, w, M, Q, Y',
    });
  }
}

/**
 * Reads a document of `kind` given as `{ apiVersion?, kind?, metadata,
 * spec }` (inline objects carry kind, documents have it checked already).
 */
function readBody<T>(
  value: Obj,
  path: string,
  issues: Issues,
  kind: string,
  read: (metadata: Metadata | undefined, specPath: string) => T | undefined,
): T | undefined {
  const before = issues.length;
  const metadata = readMetadata(
    value.metadata,
    childPath(path, 'metadata'),
    issues,
    kind,
  );
  const result = read(metadata, childPath(path, 'spec'));
  return failedSince(issues, before) || !metadata ? undefined : result;
}

/** An inline object of `kind` (`kind` optional, `metadata`, `spec`). */
function readInline<T>(
  value: Obj,
  path: string,
  issues: Issues,
  kind: string,
  read: (value: Obj, path: string, issues: Issues) => T | undefined,
): T | undefined {
  checkKeys(
    value,
    path,
    issues,
    ['kind', 'metadata', 'spec'],
    `an inline ${kind} in OpenSLO v1`,
  );
  if (value.kind !== undefined && value.kind !== kind) {
    issues.push({ path: childPath(path, 'kind'), message: `must be ${kind}` });
  }
  return read(value, path, issues);
}

/** A list item that is either `{ <refKey>: name }` or an inline object. */
function readRefOrInline<T>(
  value: unknown,
  path: string,
  issues: Issues,
  refKey: string,
  kind: string,
  read: (value: Obj, path: string, issues: Issues) => T | undefined,
): Record<string, string> | T | undefined {
  if (!isObject(value)) {
    issues.push({
      path,
      message: `must be an object: { ${refKey}: <name> } or an inline ${kind}`,
    });
    return undefined;
  }
  if (value[refKey] === undefined) {
    return readInline(value, path, issues, kind, read);
  }
  checkKeys(value, path, issues, [refKey], `a reference to a ${kind}`);
  const ref = value[refKey];
  if (typeof ref !== 'string' || ref === '') {
    issues.push({
      path: childPath(path, refKey),
      message: `must be the name of a ${kind}`,
    });
    return undefined;
  }
  return { [refKey]: ref };
}

/** `kind: Service`: an optional spec with a description. */
export function readService(
  value: Obj,
  path: string,
  issues: Issues,
): OpenSloService | undefined {
  return readBody(value, path, issues, 'Service', (metadata, specPath) => {
    let description: string | undefined;
    if (value.spec !== undefined) {
      const spec = readSpec(
        value.spec,
        specPath,
        issues,
        ['description'],
        'Service',
      );
      description =
        spec && optionalString(spec, 'description', specPath, issues, 1050);
    }
    return metadata && named(metadata, description);
  });
}

/** `kind: AlertCondition`: severity and a burn-rate condition. */
export function readAlertCondition(
  value: Obj,
  path: string,
  issues: Issues,
): OpenSloAlertCondition | undefined {
  return readBody(
    value,
    path,
    issues,
    'AlertCondition',
    (metadata, specPath) => {
      const spec = readSpec(
        value.spec,
        specPath,
        issues,
        ['description', 'severity', 'condition'],
        'AlertCondition',
      );
      if (!spec) return undefined;
      const description = optionalString(
        spec,
        'description',
        specPath,
        issues,
        1050,
      );
      const severity = requiredString(spec, 'severity', specPath, issues);
      const conditionPath = childPath(specPath, 'condition');
      const c = spec.condition;
      if (!requireObject(c, conditionPath, issues)) return undefined;
      checkKeys(
        c,
        conditionPath,
        issues,
        ['kind', 'op', 'threshold', 'lookbackWindow', 'alertAfter'],
        'an alert condition in OpenSLO v1',
      );
      if (c.kind !== undefined && c.kind !== 'burnrate') {
        issues.push({
          path: childPath(conditionPath, 'kind'),
          message: 'must be burnrate (the only kind of OpenSLO v1)',
        });
      }
      if (!THRESHOLD_OPS.includes(c.op as ThresholdOp)) {
        issues.push({
          path: childPath(conditionPath, 'op'),
          message:
            c.op === undefined
              ? 'is required (lte, gte, lt or gt)'
              : 'must be one of lte, gte, lt, gt',
        });
      }
      if (!isFiniteNumber(c.threshold)) {
        issues.push({
          path: childPath(conditionPath, 'threshold'),
          message:
            c.threshold === undefined ? 'is required' : 'must be a number',
        });
      }
      checkDuration(
        c.lookbackWindow,
        childPath(conditionPath, 'lookbackWindow'),
        issues,
      );
      if (c.alertAfter !== undefined) {
        checkDuration(
          c.alertAfter,
          childPath(conditionPath, 'alertAfter'),
          issues,
        );
      }
      if (!metadata || severity === undefined) return undefined;
      return {
        ...named(metadata, description),
        severity,
        condition: {
          kind: 'burnrate',
          op: c.op as ThresholdOp,
          threshold: c.threshold as number,
          lookbackWindow: c.lookbackWindow as string,
          ...(c.alertAfter !== undefined && {
            alertAfter: c.alertAfter as string,
          }),
        },
      };
    },
  );
}

/** `kind: AlertNotificationTarget`: a target and a description. */
export function readAlertNotificationTarget(
  value: Obj,
  path: string,
  issues: Issues,
): OpenSloAlertNotificationTarget | undefined {
  return readBody(
    value,
    path,
    issues,
    'AlertNotificationTarget',
    (metadata, specPath) => {
      const spec = readSpec(
        value.spec,
        specPath,
        issues,
        ['target', 'description'],
        'AlertNotificationTarget',
      );
      if (!spec) return undefined;
      const description = optionalString(
        spec,
        'description',
        specPath,
        issues,
        1050,
      );
      const target = requiredString(spec, 'target', specPath, issues);
      return metadata && target !== undefined
        ? { ...named(metadata, description), target }
        : undefined;
    },
  );
}

/** `kind: AlertPolicy`: exactly one condition and notification targets. */
export function readAlertPolicy(
  value: Obj,
  path: string,
  issues: Issues,
): OpenSloAlertPolicy | undefined {
  return readBody(value, path, issues, 'AlertPolicy', (metadata, specPath) => {
    const spec = readSpec(
      value.spec,
      specPath,
      issues,
      [
        'description',
        'alertWhenNoData',
        'alertWhenResolved',
        'alertWhenBreaching',
        'conditions',
        'notificationTargets',
      ],
      'AlertPolicy',
    );
    if (!spec) return undefined;
    const description = optionalString(
      spec,
      'description',
      specPath,
      issues,
      1050,
    );
    const flags: Record<string, boolean> = {};
    for (const key of [
      'alertWhenNoData',
      'alertWhenResolved',
      'alertWhenBreaching',
    ]) {
      if (spec[key] === undefined) continue;
      if (typeof spec[key] === 'boolean') {
        flags[key] = spec[key] as boolean;
      } else {
        issues.push({
          path: childPath(specPath, key),
          message: 'must be true or false',
        });
      }
    }
    const conditionsPath = childPath(specPath, 'conditions');
    const conditions: OpenSloAlertPolicy['conditions'] = [];
    if (!Array.isArray(spec.conditions) || spec.conditions.length !== 1) {
      issues.push({
        path: conditionsPath,
        message:
          spec.conditions === undefined
            ? 'is required (a list of one condition)'
            : 'must be a list of exactly one condition (OpenSLO v1 allows one)',
      });
    } else {
      const condition = readRefOrInline(
        spec.conditions[0],
        `${conditionsPath}[0]`,
        issues,
        'conditionRef',
        'AlertCondition',
        readAlertCondition,
      );
      if (condition) {
        conditions.push(condition as OpenSloAlertPolicy['conditions'][0]);
      }
    }
    const targetsPath = childPath(specPath, 'notificationTargets');
    const notificationTargets: OpenSloAlertPolicy['notificationTargets'] = [];
    if (!Array.isArray(spec.notificationTargets)) {
      issues.push({
        path: targetsPath,
        message:
          spec.notificationTargets === undefined
            ? 'is required (a list of notification targets)'
            : 'must be a list of notification targets',
      });
    } else {
      spec.notificationTargets.forEach((item, i) => {
        const target = readRefOrInline(
          item,
          `${targetsPath}[${i}]`,
          issues,
          'targetRef',
          'AlertNotificationTarget',
          readAlertNotificationTarget,
        );
        if (target) {
          notificationTargets.push(
            target as OpenSloAlertPolicy['notificationTargets'][0],
          );
        }
      });
    }
    return metadata
      ? {
          ...named(metadata, description),
          ...flags,
          conditions,
          notificationTargets,
        }
      : undefined;
  });
}

/** An SLO's `alertPolicies`: references or inline alert policies. */
export function readAlertPolicyUses(
  value: unknown,
  path: string,
  issues: Issues,
): OpenSloAlertPolicyUse[] | undefined {
  if (!Array.isArray(value)) {
    issues.push({ path, message: 'must be a list of alert policies' });
    return undefined;
  }
  const uses: OpenSloAlertPolicyUse[] = [];
  value.forEach((item, i) => {
    const use = readRefOrInline(
      item,
      `${path}[${i}]`,
      issues,
      'alertPolicyRef',
      'AlertPolicy',
      readAlertPolicy,
    );
    if (use) uses.push(use as OpenSloAlertPolicyUse);
  });
  return uses;
}

/** `kind: DataSource`: a type and connection details; returns the type. */
export function readDataSource(
  value: Obj,
  path: string,
  issues: Issues,
): { name: string; type: string } | undefined {
  return readBody(value, path, issues, 'DataSource', (metadata, specPath) => {
    const spec = readSpec(
      value.spec,
      specPath,
      issues,
      ['description', 'type', 'connectionDetails'],
      'DataSource',
    );
    if (!spec) return undefined;
    optionalString(spec, 'description', specPath, issues, 1050);
    const type = requiredString(spec, 'type', specPath, issues);
    if (spec.connectionDetails === undefined) {
      issues.push({
        path: childPath(specPath, 'connectionDetails'),
        message: 'is required',
      });
    }
    return metadata && type !== undefined
      ? { name: metadata.name, type }
      : undefined;
  });
}
