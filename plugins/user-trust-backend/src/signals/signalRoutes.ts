import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import {
  toStoredEntityRef,
  userTrustSignalCreatePermission,
} from '@user-trust/plugin-user-trust-common';
import { spec } from '../schema/openapi.generated';
import { EntityAccess } from '../service/entityAccess';
import { SignalIngestor } from './SignalIngestor';
import { SignalStore } from './SignalStore';

export interface SignalRouteOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  store: SignalStore;
  ingestor: SignalIngestor;
  access: EntityAccess;
}

/** Ingestion, and an entity's signal counts and signal list. */
export function registerSignalRoutes(
  router: ApiRouter<typeof spec>,
  { httpAuth, logger, store, ingestor, access }: SignalRouteOptions,
) {
  router.post('/signals', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await access.authorize(credentials, {
      permission: userTrustSignalCreatePermission,
    });
    const result = await ingestor.ingest(req.body.signals);
    logger.info(
      `Ingested ${req.body.signals.length} signals: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
    );
    res.json(result);
  });

  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const entity = await access.visibleEntity(
      req.params,
      await httpAuth.credentials(req),
    );
    res.json(await store.summarize(toStoredEntityRef(entity)));
  });

  router.get('/entities/:kind/:namespace/:name/signals', async (req, res) => {
    const entity = await access.visibleEntity(
      req.params,
      await httpAuth.credentials(req),
    );
    const { kind, from, to, limit, offset } = req.query;
    res.json(
      await store.list(toStoredEntityRef(entity), {
        kinds: kind === undefined ? undefined : ([] as string[]).concat(kind),
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        // Checked integers (checkQueryParameters).
        limit: limit ?? 20,
        offset: offset ?? 0,
      }),
    );
  });
}
