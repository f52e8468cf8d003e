import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { userTrustConnectorsExtensionPoint } from '@user-trust/plugin-user-trust-node';
import { PrometheusClient } from './client/PrometheusClient';
import { readPrometheusConfig } from './config';
import { createPrometheusConnector } from './connector/PrometheusConnector';

/**
 * The Prometheus connector of the User Trust backend: on a schedule
 * (hourly by default), reads each annotated or configured entity's daily
 * good/total ratio over `/api/v1/query_range` and stores it as
 * `sli_report` signals, the technical side of perception dissonance.
 * Does nothing without a `userTrust.prometheus` section.
 *
 * @public
 */
export const prometheusModule = createBackendModule({
  pluginId: 'user-trust',
  moduleId: 'prometheus',
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
        const prometheus = readPrometheusConfig(config);
        if (!prometheus) {
          logger.info(
            'No userTrust.prometheus configuration: the Prometheus connector is not added',
          );
          return;
        }
        const client = new PrometheusClient({
          baseUrl: prometheus.baseUrl,
          credentials: prometheus.credentials,
          timeoutSeconds: prometheus.timeoutSeconds,
        });
        connectors.addConnector(
          createPrometheusConnector({
            config: prometheus,
            client,
            catalog,
            auth,
            logger,
          }),
        );
        logger.info(
          `Prometheus connector for ${prometheus.baseUrl}: ${prometheus.backfillDays} days a sync`,
        );
      },
    });
  },
});
