import express from 'express';
import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { userTrustSignalCreatePermission } from '@user-trust/plugin-user-trust-common';
import { spec } from '../schema/openapi.generated';
import { SignalIngestor } from './SignalIngestor';
import { SignalStore } from '../database/SignalStore';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  store: SignalStore;
  ingestor: SignalIngestor;
}

// A batch of 5,000 signals with attributes is a few megabytes of JSON.
const MAX_BODY = '10mb';

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, store, ingestor, logger } = options;

  const router = createValidatedOpenApiRouter(spec, {
    middleware: [express.json({ limit: MAX_BODY })],
  });

  router.post('/signals', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: userTrustSignalCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to ingest signals (${userTrustSignalCreatePermission.name})`,
      );
    }
    const result = await ingestor.ingest(req.body.signals);
    logger.info(
      `Ingested ${req.body.signals.length} signals: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
    res.json(result);
  });

  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = stringifyEntityRef(req.params);
    // Read the entity as the caller: who cannot see it gets no data about it.
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} that you may see`);
    }
    res.json(await store.summarize(stringifyEntityRef(entity)));
  });

  return router;
}
