import { UserTrustSlo } from '../types';
import { readDocuments } from './documents';
import { OpenSloValidationError } from './errors';
import { IndicatorContext, readIndicatorSpec } from './indicatorSpec';
import {
  Issue,
  Issues,
  Obj,
  OpenSloIssue,
  checkKeys,
  isObject,
  unsupported,
  warn,
} from './issues';
import { readMetadata } from './metadata';
import {
  OpenSloAlertCondition,
  OpenSloAlertPolicy,
  OpenSloAlertPolicyUse,
  OpenSloService,
  readAlertCondition,
  readAlertNotificationTarget,
  readAlertPolicy,
  readDataSource,
  readService,
} from './otherKinds';
import { problemSince, SliEntry } from './sli';
import { readSlo } from './slo';

/** The kinds of OpenSLO v1, in the order the spec lists them. */
const KINDS = [
  'DataSource',
  'SLO',
  'SLI',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
  'Service',
] as const;
type Kind = (typeof KINDS)[number];

/**
 * Outcome of {@link validateOpenSlo}.
 *
 * - `errors`: the input is not valid OpenSLO v1 (or a UserTrust metric
 *   source's query is wrong): each with its path and the rule broken.
 * - `unsupported`: valid OpenSLO v1 that User Trust cannot act on, each with
 *   what to write instead; the SLOs concerned are left out of `slos`.
 * - `warnings`: valid documents and fields read and then ignored.
 *
 * @public
 */
export type OpenSloValidationResult = {
  /** The SLOs User Trust uses: valid and supported. */
  slos: UserTrustSlo[];
  errors: OpenSloIssue[];
  unsupported: OpenSloIssue[];
  warnings: OpenSloIssue[];
  /** Number of documents read (an array in JSON counts each item). */
  documentCount: number;
  /** `kind: Service` documents (e.g. to label the SLOs of an entity). */
  services: OpenSloService[];
  /** `kind: AlertPolicy` documents, kept for alerting. */
  alertPolicies: OpenSloAlertPolicy[];
  /** `kind: AlertCondition` documents, kept for alerting. */
  alertConditions: OpenSloAlertCondition[];
  /** The `alertPolicies` of each SLO of `slos` that has some. */
  sloAlertPolicies: Array<{
    slo: string;
    alertPolicies: OpenSloAlertPolicyUse[];
  }>;
};

function emptyResult(errors: OpenSloIssue[]): OpenSloValidationResult {
  return {
    slos: [],
    errors,
    unsupported: [],
    warnings: [],
    documentCount: 0,
    services: [],
    alertPolicies: [],
    alertConditions: [],
    sloAlertPolicies: [],
  };
}

/** Checks apiVersion, kind and the top-level keys; the kind when readable. */
function readHeader(document: unknown, path: string, own: Issues) {
  if (document === undefined) {
    return undefined; // a YAML error, already reported
  }
  if (!isObject(document)) {
    own.push({ path, message: 'must be an object (an OpenSLO document)' });
    return undefined;
  }
  checkKeys(
    document,
    path,
    own,
    ['apiVersion', 'kind', 'metadata', 'spec'],
    'an OpenSLO v1 document (apiVersion, kind, metadata, spec)',
  );
  const { apiVersion, kind } = document;
  const versionPath = `${path}.apiVersion`;
  if (apiVersion === undefined) {
    own.push({ path: versionPath, message: 'is required (openslo/v1)' });
  } else if (
    typeof apiVersion === 'string' &&
    apiVersion.startsWith('openslo/') &&
    apiVersion !== 'openslo/v1'
  ) {
    unsupported(
      own,
      versionPath,
      `${apiVersion} is not supported by User Trust: write openslo/v1`,
    );
  } else if (apiVersion !== 'openslo/v1') {
    own.push({ path: versionPath, message: 'must be openslo/v1' });
  }
  if (!(KINDS as readonly unknown[]).includes(kind)) {
    own.push({
      path: `${path}.kind`,
      message: `${
        kind === undefined ? 'is required' : 'must be'
      } one of ${KINDS.join(', ')}`,
    });
    return undefined;
  }
  return own.length === 0 ? (kind as Kind) : undefined;
}

/**
 * Validates OpenSLO input without throwing. The input is YAML (one or more
 * `---`-separated documents) or JSON (one document or an array of them) of
 * `openslo/v1` documents of any kind. Every document is checked against the
 * spec. SLOs are read into user-trust SLOs when User Trust supports them: an
 * inline `spec.indicator` or a `spec.indicatorRef` naming an SLI of the same
 * input, metric sources of type `UserTrust` (given, or of the DataSource a
 * metricSourceRef names) with a signal query as spec. Services, alert
 * policies and alert conditions are kept; notification targets and data
 * sources are checked and ignored with a warning.
 *
 * Supported SLOs are returned even when other documents have problems.
 *
 * @public
 */
