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
import { RollupStore } from './database/RollupStore';
import { EntitySloStore } from './database/EntitySloStore';
import { EvaluationService } from './slo/EvaluationService';
import { SloResolver } from './slo/SloResolver';
import { FieldRoleStore } from './database/FieldRoleStore';
import { FieldRoleService } from './fieldRoles/FieldRoleService';
import { FieldRoleTypes } from './fieldRoles/FieldRoleTypes';

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
        auth: coreServices.auth,
        logger: coreServices.logger,
        database: coreServices.database,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        urlReader: coreServices.urlReader,
      },
      async init({
        httpRouter,
        httpAuth,
        auth,
        logger,
        database,
        permissions,
        permissionsRegistry,
        catalog,
        config,
        urlReader,
      }) {
        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(db);
        }
        permissionsRegistry.addPermissions(userTrustPermissions);

        const rollups = new RollupStore(db);
        const store = new SignalStore(db, rollups);
        const sloStore = new EntitySloStore(db);
        const evaluations = EvaluationService.fromConfig(config, {
          rollups,
          resolver: SloResolver.fromConfig(config, {
            store: sloStore,
            urlReader,
            logger,
          }),
        });
        await evaluations.start();
        const fieldRoles = new FieldRoleService(
          FieldRoleTypes.fromConfig(config),
          new FieldRoleStore(db),
          rollups,
          catalog,
        );
        await fieldRoles.start();
        const ingestor = new SignalIngestor(store, entityRefs =>
          evaluations.invalidate(entityRefs),
        );

        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            catalog,
            logger,
            store,
            ingestor,
            sloStore,
            evaluations,
            auth,
            fieldRoles,
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
