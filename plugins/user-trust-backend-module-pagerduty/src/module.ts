import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { userTrustConnectorsExtensionPoint } from '@user-trust/plugin-user-trust-node';
import { PagerDutyClient } from './client/PagerDutyClient';
import { readPagerDutyConfig } from './config';
import { CatalogMappings } from './connector/CatalogMappings';
import { createPagerDutyConnector } from './connector/PagerDutyConnector';

/**
 * The PagerDuty connector of the User Trust backend: receives webhooks v3
 * at `POST /api/user-trust/webhooks/pagerduty`, and — for accounts with a
 * REST token — backfills and reconciles incidents on a schedule. Does
 * nothing without a `userTrust.pagerduty` section.
 *
 * @public
 */
export const pagerDutyModule = createBackendModule({
  pluginId: 'user-trust',
  moduleId: 'pagerduty',
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
        const pagerDuty = readPagerDutyConfig(config);
        if (!pagerDuty) {
          logger.info(
            'No userTrust.pagerduty configuration: the PagerDuty connector is not added',
          );
          return;
        }
        const clients = new Map<string, PagerDutyClient>();
        for (const account of pagerDuty.accounts) {
          if (!account.token) continue;
          clients.set(
            account.id,
            new PagerDutyClient({
              token: account.token,
              baseUrl: account.baseUrl,
              logger,
            }),
          );
        }
        const withoutSecret = pagerDuty.accounts.filter(
          account => account.webhookSecrets.length === 0,
        );
        for (const account of withoutSecret) {
          logger.warn(
            `PagerDuty account ${account.id} has no webhookSecrets: its webhooks are refused`,
          );
        }
        connectors.addConnector(
          createPagerDutyConnector({
            config: pagerDuty,
            clients,
            mappings: new CatalogMappings({
              config: pagerDuty,
              catalog,
              auth,
              clients,
              logger,
            }),
            logger,
          }),
        );
        logger.info(
          `PagerDuty connector: ${
            pagerDuty.accounts.length
          } account(s), REST sync ${
            clients.size > 0
              ? `for ${[...clients.keys()].join(', ')}`
              : 'off (no account has a token)'
          }`,
        );
      },
    });
  },
});