export function validateOpenSlo(text: string): OpenSloValidationResult {
  if (typeof text !== 'string') {
    return emptyResult([
      { path: 'documents', message: 'must be text (YAML or JSON)' },
    ]);
  }
  const issues: Issues = [];
  const documents = readDocuments(text, issues);
  const perDocument: Issues[] = documents.map(() => []);
  const kinds = documents.map((document, i) =>
    readHeader(document, `documents[${i}]`, perDocument[i]),
  );
  const result = emptyResult([]);
  result.documentCount = documents.length;

  const names = new Map<string, Set<string>>();
  /** Each document of `kind` with a valid header, its path and issues. */
  const each = (
    kind: Kind,
    read: (doc: Obj, path: string, own: Issues) => void,
  ) =>
    documents.forEach((document, i) => {
      if (kinds[i] !== kind) return;
      const doc = document as Obj;
      const path = `documents[${i}]`;
      const name = isObject(doc.metadata) ? doc.metadata.name : undefined;
      if (typeof name === 'string') {
        const seen = names.get(kind) ?? new Set<string>();
        names.set(kind, seen);
        if (seen.has(name)) {
          perDocument[i].push({
            path: `${path}.metadata.name`,
            message: `duplicate ${kind} name "${name}"`,
          });
          return;
        }
        seen.add(name);
      }
      read(doc, path, perDocument[i]);
    });

  // Data sources and SLIs first, so that a reference may come before what
  // it names.
  const context: IndicatorContext = { dataSources: new Map() };
  each('DataSource', (doc, path, own) => {
    const dataSource = readDataSource(doc, path, own);
    if (dataSource) {
      context.dataSources.set(dataSource.name, dataSource.type);
      warn(
        own,
        path,
        'DataSource is valid and ignored: User Trust reads signals, not metric back-ends (a metricSourceRef naming it only tells its type)',
      );
    }
  });
  const slis = new Map<string, SliEntry>();
  each('SLI', (doc, path, own) => {
    const before = own.length;
    readMetadata(doc.metadata, `${path}.metadata`, own, 'SLI');
    const read = readIndicatorSpec(doc.spec, `${path}.spec`, own, context);
    const problem = problemSince(own, before);
    if (typeof (doc.metadata as Obj | undefined)?.name === 'string') {
      slis.set((doc.metadata as Obj).name as string, { ...read, problem });
    }
  });
  each('Service', (doc, path, own) => {
    const service = readService(doc, path, own);
    if (service) result.services.push(service);
  });
  each('AlertCondition', (doc, path, own) => {
    const condition = readAlertCondition(doc, path, own);
    if (condition) result.alertConditions.push(condition);
  });
  each('AlertNotificationTarget', (doc, path, own) => {
    if (readAlertNotificationTarget(doc, path, own)) {
      warn(
        own,
        path,
        'AlertNotificationTarget is valid and ignored: User Trust sends no alert notifications',
      );
    }
  });
  const notAlerting =
    'User Trust does not alert on it yet: burn rates are judged against the windows of userTrust.evaluation in app-config';
  each('AlertPolicy', (doc, path, own) => {
    const policy = readAlertPolicy(doc, path, own);
    if (policy) {
      result.alertPolicies.push(policy);
      warn(own, path, `AlertPolicy is valid and kept, but ${notAlerting}`);
    }
  });
  each('SLO', (doc, path, own) => {
    const { slo, alertPolicies } = readSlo(doc, path, own, slis, context);
    if (alertPolicies && alertPolicies.length > 0) {
      warn(own, `${path}.spec.alertPolicies`, `are kept, but ${notAlerting}`);
    }
    if (slo) {
      result.slos.push(slo);
      if (alertPolicies && alertPolicies.length > 0) {
        result.sloAlertPolicies.push({ slo: slo.name, alertPolicies });
      }
    }
  });

  const all: Issue[] = [...issues, ...perDocument.flat()];
  const strip = ({ path, message }: Issue): OpenSloIssue => ({
    path,
    message,
  });
  result.errors = all.filter(i => i.level === undefined).map(strip);
  result.unsupported = all.filter(i => i.level === 'unsupported').map(strip);
  result.warnings = all.filter(i => i.level === 'warning').map(strip);
  return result;
}

/**
 * Parses OpenSLO input (see {@link validateOpenSlo}) into user-trust SLOs,
 * all or nothing.
 *
 * @throws {@link OpenSloValidationError} listing every error and every
 *   unsupported SLO.
 * @public
 */
export function parseOpenSlo(text: string): UserTrustSlo[] {
  const result = validateOpenSlo(text);
  if (result.errors.length > 0 || result.unsupported.length > 0) {
    throw new OpenSloValidationError(
      result.errors,
      result.documentCount,
      result.unsupported,
    );
  }
  return result.slos;
}
