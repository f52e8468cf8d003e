import { AuthService, HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  describeOpenSloIssues,
  toStoredEntityRef,
  userTrustSloUpdatePermission,
  validateOpenSlo,
} from '@user-trust/plugin-user-trust-common';
import { Request } from 'express';
import { spec } from '../schema/openapi.generated';
import { EntityAccess } from '../service/entityAccess';
import { principalRef } from '../service/principals';
import { EntitySloStore } from './EntitySloStore';
import { EvaluationService } from './EvaluationService';

export interface SloRouteOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  catalog: CatalogService;
  sloStore: EntitySloStore;
  evaluations: EvaluationService;
  access: EntityAccess;
  /** Told of entities whose SLOs changed (caches, health). */
  entitiesChanged(entityRefs: string[]): Promise<void>;
}

/** Media types of OpenSLO text bodies (JSON bodies arrive parsed). */
export const SLO_BODY_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/plain',
];

/** OpenSLO text from a YAML/text body or a JSON body. */
function sloText(req: Request): string {
  if (typeof req.body === 'string') return req.body;
  if (req.body && typeof req.body === 'object') return JSON.stringify(req.body);
  throw new InputError('Request body must hold OpenSLO documents');
}

/** Trust evaluations, an entity's effective SLOs and their registration. */
export function registerSloRoutes(
  router: ApiRouter<typeof spec>,
  options: SloRouteOptions,
) {
  const { httpAuth, auth, catalog, sloStore, evaluations, access } = options;

  router.get('/entities/:kind/:namespace/:name/trust', async (req, res) => {
    const entity = await access.visibleEntity(
      req.params,
      await httpAuth.credentials(req),
    );
    res.json(await evaluations.evaluate(entity));
  });

  router.post('/trust/batch', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRefs: string[] = req.body.entityRefs.map(
      (ref: string, index: number) => {
        try {
          return toStoredEntityRef(ref);
        } catch (e) {
          throw new InputError(
            `entityRefs[${index}]: '${ref}' is not an entity ref`,
          );
        }
      },
    );
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials },
    );
    const visible = items.filter((e): e is Entity => !!e);
    res.json({
      items: await evaluations.evaluateMany(visible),
      notFound: entityRefs.filter((_, i) => !items[i]),
    });
  });

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const entity = await access.visibleEntity(
      req.params,
      await httpAuth.credentials(req),
    );
    const { slos, problems } = await evaluations.resolveSlos(entity);
    res.json({ entityRef: toStoredEntityRef(entity), slos, problems });
  });

  router.put('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const { credentials, entity, entityRef } = await access.changeableEntity(
      req,
      userTrustSloUpdatePermission,
    );
    const text = sloText(req);
    const result = validateOpenSlo(text);
    // Spec errors refuse the document; unsupported SLOs are skipped (and
    // shown as problems of the stored document) unless none is left.
    if (result.errors.length > 0) {
      throw new InputError(describeOpenSloIssues(result, result.documentCount));
    }
    if (result.slos.length === 0) {
      throw new InputError(
        result.unsupported.length > 0
          ? `No SLO in the request body that User Trust supports. ${describeOpenSloIssues(
              result,
              result.documentCount,
            )}`
          : 'No OpenSLO SLO documents in the request body',
      );
    }
    const updatedBy = principalRef(auth, credentials);
    await sloStore.put(entityRef, text, updatedBy);
    await options.entitiesChanged([entityRef]);
    const resolved = await evaluations.resolveSlos(entity);
    res.json({ entityRef, ...resolved });
  });

  router.delete('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const { entityRef } = await access.changeableEntity(
      req,
      userTrustSloUpdatePermission,
    );
    if (!(await sloStore.delete(entityRef))) {
      throw new NotFoundError(
        `${entityRef} has no SLOs registered through the API`,
      );
    }
    await options.entitiesChanged([entityRef]);
    res.status(204).end();
  });

  router.post('/slos/validate', async (req, res) => {
    await httpAuth.credentials(req);
    const { slos, errors, unsupported, warnings } = validateOpenSlo(
      sloText(req),
    );
    res.json({
      valid: errors.length === 0,
      slos,
      errors,
      unsupported,
      warnings,
    });
  });
}
