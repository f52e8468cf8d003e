import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { UserTrustConnector } from '@user-trust/plugin-user-trust-node';
import { PrometheusClient } from '../client/PrometheusClient';
import { PrometheusConfig } from '../config';
import { PrometheusSliQuery } from '../mapping/sliQueries';
import { PROMETHEUS_SOURCE } from '../mapping/sliSignals';
import {
  PrometheusSliFailure,
  summariseFailures,
  syncPrometheusSlis,
} from '../sync/syncSlis';
import { readCatalogSlis } from './catalogSlis';

/**
 * The `prometheus` connector: a scheduled sync, no webhooks. Each run
 * reads the entities to query (config `entities`, then annotations), reads
 * and stores every entity's daily SLIs, and, when some failed, throws one
 * error naming them at the end, so the run is a failed sync on the
 * Sources page while the other entities' signals are stored.
 */
export function createPrometheusConnector(options: {
  config: PrometheusConfig;
  client: PrometheusClient;
  catalog: Pick<CatalogService, 'getEntities'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  logger: LoggerService;
  now?: () => number;
}): UserTrustConnector {
  const { config, client, catalog, auth, logger } = options;
  const now = options.now ?? Date.now;
  return {
    id: PROMETHEUS_SOURCE,
    title: 'Prometheus',
    sync: {
      schedule: config.schedule,
      run: async context => {
        const failures: PrometheusSliFailure[] = [];
        const byRef = new Map<string, PrometheusSliQuery>();
        for (const found of await readCatalogSlis({ catalog, auth })) {
          if ('error' in found) {
            if (!config.entities[found.entityRef]) {
              failures.push({
                entityRef: found.entityRef,
                message: found.error,
              });
            }
          } else {
            byRef.set(found.entityRef, found.query);
          }
        }
        for (const [entityRef, query] of Object.entries(config.entities)) {
          byRef.set(entityRef, query);
        }
        const entities = [...byRef]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([entityRef, query]) => ({ entityRef, query }));
        const result = await syncPrometheusSlis({
          client,
          entities,
          context,
          logger: context.logger,
          backfillDays: config.backfillDays,
          now,
          signal: context.signal,
        });
        if (context.signal.aborted) {
          // Not a successful sync: the entities after the abort were not read.
          throw new Error(
            'Prometheus sync aborted (timeout or shutdown) before every entity was read',
          );
        }
        failures.push(...result.failures);
        logger.info(
          `Prometheus sync: ${result.signals} daily SLIs of ${
            entities.length - result.failures.length
          } entities stored, ${failures.length} entities failed`,
        );
        if (failures.length > 0) {
          throw summariseFailures(
            failures,
            entities.length + failures.length - result.failures.length,
          );
        }
      },
    },
  };
}
