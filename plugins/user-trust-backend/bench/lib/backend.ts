import { createServer } from 'node:net';
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { Entity } from '@backstage/catalog-model';
import { userTrustPlugin } from '../../src/plugin';
import { fakeCatalogFactory } from './catalog';

export const INGEST_TOKEN = 'user-trust-bench-static-token-0123456789abcdef';

export type BenchBackend = {
  baseUrl: string;
  token: string;
  /** Runs a scheduled task of the plugin now (it runs in the background). */
  triggerTask(id: string): Promise<void>;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A real Backstage backend in this process, as `createBackend()` builds it
 * for production (default services: HTTP server, auth, database, logger,
 * permissions...), with the user-trust plugin and a fake catalog.
 */
export async function startBenchBackend(options: {
  database: Record<string, unknown>;
  entities: Entity[];
  /** Merged into the config, e.g. `userTrust` settings. */
  extraConfig?: Record<string, unknown>;
}): Promise<BenchBackend> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: options.database,
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: INGEST_TOKEN, subject: 'user-trust-bench' },
          },
        ],
      },
    },
    permission: { enabled: false },
    ...options.extraConfig,
  };

  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => new ConfigReader(config as JsonObject),
    }),
  );
  backend.add(fakeCatalogFactory(options.entities));
  backend.add(userTrustPlugin);
  // The plugin's scheduler, to start a full health refresh when wanted.
  let scheduler: SchedulerService | undefined;
  backend.add(
    createBackendModule({
      pluginId: 'user-trust',
      moduleId: 'bench-scheduler',
      register(env) {
        env.registerInit({
          deps: { pluginScheduler: coreServices.scheduler },
          async init({ pluginScheduler }) {
            scheduler = pluginScheduler;
          },
        });
      },
    }),
  );
  await backend.start();

  return {
    baseUrl,
    token: INGEST_TOKEN,
    triggerTask: id => scheduler!.triggerTask(id),
    stop: () => backend.stop(),
  };
}
