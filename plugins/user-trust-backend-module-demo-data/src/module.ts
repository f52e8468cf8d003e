import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { DEFAULT_TIER_LABEL } from '@user-trust/plugin-user-trust-common';
import {
  UserTrustSignalProviderConnection,
  userTrustSignalProvidersExtensionPoint,
} from '@user-trust/plugin-user-trust-node';
import {
  DemoEntity,
  demoSliQuery,
  generateDemoSignals,
} from './generateDemoSignals';
import { waitUntilSettled } from './waitUntilSettled';

const BATCH_SIZE = 2000;
const TASK_ID = 'user-trust-demo-data';
// The catalog fills a few entities at a time after start-up: the demo data
// waits until two reads this far apart find the same components and support
// engineers, for at most 5 minutes.
const CATALOG_SETTLE_INTERVAL_MS = 5000;
const CATALOG_SETTLE_MAX_WAIT_MS = 5 * 60_000;

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
              tier: entity.metadata.labels?.[DEFAULT_TIER_LABEL],
              system: entity.spec?.system
                ? `system:default/${entity.spec.system}`
                : undefined,
              sliQuery: demoSliQuery(entity.metadata.annotations),
            })),
            supportEngineers: supporters.items.map(u => stringifyEntityRef(u)),
          };
        };

        const seed = async (connection: UserTrustSignalProviderConnection) => {
          // The catalog fills a few seconds after start-up, a few entities
          // at a time: wait until it has stopped growing, or the history
          // would cover part of it until the next run, an hour later.
          const { loaded, settled } = await waitUntilSettled(loadEntities, {
            fingerprint: ({ entities, supportEngineers }) =>
              entities.length > 0
                ? `${entities.length} components, ${supportEngineers.length} support engineers`
                : undefined,
            intervalMs: CATALOG_SETTLE_INTERVAL_MS,
            maxWaitMs: CATALOG_SETTLE_MAX_WAIT_MS,
          });
          if (!settled) {
            logger.warn(
              `The catalog was still changing after ${
                CATALOG_SETTLE_MAX_WAIT_MS / 1000
              } s; demo signals for the ${
                loaded.entities.length
              } components found so far`,
            );
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
              id: TASK_ID,
              // Once across replicas; hourly so the history keeps up with time.
              scope: 'global',
              frequency: { hours: 1 },
              timeout: { minutes: 10 },
              initialDelay: { seconds: 5 },
              fn: () => seed(connection),
            });
            // The next run of a global task is kept in the database, so
            // after a restart it would come only when its hour is up: run it
            // now too (still once across replicas, after the initial delay).
            // That is cheap and idempotent (stable externalIds): a run only
            // catches the history up with the time.
            try {
              await scheduler.triggerTask(TASK_ID);
            } catch (error) {
              // ConflictError: running already (another replica).
              logger.info(
                `Demo signal data not triggered at start-up: ${error}`,
              );
            }
          },
        });
      },
    });
  },
});
