import { entityRef } from '../lib/dataset';
import { shuffled } from '../lib/random';
import { latencyStats } from '../lib/stats';
import { Metric, Scenario, ScenarioResult } from './types';

const BATCH_PATH = '/api/user-trust/trust/batch';

/**
 * A page of entities evaluated in one request, `POST /trust/batch` (at most
 * 100 entities): what a catalog-wide view would call.
 */
export const batchScenario: Scenario = {
  id: 'batch',
  title: 'Batch evaluation: POST /api/user-trust/trust/batch (cache off)',
  aims: [
    {
      metric: 'batch.page.p95',
      label: 'A page of 100 entities ≤ 150 ms p95 (one batch request)',
      op: '<=',
      target: 150,
    },
  ],
  async run(ctx): Promise<ScenarioResult> {
    const { options, client } = ctx;
    const size = Math.min(100, options.pageSize);
    const order = shuffled(
      Array.from({ length: options.entities }, (_, i) => entityRef(i)),
      options.seed + 11,
    );
    const page = (p: number) =>
      JSON.stringify({
        entityRefs: Array.from(
          { length: size },
          (_, i) => order[(p * size + i) % order.length],
        ),
      });
    const pages = Math.max(options.pages, 30);

    // Warm-up, then pages one at a time, then two at a time.
    await client.get({
      paths: [BATCH_PATH, BATCH_PATH],
      bodies: [page(pages * 3), page(pages * 3 + 1)],
      concurrency: 1,
    });
    const sequential = await client.get({
      paths: Array.from({ length: pages }, () => BATCH_PATH),
      bodies: Array.from({ length: pages }, (_, p) => page(p)),
      concurrency: 1,
      summarize: 'batch',
    });
    const parallel = await client.get({
      paths: Array.from({ length: pages }, () => BATCH_PATH),
      bodies: Array.from({ length: pages }, (_, p) => page(pages + p)),
      concurrency: 2,
    });
    ctx.log(
      `batch pages done: p95 ${latencyStats(sequential.ms).p95.toFixed(1)} ms`,
    );

    const s = latencyStats(sequential.ms);
    const c = latencyStats(parallel.ms);
    const statuses: Record<string, number> = {};
    let bytes = 0;
    for (const summary of sequential.summaries) {
      statuses[summary.status] = (statuses[summary.status] ?? 0) + 1;
      bytes += summary.bytes;
    }
    const metrics: Metric[] = [
      {
        id: 'batch.page.p50',
        label: `Batch of ${size} p50`,
        value: s.p50,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'batch.page.p95',
        label: `Batch of ${size} p95`,
        value: s.p95,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'batch.page.max',
        label: `Batch of ${size} max`,
        value: s.max,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'batch.page.parallel.p95',
        label: `Batch of ${size} p95, 2 batches in flight`,
        value: c.p95,
        unit: 'ms',
        digits: 0,
      },
      {
        id: 'batch.throughput',
        label: 'Evaluations/s in batches (one at a time)',
        value: (sequential.summaries.length / sequential.totalMs) * 1000,
        unit: '/s',
        digits: 0,
      },
    ];
    return {
      id: 'batch',
      title: batchScenario.title,
      metrics,
      details: [
        {
          heading: 'What was measured',
          rows: [
            [
              'batches',
              `${pages} requests of ${size} distinct entities one at a time, then ${pages} more two at a time, after 2 warm-up requests`,
            ],
            [
              'entity status',
              Object.entries(statuses)
                .map(([k, v]) => `${k} ${v}`)
                .join(', '),
            ],
            [
              'answer size',
              `${Math.round(
                (bytes * size) /
                  Math.max(1, sequential.summaries.length) /
                  1024,
              )} KiB per batch`,
            ],
          ],
        },
      ],
    };
  },
};
