import { UserTrustSlo } from '../types';
import { readDocuments } from './documents';
import { OpenSloValidationError } from './errors';
import { readIndicatorSpec } from './indicatorSpec';
import { Issues, Obj, OpenSloIssue, checkKeys, isObject } from './issues';
import { readMetadata } from './metadata';
import { SliEntry } from './sli';
import { readSlo } from './slo';

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
