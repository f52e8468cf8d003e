import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { userTrustPermissions } from '@user-trust/plugin-user-trust-common';
import {
  UserTrustSignalProvider,
  userTrustSignalProvidersExtensionPoint,
} from '@user-trust/plugin-user-trust-node';
import { applyDatabaseMigrations } from './database/migrations';
import { SignalStore } from './database/SignalStore';
import { createRouter } from './service/router';
import { SignalIngestor } from './service/SignalIngestor';

/**
 * User Trust backend plugin: signal ingestion and per-entity summaries.
 *
 * @public
 */
export const userTrustPlugin = createBackendPlugin({
  pluginId: 'user-trust',
  register(env) {
    const providers: UserTrustSignalProvider[] = [];
    env.registerExtensionPoint(userTrustSignalProvidersExtensionPoint, {
      addSignalProvider(...newProviders) {
        providers.push(...newProviders);
      },
    });

    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        database: coreServices.database,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        logger,
        database,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(db);
        }
        permissionsRegistry.addPermissions(userTrustPermissions);

        const store = new SignalStore(db);
        const ingestor = new SignalIngestor(store);

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            catalog,
            logger,
            store,
            ingestor,
          }),
        );

        for (const provider of providers) {
          logger.info(
            `Connecting signal provider ${provider.getProviderName()}`,
          );
          await provider.connect(ingestor);
        }
      },
    });
  },
});
