import { AuthService, HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import {
  parseStoredEntityRef,
  toStoredEntityRef,
  tryStoredEntityRef,
  userTrustSourceManagePermission,
} from '@user-trust/plugin-user-trust-common';
import { spec } from '../schema/openapi.generated';
import { EntityAccess } from '../service/entityAccess';
import { principalRef } from '../service/principals';
import { SourcesService } from './SourcesService';

export interface SourceRouteOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  access: EntityAccess;
  sources: SourcesService;
}

/** The Sources page's figures and its admin actions. */
export function registerSourceRoutes(
  router: ApiRouter<typeof spec>,
  { httpAuth, auth, access, sources }: SourceRouteOptions,
) {
  async function manager(req: Parameters<HttpAuthService['credentials']>[0]) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await access.authorize(credentials, {
      permission: userTrustSourceManagePermission,
    });
    return credentials;
  }

  router.get('/sources', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await sources.list() });
  });

  router.post('/sources/:source/resync', async (req, res) => {
    await manager(req);
    await sources.resync(req.params.source);
    res.status(202).end();
  });

  router.post('/sources/:source/mappings', async (req, res) => {
    const credentials = await manager(req);
    const { serviceId, serviceName, entityRef } = req.body;
    // Connectors' services are mostly components.
    const stored = tryStoredEntityRef(entityRef, { defaultKind: 'component' });
    if (!stored) {
      throw new InputError(`entityRef: '${entityRef}' is not an entity ref`);
    }
    // The entity must exist, and the caller see it.
    const entity = await access.visibleEntity(
      parseStoredEntityRef(stored),
      credentials,
    );
    const ref = toStoredEntityRef(entity);
    const attributed = await sources.map(
      req.params.source,
      { id: serviceId, ...(serviceName ? { name: serviceName } : {}) },
      ref,
      principalRef(auth, credentials),
    );
    res.json({ attributed });
  });
}
