import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { userTrustConnectorsExtensionPoint } from '@user-trust/plugin-user-trust-node';
import { ZendeskClient } from './client/ZendeskClient';
import { readZendeskConfig } from './config';
import { CatalogIndexCache } from './connector/CatalogIndexCache';
import { createZendeskConnector } from './connector/ZendeskConnector';

/**
 * The Zendesk connector of the User Trust backend: receives ticket
 * webhooks at `POST /api/user-trust/webhooks/zendesk` and, when
 * credentials are configured, backfills and catches up through the
 * incremental ticket export on a schedule. Does nothing without a
 * `userTrust.zendesk` section.
 *
 * @public
 */
export const zendeskModule = createBackendModule({
  pluginId: 'user-trust',
  moduleId: 'zendesk',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        connectors: userTrustConnectorsExtensionPoint,
      },
      async init({ config, logger, auth, catalog, connectors }) {
        const zendesk = readZendeskConfig(config);
        if (!zendesk) {
          logger.info(
            'No userTrust.zendesk configuration: the Zendesk connector is not added',
          );
          return;
        }
        if (zendesk.webhookSecrets.length === 0) {
          logger.warn(
            'userTrust.zendesk has no webhookSecrets: Zendesk webhooks are refused',
          );
        }
        const client = zendesk.credentials
          ? new ZendeskClient({
              baseUrl: zendesk.baseUrl,
              credentials: zendesk.credentials,
              exportRequestsPerMinute: zendesk.exportRequestsPerMinute,
              logger,
            })
          : undefined;
        connectors.addConnector(
          createZendeskConnector({
            config: zendesk,
            client,
            catalog: new CatalogIndexCache({ catalog, auth, logger }),
            logger,
          }),
        );
        logger.info(
          `Zendesk connector for ${zendesk.account}: REST sync ${
            client ? 'on' : 'off (no email/apiToken or oauthToken)'
          }`,
        );
      },
    });
  },
});
