import { SloIndicator, UserTrustSlo } from '../types';
import { readBudgetingMethod } from './budgetingMethod';
import {
  Issues,
  Obj,
  checkKeys,
  childPath,
  requireObject,
  optionalString,
} from './issues';
import { readMetadata } from './metadata';
import { readObjectives } from './objectives';
import { readInlineIndicator, SliEntry } from './sli';
import { readTimeWindow } from './timeWindow';

/** Reads an SLO document whose header (apiVersion, kind) is valid. */
export function readSlo(
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
