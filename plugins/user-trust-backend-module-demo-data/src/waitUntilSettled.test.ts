import { waitUntilSettled } from './waitUntilSettled';

/** A clock that only moves when the code under test sleeps. */
function fakeClock() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
  };
}

const count = (n: number) => (n > 0 ? String(n) : undefined);

describe('waitUntilSettled', () => {
  it('waits until the count has stopped changing, not for the first non-zero one', async () => {
    const clock = fakeClock();
    const answers = [0, 0, 11, 25, 37, 38, 38, 40];
    const load = jest.fn(async () => answers.shift()!);

    const result = await waitUntilSettled(load, {
      fingerprint: count,
      intervalMs: 5000,
      maxWaitMs: 300_000,
      ...clock,
    });

    expect(result).toEqual({ loaded: 38, settled: true, reads: 7 });
    expect(load).toHaveBeenCalledTimes(7);
    expect(clock.sleeps).toEqual(Array(6).fill(5000));
  });

  it('does not take two empty reads for a settled catalog', async () => {
    const clock = fakeClock();
    const answers = [0, 0, 0, 38, 38];
    const result = await waitUntilSettled(async () => answers.shift()!, {
      fingerprint: count,
      intervalMs: 5000,
      maxWaitMs: 300_000,
      ...clock,
    });
    expect(result).toEqual({ loaded: 38, settled: true, reads: 5 });
  });

  it('counts a failed read as not settled and goes on', async () => {
    const clock = fakeClock();
    const answers: Array<number | Error> = [
      38,
      new Error('503 Service Unavailable'),
      38,
      38,
    ];
    const result = await waitUntilSettled(
      async () => {
        const next = answers.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
      { fingerprint: count, intervalMs: 5000, maxWaitMs: 300_000, ...clock },
    );
    expect(result).toEqual({ loaded: 38, settled: true, reads: 4 });
  });

  it('gives up after maxWaitMs with the last read', async () => {
    const clock = fakeClock();
    let n = 0;
    const result = await waitUntilSettled(async () => ++n, {
      fingerprint: count,
      intervalMs: 5000,
      maxWaitMs: 20_000,
      ...clock,
    });
    expect(result).toEqual({ loaded: 5, settled: false, reads: 5 });
    expect(clock.now()).toBe(20_000);
  });

  it('returns an empty catalog unsettled after maxWaitMs', async () => {
    const clock = fakeClock();
    const result = await waitUntilSettled(async () => 0, {
      fingerprint: count,
      intervalMs: 5000,
      maxWaitMs: 10_000,
      ...clock,
    });
    expect(result).toEqual({ loaded: 0, settled: false, reads: 3 });
  });

  it('throws the last error when no read succeeded', async () => {
    const clock = fakeClock();
    await expect(
      waitUntilSettled(
        async () => {
          throw new Error('catalog down');
        },
        { fingerprint: count, intervalMs: 5000, maxWaitMs: 10_000, ...clock },
      ),
    ).rejects.toThrow('catalog down');
  });
});
