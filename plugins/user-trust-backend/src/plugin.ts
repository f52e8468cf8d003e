import {
  coreServices,
  createBackendPlugin,
  LifecycleService,
  LoggerService,
  SchedulerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { Config } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { userTrustPermissions } from '@user-trust/plugin-user-trust-common';
import {
  UserTrustConnector,
  userTrustConnectorsExtensionPoint,
  UserTrustSignalProvider,
  userTrustSignalProvidersExtensionPoint,
} from '@user-trust/plugin-user-trust-node';
import { applyDatabaseMigrations } from './database/migrations';
import { SignalStore } from './signals/SignalStore';
import { createRouter } from './service/router';
import { SignalIngestor } from './signals/SignalIngestor';
import { KnownEntityRefs } from './signals/KnownEntityRefs';
import {
  DEFAULT_SIGNAL_TIME_BOUNDS,
  SignalTimeBounds,
} from './signals/validateSignals';
import { RollupStore } from './rollups/RollupStore';
import { EntitySloStore } from './slo/EntitySloStore';
import { EvaluationService } from './slo/EvaluationService';
import { SliReportStore } from './slo/SliReportStore';
import { SloResolver } from './slo/SloResolver';
import { FieldRoleStore } from './fieldRoles/FieldRoleStore';
import { FieldRoleService } from './fieldRoles/FieldRoleService';
import { FieldRoleTypes } from './fieldRoles/FieldRoleTypes';
import { HealthStore } from './health/HealthStore';
import { HealthService } from './health/HealthService';
import { ChangedEntitiesStore } from './database/ChangedEntitiesStore';
import { TaskStateStore } from './database/TaskStateStore';
import {
  DEFAULT_RECONCILE_ENTITIES_PER_RUN,
  RECONCILE_TASK_ID,
  RollupReconciler,
} from './rollups/RollupReconciler';
import { ActivityBuffer } from './sources/ActivityBuffer';
import { ConnectorRuntime } from './sources/ConnectorRuntime';
import { SourceMetrics } from './sources/sourceMetrics';
import { SourcesService } from './sources/SourcesService';
import { SourceStore } from './sources/SourceStore';
import { createWebhookRouter } from './sources/webhookRouter';
import { ImportMappingStore } from './imports/ImportMappingStore';
import { SignalImportService } from './imports/SignalImportService';
import { registerUserTrustActions } from './actions/registerUserTrustActions';
import { createEntityAccess } from './service/entityAccess';
import { AlertStore } from './alerts/AlertStore';

const DEFAULT_HEALTH_KINDS = ['component', 'api'];
const DEFAULT_HEALTH_REFRESH: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 10 },
};
/** How soon the health of entities with new signals is brought up to date. */
const CHANGED_REFRESH_SECONDS = 10;

/** The scheduler task of a connector's sync. */
const syncTaskId = (connectorId: string) =>
  `user-trust:source:${connectorId}:sync`;

const DEFAULT_RECONCILE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 5 },
  initialDelay: { minutes: 1 },
};

/** How far from now signal times may lie (`userTrust.ingestion`). */
function signalTimeBounds(config: Config): SignalTimeBounds {
  const minutes = config.getOptionalNumber(
    'userTrust.ingestion.maxFutureSkewMinutes',
  );
  const days = config.getOptionalNumber('userTrust.ingestion.maxAgeDays');
  return {
    maxFutureSkewMs:
      minutes === undefined
        ? DEFAULT_SIGNAL_TIME_BOUNDS.maxFutureSkewMs
        : minutes * 60_000,
    maxAgeMs:
      days === undefined
        ? DEFAULT_SIGNAL_TIME_BOUNDS.maxAgeMs
        : days * 24 * 3600_000,
  };
}

