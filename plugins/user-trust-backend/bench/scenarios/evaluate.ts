import { entityName } from '../lib/dataset';
import { shuffled } from '../lib/random';
import { latencyStats } from '../lib/stats';
import { Metric, Scenario, ScenarioResult } from './types';

const trustPath = (name: string) =>
  `/api/user-trust/entities/component/default/${name}/trust`;
const slosPath = (name: string) =>
  `/api/user-trust/entities/component/default/${name}/slos`;

export const evaluateScenario: Scenario = {
  id: 'evaluate',
  title:
    'Evaluation: GET /api/user-trust/entities/{kind}/{ns}/{name}/trust (cache off)',
  aims: [
    {
      metric: 'evaluate.single.p95',
      label: 'One entity ≤ 20 ms p95',
      op: '<=',
      target: 20,
    },
    {
      metric: 'evaluate.page.p95',
      label: 'A page of 100 entities ≤ 150 ms p95 (100 single requests)',
      op: '<=',
      target: 150,
    },
  ],
  async run(ctx): Promise<ScenarioResult> {
    const { options } = ctx;
    const order = shuffled(
      Array.from({ length: options.entities }, (_, i) => entityName(i)),
      options.seed + 7,
    );
    const pick = (i: number) => order[i % order.length];

    const { client } = ctx;
    // Warm-up: JIT, connection pools, the plugin's registered-query cache.
    await client.get({
      paths: Array.from({ length: options.evalWarmup }, (_, i) =>
        trustPath(pick(order.length - 1 - i)),
      ),
      concurrency: 1,
    });

    // One entity at a time.
    const sequential = await client.get({
      paths: Array.from({ length: options.evalRequests }, (_, i) =>
        trustPath(pick(i)),
      ),
      concurrency: 1,
      summarize: 'trust',
    });
    const single = sequential.ms;
    const statuses: Record<string, number> = {};
    let slos = 0;
    let noScore = 0;
    let bytes = 0;
    for (const summary of sequential.summaries) {
      statuses[summary.status] = (statuses[summary.status] ?? 0) + 1;
      slos += summary.slos;
      bytes += summary.bytes;
      if (summary.noScore) noScore += 1;
    }
    ctx.log(
      `single evaluations done: p95 ${latencyStats(single).p95.toFixed(1)} ms`,
    );

    // The HTTP, auth and catalog floor: the SLO list does not read rollups.
    const floor = (
      await client.get({
        paths: Array.from(
          { length: Math.min(100, options.evalRequests) },
          (_, i) => slosPath(pick(i)),
        ),
        concurrency: 1,
      })
    ).ms;

    // Pages: `pageSize` entities with `pageConcurrency` requests in flight.
    const pages: number[] = [];
    const inPage: number[] = [];
    for (let p = 0; p < options.pages; p++) {
      const first = options.evalRequests + p * options.pageSize;
      const page = await client.get({
        paths: Array.from({ length: options.pageSize }, (_, i) =>
          trustPath(pick(first + i)),
        ),
        concurrency: options.pageConcurrency,
      });
      pages.push(page.totalMs);
      inPage.push(...page.ms);
    }
    ctx.log(`pages done: p95 ${latencyStats(pages).p95.toFixed(1)} ms`);

    const s = latencyStats(single);
    const pg = latencyStats(pages);
    const r = latencyStats(inPage);
    const f = latencyStats(floor);
    const metrics: Metric[] = [
      {
        id: 'evaluate.single.p50',
        label: 'One entity p50',
        value: s.p50,
        unit: 'ms',
        digits: 1,
      },
      {
        id: 'evaluate.single.p95',
        label: 'One entity p95',
        value: s.p95,
        unit: 'ms',
        digits: 1,
      },
      {
        id: 'evaluate.single.p99',
        label: 'One entity p99',
        value: s.p99,
        unit: 'ms',
        digits: 1,
      },
      {
        id: 'evaluate.single.max',
        label: 'One entity max',
        value: s.max,
        unit: 'ms',
        digits: 1,
      },
      {
        id: 'evaluate.page.p50',
        label: `Page of ${options.pageSize} p50`,
        value: pg.p50,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'evaluate.page.p95',
        label: `Page of ${options.pageSize} p95`,
        value: pg.p95,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'evaluate.page.max',
        label: `Page of ${options.pageSize} max`,
        value: pg.max,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'evaluate.page.request.p95',
        label: `Request within a page p95 (${options.pageConcurrency} in flight)`,
        value: r.p95,
        unit: 'ms',
        digits: 1,
      },
      {
        id: 'evaluate.page.throughput',
        label: 'Evaluations/s within pages',
        value: (inPage.length / pages.reduce((a, b) => a + b, 0)) * 1000,
        unit: '/s',
        digits: 0,
      },
      {
        id: 'evaluate.floor.p50',
        label:
          'GET …/slos p50 (HTTP + auth + catalog + SLO resolution, no rollups)',
        value: f.p50,
        unit: 'ms',
        digits: 1,
      },
      {
        id: 'evaluate.floor.p95',
        label: 'GET …/slos p95',
        value: f.p95,
        unit: 'ms',
        digits: 1,
      },
    ];
    return {
      id: 'evaluate',
      title: evaluateScenario.title,
      metrics,
      details: [
        {
          heading: 'What was measured',
          rows: [
            [
              'single',
              `${s.n} sequential requests for random entities after ${options.evalWarmup} warm-up requests`,
            ],
            [
              'pages',
              `${pg.n} pages of ${options.pageSize} distinct entities, ${options.pageConcurrency} requests in flight, timed from first request to last answer`,
            ],
            [
              'entity status (single)',
              Object.entries(statuses)
                .map(([k, v]) => `${k} ${v}`)
                .join(', '),
            ],
            ['SLOs per evaluation', (slos / Math.max(1, s.n)).toFixed(1)],
            ['evaluations without score', String(noScore)],
            [
              'mean answer size',
              `${Math.round(bytes / Math.max(1, s.n) / 1024)} KiB`,
            ],
          ],
        },
      ],
    };
  },
};
