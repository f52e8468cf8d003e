import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Config } from '@backstage/config';
import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  describeOpenSloIssues,
  EffectiveSlo,
  EntityFilter,
  matchesEntityFilter,
  OpenSloValidationError,
  OpenSloValidationResult,
  SloSource,
  toStoredEntityRef,
  UserTrustSlo,
  validateOpenSlo,
} from '@user-trust/plugin-user-trust-common';
import { EntitySloStore, StoredSloDocument } from './EntitySloStore';
import { DEFAULT_SLO_RULE } from './defaultSlos';
import {
  entityFilterFromConfig,
  tierLabelFromConfig,
} from './entityFilterConfig';

/** Annotation naming an OpenSLO file, relative to the entity's catalog file or absolute. */
export const SLO_ANNOTATION = 'user-trust.io/slos';
const LOCATION_ANNOTATION = 'backstage.io/managed-by-location';
const FILE_CACHE_MS = 5 * 60 * 1000;

type DefaultRule = {
  rule: string;
  filter: EntityFilter;
  slos: UserTrustSlo[];
  /** Its SLOs that are valid OpenSLO but not supported, skipped. */
  unsupported?: string;
};

/** A problem with one source of SLOs, reported instead of ignored. */
export type SloProblem = { source: SloSource; message: string };

/**
 * A problem with the file of an entity's annotation, in words any caller
 * may read: the annotation as written, never a server path or the file's
 * content. The `cause` (logged) has the details.
 */
class AnnotationProblem extends Error {
  constructor(target: string, problem: string, readonly cause?: unknown) {
    super(`${SLO_ANNOTATION}: '${target}' ${problem}`);
  }
}

/**
 * Reads OpenSLO text: throws on any error of the spec; otherwise returns
 * the supported SLOs and, when some were skipped, what User Trust does not
 * support about them.
 */
function readOpenSlo(text: string): {
  result: OpenSloValidationResult;
  unsupported?: string;
} {
  const result = validateOpenSlo(text);
  if (result.errors.length > 0) {
    throw new OpenSloValidationError(result.errors, result.documentCount);
  }
  return {
    result,
    ...(result.unsupported.length > 0 && {
      unsupported: `${describeOpenSloIssues(
        { errors: [], unsupported: result.unsupported },
        result.documentCount,
      )} (skipped; the other SLOs apply)`,
    }),
  };
}

/** `[0], [2]`: the documents the unsupported issues are in. */
function documentsOf(result: OpenSloValidationResult): string {
  const indices = new Set(
    result.unsupported.map(i => /^documents\[(\d+)\]/.exec(i.path)?.[1]),
  );
  return [...indices]
    .filter(Boolean)
    .map(i => `[${i}]`)
    .join(', ');
}

/** Whether `path` is inside the directory `root` (not the directory itself). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return (
    rel !== '' &&
    rel !== '..' &&
    !rel.startsWith(`..${sep}`) &&
    !isAbsolute(rel)
  );
}

/**
 * Finds the user-trust SLOs of an entity and where each came from: the API
 * (highest precedence), the entity's annotation, then config defaults. An
 * SLO of the same name from a higher source replaces a lower one.
 */
export class SloResolver {
  private readonly fileCache = new Map<
    string,
    { at: number; text: Promise<string> }
  >();

  private constructor(
    private readonly rules: DefaultRule[],
    private readonly tierLabel: string,
    private readonly store: EntitySloStore,
    private readonly urlReader: UrlReaderService,
    private readonly logger: LoggerService,
  ) {}

  static fromConfig(
    config: Config,
    deps: {
      store: EntitySloStore;
      urlReader: UrlReaderService;
      logger: LoggerService;
    },
  ): SloResolver {
    const configured = config.getOptionalConfigArray('userTrust.slos.defaults');
    const rules: DefaultRule[] = configured
      ? configured.map(rule => {
          const name = rule.getString('rule');
          const documents = rule.get('documents');
          try {
            const { result, unsupported } = readOpenSlo(
              JSON.stringify(documents),
            );
            if (unsupported) {
              deps.logger.warn(
                `userTrust.slos.defaults rule '${name}': ${unsupported}`,
              );
            }
            return {
              rule: name,
              filter: entityFilterFromConfig(rule, 'filter.'),
              slos: result.slos,
              ...(unsupported && { unsupported }),
            };
          } catch (e) {
            throw new Error(
              `Invalid userTrust.slos.defaults rule '${name}': ${
                (e as Error).message
              }`,
            );
          }
        })
      : [
          {
            rule: DEFAULT_SLO_RULE.rule,
            filter: DEFAULT_SLO_RULE.filter,
            slos: readOpenSlo(JSON.stringify(DEFAULT_SLO_RULE.documents)).result
              .slos,
          },
        ];
    return new SloResolver(
      rules,
      tierLabelFromConfig(config),
      deps.store,
      deps.urlReader,
      deps.logger,
    );
  }

  /** Every SLO of the default rules, whatever entity they apply to. */
  defaultSlos(): UserTrustSlo[] {
    return this.rules.flatMap(rule => rule.slos);
  }

  /** SLOs of many entities, reading API-registered documents in one query. */
  async resolveMany(
    entities: Entity[],
  ): Promise<Array<{ slos: EffectiveSlo[]; problems: SloProblem[] }>> {
    const stored = await this.store.getMany(
      entities.map(e => toStoredEntityRef(e)),
    );
    return Promise.all(
      entities.map(entity =>
        this.resolve(entity, stored.get(toStoredEntityRef(entity)) ?? null),
      ),
    );
  }

