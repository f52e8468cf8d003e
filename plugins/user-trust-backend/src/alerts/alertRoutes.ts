import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { toStoredEntityRef } from '@user-trust/plugin-user-trust-common';
import { spec } from '../schema/openapi.generated';
import { EntityAccess } from '../service/entityAccess';
import { AlertStore } from './AlertStore';

export interface AlertRouteOptions {
  httpAuth: HttpAuthService;
  alerts: AlertStore;
  access: EntityAccess;
}

const DEFAULT_LIMIT = 100;

/** An entity's alert states and the timeline of their transitions. */
export function registerAlertRoutes(
  router: ApiRouter<typeof spec>,
  { httpAuth, alerts, access }: AlertRouteOptions,
) {
  router.get('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const entity = await access.visibleEntity(
      req.params,
      await httpAuth.credentials(req),
    );
    res.json(
      await alerts.forEntity(
        toStoredEntityRef(entity),
        // Checked integers (checkQueryParameters).
        req.query.limit ?? DEFAULT_LIMIT,
      ),
    );
  });
}
