import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  UserTrustSignalProviderConnection,
  userTrustSignalProvidersExtensionPoint,
} from '@user-trust/plugin-user-trust-node';
import { DemoEntity, generateDemoSignals } from './generateDemoSignals';

const TIER_LABEL = 'brightcart.example/tier';
const BATCH_SIZE = 2000;

/**
 * Development-only signal provider: fills (and keeps filling, day by day)
 * a seeded-random signal history for every component of the catalog, through
 * the same ingestion path as real signals. Does nothing unless
 * `userTrust.demoData.enabled` is true.
 *
 * @public
 */
export const userTrustModuleDemoData = createBackendModule({
  pluginId: 'user-trust',
  moduleId: 'demo-data',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        providers: userTrustSignalProvidersExtensionPoint,
      },
      async init({ config, logger, scheduler, auth, catalog, providers }) {
        if (!config.getOptionalBoolean('userTrust.demoData.enabled')) {
          return;
        }
        const days = config.getOptionalNumber('userTrust.demoData.days') ?? 90;
        logger.warn(
          `Demo signal data is enabled: ${days} days of generated signals will be ingested for every component`,
        );

        const loadEntities = async (): Promise<{
          entities: DemoEntity[];
          supportEngineers: string[];
        }> => {
          const credentials = await auth.getOwnServiceCredentials();
          const [components, supporters] = await Promise.all([
            catalog.getEntities(
              {
                filter: { kind: 'Component' },
                fields: ['kind', 'metadata', 'spec.system'],
              },
              { credentials },
            ),
            catalog.getEntities(
              {
                filter: {
                  kind: 'User',
                  'relations.memberOf': 'group:default/support',
                },
                fields: ['kind', 'metadata'],
              },
              { credentials },
            ),
          ]);
          return {
            entities: components.items.map(entity => ({
              entityRef: stringifyEntityRef(entity),
              tier: entity.metadata.labels?.[TIER_LABEL],
              system: entity.spec?.system
                ? `system:default/${entity.spec.system}`
                : undefined,
            })),
            supportEngineers: supporters.items.map(u => stringifyEntityRef(u)),
          };
        };

        const seed = async (connection: UserTrustSignalProviderConnection) => {
          // The catalog fills a few seconds after start-up: wait for it.
          let loaded = await loadEntities();
          for (let i = 0; i < 40 && loaded.entities.length === 0; i++) {
            await new Promise(resolve => setTimeout(resolve, 3000));
            loaded = await loadEntities();
          }
          const now = new Date();
          const totals = { created: 0, updated: 0, unchanged: 0 };
          let batch = [];
          for (const entity of loaded.entities) {
            batch.push(
              ...generateDemoSignals(entity, {
                now,
                days,
                supportEngineers: loaded.supportEngineers,
              }),
            );
            if (batch.length >= BATCH_SIZE) {
              const result = await connection.ingest(batch);
              totals.created += result.created;
              totals.updated += result.updated;
              totals.unchanged += result.unchanged;
              batch = [];
            }
          }
          if (batch.length > 0) {
            const result = await connection.ingest(batch);
            totals.created += result.created;
            totals.updated += result.updated;
            totals.unchanged += result.unchanged;
          }
          logger.info(
            `Demo signals for ${loaded.entities.length} components: ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged`,
          );
        };

        providers.addSignalProvider({
          getProviderName: () => 'demo-data',
          connect: async connection => {
            await scheduler.scheduleTask({
              id: 'user-trust-demo-data',
              // Once across replicas; hourly so the history keeps up with time.
              scope: 'global',
              frequency: { hours: 1 },
              timeout: { minutes: 10 },
              initialDelay: { seconds: 5 },
              fn: () => seed(connection),
            });
          },
        });
      },
    });
  },
});
