import {
  createBackendPlugin,
  SchedulerServiceTaskScheduleDefinition,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  UserTrustSignalProvider,
  userTrustSignalProvidersExtensionPoint,
} from '@user-trust/plugin-user-trust-node';
import { SignalInput } from '@user-trust/plugin-user-trust-common';
import { userTrustModuleDemoData } from './module';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/platform' },
});

const components = Array.from({ length: 38 }, (_, i) =>
  component(`service-${i}`),
);
// The first one has a Prometheus SLI query, like the example portal's services.
components[0].metadata.annotations = {
  'prometheus.io/sli-ratio': 'avg_over_time(slo:availability:ratio[1d])',
};

/** Stands in for the User Trust backend: collects the signal providers. */
function fakeUserTrustPlugin(providers: UserTrustSignalProvider[]) {
  return createBackendPlugin({
    pluginId: 'user-trust',
    register(env) {
      env.registerExtensionPoint(userTrustSignalProvidersExtensionPoint, {
        addSignalProvider: (...added) => providers.push(...added),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('userTrustModuleDemoData', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  async function setUp(catalogSizes: number[]) {
    const providers: UserTrustSignalProvider[] = [];
    const scheduler = mockServices.scheduler.mock();
    const reads = [...catalogSizes];
    const catalog = catalogServiceMock.mock({
      async getEntities(request) {
        const filter = request?.filter as Record<string, string> | undefined;
        if (filter?.kind === 'Component') {
          const size = reads.length > 1 ? reads.shift()! : reads[0];
          return { items: components.slice(0, size) };
        }
        return { items: [] };
      },
    });
    await startTestBackend({
      features: [
        userTrustModuleDemoData,
        fakeUserTrustPlugin(providers),
        scheduler.factory,
        catalog.factory,
        mockServices.rootConfig.factory({
          data: { userTrust: { demoData: { enabled: true, days: 3 } } },
        }),
      ],
    });
    expect(providers).toHaveLength(1);

    const ingested: SignalInput[] = [];
    const ingest = jest.fn(async (signals: SignalInput[]) => {
      ingested.push(...signals);
      return { created: signals.length, updated: 0, unchanged: 0 };
    });
    await providers[0].connect({ ingest });
    return { scheduler, catalog, ingested };
  }

  it('schedules a global hourly task and also runs it at start-up', async () => {
    const { scheduler } = await setUp([38]);

    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const task = scheduler.scheduleTask.mock
      .calls[0][0] as SchedulerServiceTaskScheduleDefinition &
      SchedulerServiceTaskInvocationDefinition;
    expect(task).toMatchObject({
      id: 'user-trust-demo-data',
      scope: 'global',
      frequency: { hours: 1 },
    });
    expect(scheduler.triggerTask).toHaveBeenCalledWith('user-trust-demo-data');
    expect(scheduler.triggerTask.mock.invocationCallOrder[0]).toBeGreaterThan(
      scheduler.scheduleTask.mock.invocationCallOrder[0],
    );
  });

  it('seeds every component once the catalog has stopped growing', async () => {
    const { scheduler, catalog, ingested } = await setUp([
      0, 11, 25, 37, 38, 38,
    ]);
    const task = scheduler.scheduleTask.mock
      .calls[0][0] as SchedulerServiceTaskInvocationDefinition;

    jest.useFakeTimers();
    const run = task.fn(new AbortController().signal);
    await jest.advanceTimersByTimeAsync(10 * 5000);
    await run;

    const seeded = new Set(ingested.map(s => s.entityRef));
    expect(seeded.size).toBe(38);
    const reports = (ref: string) =>
      ingested.filter(s => s.kind === 'sli_report' && s.entityRef === ref);
    expect(reports('component:default/service-0')[0].attributes).toEqual({
      sli: 'availability',
      target: 0.999,
      standsInFor: 'prometheus',
      ratioQuery: 'avg_over_time(slo:availability:ratio[1d])',
    });
    expect(reports('component:default/service-1')[0].attributes).toEqual({
      sli: 'availability',
      target: 0.999,
    });
    // Six reads of the components (and six of the support engineers).
    expect(catalog.getEntities).toHaveBeenCalledTimes(12);
  });
});
