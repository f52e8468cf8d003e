import { SloIndicator, UserTrustSlo } from '../types';
import { readBudgetingMethod } from './budgetingMethod';
import { IndicatorContext, MetricKind } from './indicatorSpec';
import {
  Issues,
  Obj,
  checkKeys,
  childPath,
  failedSince,
  isObject,
  requireObject,
  optionalString,
  unsupported,
} from './issues';
import { readMetadata } from './metadata';
import { readObjectives } from './objectives';
import { OpenSloAlertPolicyUse, readAlertPolicyUses } from './otherKinds';
import { readInlineIndicator, SliEntry } from './sli';
import { readTimeWindow } from './timeWindow';

/** An SLO document as read: the SLO when User Trust can use it, its alert policies. */
export type SloRead = {
  slo?: UserTrustSlo;
  alertPolicies?: OpenSloAlertPolicyUse[];
};

/** Reads an SLO document whose header (apiVersion, kind) is valid. */
export function readSlo(
  document: Obj,
  path: string,
  issues: Issues,
  slis: Map<string, SliEntry>,
  context: IndicatorContext,
): SloRead {
  const before = issues.length;
  const metadata = readMetadata(
    document.metadata,
    childPath(path, 'metadata'),
    issues,
    'SLO',
  );
  const specPath = childPath(path, 'spec');
  const spec = document.spec;
  if (!requireObject(spec, specPath, issues)) return {};
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
      'alertPolicies',
    ],
    "an SLO's spec in OpenSLO v1",
  );
  const description = optionalString(
    spec,
    'description',
    specPath,
    issues,
    1050,
  );
  // The service groups SLOs (a Service document may describe it); the
  // catalog entity the SLO belongs to is the one whose SLOs these are.
  if (spec.service === undefined) {
    issues.push({
      path: childPath(specPath, 'service'),
      message: 'is required: the name of the service this SLO belongs to',
    });
  } else {
    optionalString(spec, 'service', specPath, issues);
  }

  let indicator: SloIndicator | undefined;
  let metric: MetricKind | undefined;
  const refPath = childPath(specPath, 'indicatorRef');
  if (spec.indicator !== undefined && spec.indicatorRef !== undefined) {
    issues.push({
      path: refPath,
      message: 'cannot be used together with indicator',
    });
  } else if (spec.indicator !== undefined) {
    ({ indicator, metric } = readInlineIndicator(
      spec.indicator,
      childPath(specPath, 'indicator'),
      issues,
      context,
    ));
  } else if (spec.indicatorRef !== undefined) {
    const ref = spec.indicatorRef;
    const sli = typeof ref === 'string' ? slis.get(ref) : undefined;
    if (typeof ref !== 'string') {
      issues.push({ path: refPath, message: 'must be the name of an SLI' });
    } else if (!sli) {
      unsupported(
        issues,
        refPath,
        `names no SLI of these documents: User Trust reads indicatorRef only within the same documents; add the SLI "${ref}" or write spec.indicator`,
      );
    } else {
      metric = sli.metric;
      if (sli.problem === 'error') {
        issues.push({
          path: refPath,
          message: `SLI "${ref}" is invalid (see its errors)`,
        });
      } else if (sli.problem === 'unsupported') {
        unsupported(
          issues,
          refPath,
          `SLI "${ref}" is not supported by User Trust (see its messages)`,
        );
      } else {
        indicator = sli.indicator;
      }
    }
  } else {
    const composite =
      Array.isArray(spec.objectives) &&
      spec.objectives.some(
        o =>
          isObject(o) &&
          (o.indicator !== undefined || o.indicatorRef !== undefined),
      );
    // A composite SLO gives its indicators per objective: reported there.
    if (!composite) {
      issues.push({
        path: childPath(specPath, 'indicator'),
        message: 'is required (or indicatorRef naming an SLI)',
      });
    }
  }

  const timeWindow = readTimeWindow(
    spec.timeWindow,
    childPath(specPath, 'timeWindow'),
    issues,
  );
  const methodPath = childPath(specPath, 'budgetingMethod');
  const method = readBudgetingMethod(spec.budgetingMethod, methodPath, issues);
  if (method === 'Occurrences' && metric === 'threshold') {
    unsupported(
      issues,
      methodPath,
      'User Trust judges a thresholdMetric per time slice, not per event: use budgetingMethod Timeslices with timeSliceTarget and timeSliceWindow (e.g. 1d)',
    );
  }
  const objective = readObjectives(
    spec.objectives,
    childPath(specPath, 'objectives'),
    issues,
    { metric, method, timeWindow },
  );
  const alertPolicies =
    spec.alertPolicies === undefined
      ? undefined
      : readAlertPolicyUses(
          spec.alertPolicies,
          childPath(specPath, 'alertPolicies'),
          issues,
        );

  const result: SloRead = alertPolicies ? { alertPolicies } : {};
  if (
    failedSince(issues, before) ||
    !metadata ||
    !indicator ||
    !timeWindow ||
    (method !== 'Occurrences' && method !== 'Timeslices') ||
    !objective
  ) {
    return result;
  }
  result.slo = {
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
  return result;
}
