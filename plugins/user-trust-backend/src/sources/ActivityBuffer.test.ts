import { mockServices } from '@backstage/backend-test-utils';
import { ActivityBuffer } from './ActivityBuffer';
import { PendingActivity, SourceStore } from './SourceStore';

const HOUR = 3600_000;

/** A store that records what it is given and fails when told to. */
function fakeStore() {
  const written: Array<{ source: string; activity: PendingActivity }> = [];
  let failing = false;
  const store = {
    async addActivity(source: string, activity: PendingActivity) {
      if (failing) throw new Error('database is away');
      written.push({ source, activity });
    },
  } as unknown as SourceStore;
  return { store, written, fail: (value: boolean) => (failing = value) };
}

describe('ActivityBuffer', () => {
  it('adds up deliveries and signals per connector and hour until flushed', async () => {
    const { store, written } = fakeStore();
    let now = 10 * HOUR + 5;
    const buffer = new ActivityBuffer(
      store,
      mockServices.logger.mock(),
      () => now,
    );
    buffer.webhook('pagerduty', true);
    buffer.signals('pagerduty', 2);
    now += HOUR;
    buffer.webhook('pagerduty', false);
    buffer.signals('pagerduty', 1);
    buffer.signals('pagerduty', 0);
    buffer.webhook('statuspage', true);

    await buffer.flush();
    expect(written).toEqual([
      {
        source: 'pagerduty',
        activity: {
          accepted: 1,
          refused: 1,
          lastWebhookAt: 11 * HOUR + 5,
          lastAcceptedAt: 10 * HOUR + 5,
          signalsByHour: new Map([
            [10 * HOUR, 2],
            [11 * HOUR, 1],
          ]),
        },
      },
      {
        source: 'statuspage',
        activity: {
          accepted: 1,
          refused: 0,
          lastWebhookAt: 11 * HOUR + 5,
          lastAcceptedAt: 11 * HOUR + 5,
          signalsByHour: new Map(),
        },
      },
    ]);
    // Nothing is written twice.
    await buffer.flush();
    expect(written).toHaveLength(2);
  });

  it('keeps what a failed flush could not write for the next one', async () => {
    const { store, written, fail } = fakeStore();
    const buffer = new ActivityBuffer(
      store,
      mockServices.logger.mock(),
      () => HOUR,
    );
    buffer.webhook('pagerduty', true);
    buffer.signals('pagerduty', 3);
    fail(true);
    await buffer.flush();
    expect(written).toEqual([]);

    buffer.webhook('pagerduty', true);
    fail(false);
    await buffer.flush();
    expect(written).toEqual([
      {
        source: 'pagerduty',
        activity: {
          accepted: 2,
          refused: 0,
          lastWebhookAt: HOUR,
          lastAcceptedAt: HOUR,
          signalsByHour: new Map([[HOUR, 3]]),
        },
      },
    ]);
  });
});
