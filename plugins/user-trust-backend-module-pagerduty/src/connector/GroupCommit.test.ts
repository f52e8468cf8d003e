import { SignalInput } from '@user-trust/plugin-user-trust-common';
import { GroupCommit } from './GroupCommit';

const signal = (externalId: string): SignalInput => ({
  source: 'pagerduty',
  externalId,
  kind: 'incident',
  entityRef: 'component:default/checkout-api',
  occurredAt: '2026-11-30T10:00:00Z',
});

function recordingIngest(fail?: (batch: SignalInput[]) => boolean) {
  const batches: string[][] = [];
  let release: (() => void) | undefined;
  const ingest = jest.fn(async (signals: SignalInput[]) => {
    batches.push(signals.map(s => s.externalId));
    // The first ingestion is held until released, as a slow transaction.
    if (batches.length === 1) {
      await new Promise<void>(r => {
        release = r;
      });
    }
    if (fail?.(signals)) throw new Error('refused');
    return { created: signals.length, updated: 0, unchanged: 0 };
  });
  return { ingest, batches, release: () => release?.() };
}

const tick = () => new Promise(r => setImmediate(r));

describe('GroupCommit', () => {
  it('stores deliveries that arrive during an ingestion together, answering each after its commit', async () => {
    const { ingest, batches, release } = recordingIngest();
    const group = new GroupCommit(ingest);
    const first = group.ingest([signal('a')]);
    await tick();
    const rest = ['b', 'c', 'd'].map(id => group.ingest([signal(id)]));
    await tick();
    expect(batches).toEqual([['a']]);
    release();
    await expect(first).resolves.toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    await expect(Promise.all(rest)).resolves.toEqual([
      { created: 3, updated: 0, unchanged: 0 },
      { created: 3, updated: 0, unchanged: 0 },
      { created: 3, updated: 0, unchanged: 0 },
    ]);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('never puts two deliveries of one signal in a batch, and keeps their order', async () => {
    const { ingest, batches, release } = recordingIngest();
    const group = new GroupCommit(ingest);
    const all = [group.ingest([signal('a')])];
    await tick();
    all.push(
      group.ingest([signal('x')]),
      group.ingest([signal('y')]),
      group.ingest([signal('x')]),
      group.ingest([signal('z')]),
      group.ingest([signal('x')]),
    );
    release();
    await Promise.all(all);
    expect(batches).toEqual([['a'], ['x', 'y', 'z'], ['x'], ['x']]);
  });

  it('ingests a failed batch one by one, so only the delivery at fault fails', async () => {
    const { ingest, batches, release } = recordingIngest(signals =>
      signals.some(s => s.externalId === 'bad'),
    );
    const group = new GroupCommit(ingest);
    const first = group.ingest([signal('a')]);
    await tick();
    const good = group.ingest([signal('b')]);
    const bad = group.ingest([signal('bad')]);
    const alsoGood = group.ingest([signal('c')]);
    release();
    await first;
    await expect(good).resolves.toMatchObject({ created: 1 });
    await expect(bad).rejects.toThrow('refused');
    await expect(alsoGood).resolves.toMatchObject({ created: 1 });
    expect(batches).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('caps a batch at maxSignals', async () => {
    const { ingest, batches, release } = recordingIngest();
    const group = new GroupCommit(ingest, 2);
    const all = [group.ingest([signal('a')])];
    await tick();
    for (const id of ['b', 'c', 'd', 'e', 'f']) {
      all.push(group.ingest([signal(id)]));
    }
    release();
    await Promise.all(all);
    expect(batches).toEqual([['a'], ['b', 'c'], ['d', 'e'], ['f']]);
  });
});