/** A schedule from config, or the default. */
function schedule(
  config: Config,
  key: string,
  defaults: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const configured = config.getOptionalConfig(key);
  return configured
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(configured)
    : defaults;
}

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
    const connectors: UserTrustConnector[] = [];
    env.registerExtensionPoint(userTrustConnectorsExtensionPoint, {
      addConnector(...newConnectors) {
        connectors.push(...newConnectors);
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
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
        lifecycle: coreServices.lifecycle,
        actionsRegistry: actionsRegistryServiceRef,
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
        scheduler,
        userInfo,
        lifecycle,
        actionsRegistry,
      }) {
        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(db);
        }
        permissionsRegistry.addPermissions(userTrustPermissions);

        const rollups = new RollupStore(db);
        const changes = new ChangedEntitiesStore(db);
        const store = new SignalStore(db, rollups, changes);
        const sloStore = new EntitySloStore(db);
        const evaluations = EvaluationService.fromConfig(config, {
          rollups,
          sliReports: new SliReportStore(db),
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
          auth,
        );
        await fieldRoles.start();
        // Alert states are judged by the health refreshes (once across
        // replicas) and kept here with their transitions.
        const alerts = new AlertStore(db);
        const health = new HealthService({
          alerts,
          store: new HealthStore(db),
          changes,
          catalog,
          auth,
          permissions,
          userInfo,
          evaluations,
          fieldRoles,
          rollups,
          logger,
          kinds: (
            config.getOptionalStringArray('userTrust.health.kinds') ??
            DEFAULT_HEALTH_KINDS
          ).map(kind => kind.toLocaleLowerCase('en-US')),
        });
        // The one hook for changes that make derived data stale (SLO and
        // field-role changes, repaired rollups). Ingestion marks its entities
        // changed in its own transaction instead; this
        // replica's evaluation cache is dropped at once (others' expire).
        const entitiesChanged = async (entityRefs: string[]) => {
          evaluations.invalidate(entityRefs);
          await health.markChanged(entityRefs);
        };
        const ingestor = new SignalIngestor({
          store,
          knownEntities: new KnownEntityRefs(catalog, auth),
          bounds: signalTimeBounds(config),
          onIngested: entityRefs => evaluations.invalidate(entityRefs),
        });

        // One replica at a time recomputes every row, and one brings the
        // rows of entities marked changed (durably) up to date in seconds.
        await scheduler.scheduleTask({
          id: 'user-trust:health:refresh-all',
          scope: 'global',
          ...schedule(
            config,
            'userTrust.health.refresh',
            DEFAULT_HEALTH_REFRESH,
          ),
          fn: async () => {
            const count = await health.refreshAll();
            logger.info(`Refreshed the health of ${count} entities`);
          },
        });
        await scheduler.scheduleTask({
          id: 'user-trust:health:refresh-changed',
          scope: 'global',
          frequency: { seconds: CHANGED_REFRESH_SECONDS },
          timeout: { minutes: 5 },
          fn: async () => {
            await health.refreshChanged();
          },
        });
        const taskState = new TaskStateStore(db);
        const reconciler = new RollupReconciler({
          rollups,
          state: taskState,
          logger,
          entitiesPerRun:
            config.getOptionalNumber(
              'userTrust.rollups.reconcile.entitiesPerRun',
            ) ?? DEFAULT_RECONCILE_ENTITIES_PER_RUN,
          onRepaired: entitiesChanged,
        });
        await scheduler.scheduleTask({
          id: RECONCILE_TASK_ID,
          scope: 'global',
          ...schedule(
            config,
            'userTrust.rollups.reconcile.schedule',
            DEFAULT_RECONCILE,
          ),
          fn: async () => {
            await reconciler.runOnce();
          },
        });

        const sources = await startConnectors({
          connectors,
          store: new SourceStore(db),
          taskState,
          ingest: signals => ingestor.ingest(signals),
          scheduler,
          lifecycle,
          logger,
        });
        // Webhooks carry the vendor's signature instead of Backstage
        // credentials, and need their raw body: their own router, first.
        httpRouter.use(createWebhookRouter(sources));
        httpRouter.addAuthPolicy({
          path: '/webhooks',
          allow: 'unauthenticated',
        });
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
            health,
            sources,
            imports: new SignalImportService(ingestor),
            importMappings: new ImportMappingStore(db),
            alerts,
            entitiesChanged,
          }),
        );

        // Actions for AI assistants (MCP), as the caller, through the same
        // services and checks as the routes.
        registerUserTrustActions({
          actionsRegistry,
          access: createEntityAccess({ httpAuth, permissions, catalog }),
          auth,
          userInfo,
          evaluations,
          health,
          fieldRoles,
          ingestor,
          signals: store,
          appBaseUrl: config.getOptionalString('app.baseUrl'),
        });

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

/**
 * Runs the connectors that modules added: one runtime each, its sync
 * scheduled once across replicas, and a periodic attribution of kept
 * signals whose services have since got an entity.
 */
async function startConnectors(options: {
  connectors: UserTrustConnector[];
  store: SourceStore;
  taskState: TaskStateStore;
  ingest: ConstructorParameters<typeof ConnectorRuntime>[0]['ingest'];
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  logger: LoggerService;
}): Promise<SourcesService> {
  const { connectors, store, taskState, ingest, scheduler, logger } = options;
  const metrics = new SourceMetrics();
  const activity = new ActivityBuffer(store, logger);
  activity.start();
  options.lifecycle.addShutdownHook(() => activity.stop());
  const sources = new SourcesService({
    store,
    activity,
    triggerSync: id => scheduler.triggerTask(syncTaskId(id)),
  });
  for (const connector of connectors) {
    const runtime = new ConnectorRuntime({
      connector,
      store,
      taskState,
      activity,
      ingest,
      logger: logger.child({ connector: connector.id }),
      metrics,
    });
    sources.add(runtime);
    if (connector.sync) {
      await scheduler.scheduleTask({
        id: syncTaskId(connector.id),
        scope: 'global',
        ...connector.sync.schedule,
        fn: signal => runtime.sync(signal),
      });
    }
    logger.info(`Started connector ${connector.id}`);
  }
  if (connectors.length > 0) {
    await scheduler.scheduleTask({
      id: 'user-trust:sources:attribute',
      scope: 'global',
      frequency: { minutes: 10 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 1 },
      fn: async () => {
        for (const runtime of sources.all()) await runtime.attribute();
      },
    });
  }
  return sources;
}