  /**
   * @param stored - the entity's API-registered document when already read
   *   (null: it has none); read from the store when undefined.
   */
  async resolve(
    entity: Entity,
    stored?: StoredSloDocument | null,
  ): Promise<{ slos: EffectiveSlo[]; problems: SloProblem[] }> {
    const byName = new Map<string, EffectiveSlo>();
    const problems: SloProblem[] = [];

    for (const rule of this.rules) {
      if (
        matchesEntityFilter(rule.filter, entity, { tierLabel: this.tierLabel })
      ) {
        const source: SloSource = { type: 'config', rule: rule.rule };
        for (const slo of rule.slos) {
          byName.set(slo.name, { slo, source });
        }
        if (rule.unsupported) {
          problems.push({ source, message: rule.unsupported });
        }
      }
    }

    const annotated = await this.fromAnnotation(entity);
    problems.push(...annotated.problems);
    for (const effective of annotated.slos) {
      byName.set(effective.slo.name, effective);
    }

    const entityRef = toStoredEntityRef(entity);
    const document =
      stored === undefined ? await this.store.get(entityRef) : stored;
    if (document) {
      const source: SloSource = {
        type: 'api',
        updatedBy: document.updatedBy,
        updatedAt: document.updatedAt.toISOString(),
      };
      try {
        const { result, unsupported } = readOpenSlo(document.document);
        for (const slo of result.slos) {
          byName.set(slo.name, { slo, source });
        }
        if (unsupported) problems.push({ source, message: unsupported });
      } catch (e) {
        problems.push({ source, message: (e as Error).message });
      }
    }

    return { slos: [...byName.values()], problems };
  }

  private async fromAnnotation(
    entity: Entity,
  ): Promise<{ slos: EffectiveSlo[]; problems: SloProblem[] }> {
    const target = entity.metadata.annotations?.[SLO_ANNOTATION];
    if (!target) return { slos: [], problems: [] };
    // What callers see: the annotation as written, or the URL read.
    let source: SloSource = { type: 'annotation', location: target };
    let location: string | undefined;
    try {
      location = await this.locate(
        target,
        entity.metadata.annotations?.[LOCATION_ANNOTATION],
      );
      if (location.startsWith('url:')) {
        source = { type: 'annotation', location };
      }
      let text: string;
      try {
        text = await this.read(location);
      } catch (e) {
        throw new AnnotationProblem(target, 'could not be read', e);
      }
      let read: ReturnType<typeof readOpenSlo>;
      try {
        read = readOpenSlo(text);
      } catch (e) {
        // Its errors name the file's keys: only for the log.
        throw new AnnotationProblem(
          target,
          'is not a valid OpenSLO file (the backend log has the details)',
          e,
        );
      }
      const slos = read.result.slos.map(slo => ({ slo, source }));
      if (!read.unsupported) return { slos, problems: [] };
      // Like errors, the details name the file's keys: only for the log.
      this.logger.warn(
        `Some SLOs of ${stringifyEntityRef(
          entity,
        )} (${SLO_ANNOTATION}: ${target}, read at ${location}) were skipped: ${
          read.unsupported
        }`,
      );
      const message = `${SLO_ANNOTATION}: '${target}' holds valid OpenSLO that User Trust does not support, skipped: documents ${documentsOf(
        read.result,
      )} (POST /slos/validate with the file, or the backend log, says why; the other SLOs apply)`;
      return { slos, problems: [{ source, message }] };
    } catch (e) {
      const problem =
        e instanceof AnnotationProblem
          ? e
          : new AnnotationProblem(target, 'could not be read', e);
      this.logger.warn(
        `Could not use the SLOs of ${stringifyEntityRef(
          entity,
        )} (${SLO_ANNOTATION}: ${target}${
          location ? `, read at ${location}` : ''
        }): ${problem.message}${problem.cause ? `: ${problem.cause}` : ''}`,
      );
      return { slos: [], problems: [{ source, message: problem.message }] };
    }
  }

  /** `url:<absolute URL>` or `file:<real absolute path>` of the SLO file. */
  private async locate(target: string, managedBy?: string): Promise<string> {
    if (/^https?:\/\//.test(target)) return `url:${target}`;
    if (managedBy?.startsWith('url:')) {
      return `url:${new URL(target, managedBy.slice(4)).toString()}`;
    }
    if (managedBy?.startsWith('file:')) {
      // Like the catalog's file reader: only files beside the catalog
      // file. Judged on real paths too, so that no symlink (the file's or
      // a directory's on the way) leads out of its directory.
      const outside = new AnnotationProblem(
        target,
        "is outside the directory of the entity's catalog file",
      );
      const dir = dirname(managedBy.slice(5));
      const path = resolve(dir, target);
      if (!isInside(dir, path)) throw outside;
      let real: string;
      try {
        const root = await realpath(dir);
        real = await realpath(path);
        if (!isInside(root, real)) throw outside;
        if (!(await stat(real)).isFile()) {
          throw new AnnotationProblem(target, 'is not a file');
        }
      } catch (e) {
        if (e instanceof AnnotationProblem) throw e;
        throw new AnnotationProblem(target, 'could not be read', e);
      }
      return `file:${real}`;
    }
    throw new AnnotationProblem(
      target,
      'is relative, but the entity has no location to resolve it against',
    );
  }

  private read(location: string): Promise<string> {
    const cached = this.fileCache.get(location);
    if (cached && Date.now() - cached.at < FILE_CACHE_MS) return cached.text;
    const text = location.startsWith('file:')
      ? readFile(location.slice(5), 'utf8')
      : this.urlReader
          .readUrl(location.slice(4))
          .then(async response => (await response.buffer()).toString('utf8'));
    this.fileCache.set(location, { at: Date.now(), text });
    text.catch(() => this.fileCache.delete(location));
    return text;
  }
}
