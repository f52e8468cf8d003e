import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { userTrustConnectorsExtensionPoint } from '@user-trust/plugin-user-trust-node';
import { createStatuspageClients, readStatuspageConfig } from './config';
import { CatalogMappings } from './connector/CatalogMappings';
import { createStatuspageConnector } from './connector/StatuspageConnector';

/**
 * The Statuspage connector of the User Trust backend: receives webhook
 * notifications at `POST /api/user-trust/webhooks/statuspage/<token>`,
 * and — for pages with an API key — backfills and reconciles incidents and
 * scheduled maintenances on a schedule. Does nothing without a
 * `userTrust.statuspage` section.
 *
 * @public
 */
export const statuspageModule = createBackendModule({
  pluginId: 'user-trust',
  moduleId: 'statuspage',
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
        const statuspage = readStatuspageConfig(config);
        if (!statuspage) {
          logger.info(
            'No userTrust.statuspage configuration: the Statuspage connector is not added',
          );
          return;
        }
        const clients = createStatuspageClients(statuspage, { logger });
        for (const page of statuspage.pages) {
          if (page.webhookTokens.length === 0) {
            logger.warn(
              `Statuspage page ${page.id} has no webhookTokens: its webhooks are refused`,
            );
          }
        }
        connectors.addConnector(
          createStatuspageConnector({
            config: statuspage,
            clients,
            mappings: new CatalogMappings({
              config: statuspage,
              catalog,
              auth,
              logger,
            }),
            logger,
          }),
        );
        logger.info(
          `Statuspage connector: ${
            statuspage.pages.length
          } page(s), REST sync ${
            clients.length > 0
              ? `for ${clients.map(client => client.pageId).join(', ')}`
              : 'off (no page has an apiKey)'
          }`,
        );
      },
    });
  },
});
