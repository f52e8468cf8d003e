import express, { Request } from 'express';
import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  userTrustSignalCreatePermission,
  toStoredEntityRef,
  userTrustSloUpdatePermission,
  validateOpenSlo,
} from '@user-trust/plugin-user-trust-common';
import { spec } from '../schema/openapi.generated';
import { SignalIngestor } from '../signals/SignalIngestor';
import { SignalStore } from '../signals/SignalStore';
import { EntitySloStore } from '../slo/EntitySloStore';
import { EvaluationService } from '../slo/EvaluationService';
import { FieldRoleService } from '../fieldRoles/FieldRoleService';
import { registerFieldRoleRoutes } from '../fieldRoles/fieldRoleRoutes';
import { HealthService } from '../health/HealthService';
import { registerHealthRoutes } from '../health/healthRoutes';
import { checkQueryParameters } from './queryParameters';
import { checkRequestContent } from './requestContent';
import { nameUnknownProperties } from './validationErrors';
import { principalRef } from './principals';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  store: SignalStore;
  ingestor: SignalIngestor;
  sloStore: EntitySloStore;
  evaluations: EvaluationService;
  /** For the field-role registry routes (catalog refreshes after changes). */
  auth: AuthService;
  fieldRoles: FieldRoleService;
  health: HealthService;
  /** Told of entities whose SLOs or field roles changed (caches, health). */
  entitiesChanged(entityRefs: string[]): Promise<void>;
}

// A batch of 5,000 signals with attributes is a few megabytes of JSON.
const MAX_BODY = '10mb';
const SLO_BODY_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/plain',
];

type EntityParams = { kind: string; namespace: string; name: string };

/** OpenSLO text from a YAML/text body or a JSON body. */
function sloText(req: Request): string {
  if (typeof req.body === 'string') return req.body;
  if (req.body && typeof req.body === 'object') return JSON.stringify(req.body);
  throw new InputError('Request body must hold OpenSLO documents');
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    auth,
    permissions,
    catalog,
    store,
    ingestor,
    logger,
    sloStore,
    evaluations,
    entitiesChanged,
  } = options;

  const router = createValidatedOpenApiRouter(spec, {
    middleware: [
      express.json({ limit: MAX_BODY }),
      express.text({ type: SLO_BODY_TYPES, limit: '1mb' }),
      express.text({ type: 'text/csv', limit: '5mb' }),
    ],
  });
  // After the validator, before every route.
  router.use(checkQueryParameters(spec), checkRequestContent());

  async function authorize(
    credentials: BackstageCredentials,
    request: AuthorizePermissionRequest,
  ) {
    const [decision] = await permissions.authorize([request], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${request.permission.name}`);
    }
  }

  /** The entity, read as the caller: who cannot see it gets a 404. */
  async function visibleEntity(
    params: EntityParams,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entityRef = stringifyEntityRef(params);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} that you may see`);
    }
    return entity;
  }

  /**
   * The entity of a change request, once the caller (a user or a service)
   * may see it and holds the permission on it.
   */
  async function changeableEntity(
    req: Request<EntityParams>,
    permission: ResourcePermission,
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entity = await visibleEntity(req.params, credentials);
    const entityRef = toStoredEntityRef(entity);
    await authorize(credentials, { permission, resourceRef: entityRef });
    return { credentials, entity, entityRef };
  }

  router.post('/signals', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(credentials, {
      permission: userTrustSignalCreatePermission,
    });
    const result = await ingestor.ingest(req.body.signals);
    logger.info(
      `Ingested ${req.body.signals.length} signals: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
    res.json(result);
  });

  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const entity = await visibleEntity(
      req.params,
      await httpAuth.credentials(req),
    );
    res.json(await store.summarize(toStoredEntityRef(entity)));
  });

  router.get('/entities/:kind/:namespace/:name/trust', async (req, res) => {
    const entity = await visibleEntity(
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
    const entity = await visibleEntity(
      req.params,
      await httpAuth.credentials(req),
    );
    const { slos, problems } = await evaluations.resolveSlos(entity);
    res.json({ entityRef: toStoredEntityRef(entity), slos, problems });
  });

  router.put('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const { credentials, entity, entityRef } = await changeableEntity(
      req,
      userTrustSloUpdatePermission,
    );
    const text = sloText(req);
    const { slos, errors } = validateOpenSlo(text);
    if (errors.length > 0) {
      throw new InputError(
        `Invalid OpenSLO documents: ${errors
          .map(e => `${e.path}: ${e.message}`)
          .join('; ')}`,
      );
    }
    if (slos.length === 0) {
      throw new InputError('No OpenSLO SLO documents in the request body');
    }
    const updatedBy = principalRef(auth, credentials);
    await sloStore.put(entityRef, text, updatedBy);
    await entitiesChanged([entityRef]);
    const resolved = await evaluations.resolveSlos(entity);
    res.json({ entityRef, ...resolved });
  });

  router.delete('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const { entityRef } = await changeableEntity(
      req,
      userTrustSloUpdatePermission,
    );
    if (!(await sloStore.delete(entityRef))) {
      throw new NotFoundError(
        `${entityRef} has no SLOs registered through the API`,
      );
    }
    await entitiesChanged([entityRef]);
    res.status(204).end();
  });

  router.get('/entities/:kind/:namespace/:name/signals', async (req, res) => {
    const entity = await visibleEntity(
      req.params,
      await httpAuth.credentials(req),
    );
    const { kind, from, to, limit, offset } = req.query;
    const result = await store.list(toStoredEntityRef(entity), {
      kinds: kind === undefined ? undefined : ([] as string[]).concat(kind),
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
      // Checked integers (checkQueryParameters).
      limit: limit ?? 20,
      offset: offset ?? 0,
    });
    res.json(result);
  });

  router.post('/slos/validate', async (req, res) => {
    await httpAuth.credentials(req);
    const { slos, errors } = validateOpenSlo(sloText(req));
    res.json({
      valid: errors.length === 0 && slos.length > 0,
      slos,
      errors,
    });
  });

  registerHealthRoutes(router, options);

  registerFieldRoleRoutes(router, {
    ...options,
    visibleEntity,
    changeableEntity,
    onChanged: entitiesChanged,
  });

  // After every route: the validator's 400s, with the unknown property.
  router.use(nameUnknownProperties(spec));

  return router;
}
