import { mockServices } from '@backstage/backend-test-utils';
import { SignalInput } from '@user-trust/plugin-user-trust-common';
import { FakePrometheus } from '../__testUtils__/fakePrometheus';
import { PrometheusClient } from '../client/PrometheusClient';
import { summariseFailures, syncPrometheusSlis, syncRange } from './syncSlis';

const DAY = 86_400;
const NOW = Date.parse('2026-11-10T13:45:00Z');

describe('syncPrometheusSlis against a fake Prometheus', () => {
  let fake: FakePrometheus;
  beforeEach(async () => {
    fake = await FakePrometheus.start();
  });
  afterEach(() => fake.stop());

  function run(
    entities: Parameters<typeof syncPrometheusSlis>[0]['entities'],
    signal?: AbortSignal,
  ) {
    const ingested: SignalInput[][] = [];
    const progress: Array<{ done: number; total?: number }> = [];
    const result = syncPrometheusSlis({
      client: new PrometheusClient({
        baseUrl: fake.baseUrl,
        timeoutSeconds: 2,
      }),
      entities,
      context: {
        ingest: async signals => {
          ingested.push(signals);
          return { created: signals.length, updated: 0, unchanged: 0 } as any;
        },
        reportProgress: async p => {
          progress.push(p);
        },
      },
      logger: mockServices.logger.mock(),
      backfillDays: 3,
      now: () => NOW,
      signal,
    });
    return { result, ingested, progress };
  }

  it('reads the complete days before today, adding up the series of good and total', async () => {
    expect(syncRange(NOW, 3)).toEqual({
      start: Date.parse('2026-11-08T00:00:00Z') / 1000,
      end: Date.parse('2026-11-10T00:00:00Z') / 1000,
      stepSeconds: DAY,
    });
    fake
      .set('good', {
        series: [
          { metric: { code: '200' }, at: () => 90 },
          { metric: { code: '404' }, at: () => 5 },
        ],
      })
      .set('total', {
        series: [
          { metric: { code: '200' }, at: () => 90 },
          { metric: { code: '404' }, at: () => 5 },
          { metric: { code: '500' }, at: () => 5 },
        ],
      });
    const { result, ingested, progress } = run([
      {
        entityRef: 'component:default/a',
        query: { type: 'goodTotal', good: 'good', total: 'total' },
      },
    ]);
    expect(await result).toEqual({ entities: 1, signals: 3, failures: [] });
    expect(ingested[0].map(s => [s.externalId, s.value])).toEqual([
      ['component:default/a:2026-11-07', 0.95],
      ['component:default/a:2026-11-08', 0.95],
      ['component:default/a:2026-11-09', 0.95],
    ]);
    expect(progress.at(-1)).toEqual({ done: 1, total: 1 });
  });

  it('refuses a ratio of several series and goes on with the next entity', async () => {
    fake
      .set('many', {
        series: [
          { metric: { i: '1' }, at: () => 1 },
          { metric: { i: '2' }, at: () => 1 },
        ],
      })
      .set('one', { series: [{ at: () => 0.5 }] });
    const { result, ingested } = run([
      {
        entityRef: 'component:default/a',
        query: { type: 'ratio', ratio: 'many' },
      },
      {
        entityRef: 'component:default/b',
        query: { type: 'ratio', ratio: 'one' },
      },
    ]);
    const { failures } = await result;
    expect(failures).toEqual([
      {
        entityRef: 'component:default/a',
        message: expect.stringMatching(/returned 2 series; it must return one/),
      },
    ]);
    expect(ingested).toHaveLength(1);
    expect(ingested[0][0].entityRef).toBe('component:default/b');
    expect(summariseFailures(failures, 2).message).toMatch(
      /1 of 2 entities could not be read \(the others were stored\): component:default\/a: the ratio query/,
    );
  });

  it('stops between entities when the sync is aborted', async () => {
    fake.set('one', { series: [{ at: () => 0.5 }] });
    const controller = new AbortController();
    controller.abort();
    const { result, ingested } = run(
      [
        {
          entityRef: 'component:default/a',
          query: { type: 'ratio', ratio: 'one' },
        },
      ],
      controller.signal,
    );
    expect((await result).signals).toBe(0);
    expect(ingested).toEqual([]);
  });

  it('summarises many failures with a count of the rest', () => {
    const failures = Array.from({ length: 7 }, (_, i) => ({
      entityRef: `component:default/e${i}`,
      message: 'x',
    }));
    expect(summariseFailures(failures, 9).message).toMatch(
      /7 of 9 entities.*e4: x; and 2 more$/,
    );
  });
});
