import { RefreshingValue } from './RefreshingValue';

describe('RefreshingValue', () => {
  function setup() {
    let now = 0;
    let reads = 0;
    let failing = false;
    const stale: number[] = [];
    const value = new RefreshingValue({
      read: async () => {
        reads += 1;
        if (failing) throw new Error('catalog is away');
        return `value ${reads}`;
      },
      refreshMs: 1000,
      onStale: (_, ageMs) => stale.push(ageMs),
      now: () => now,
    });
    return {
      value,
      stale,
      reads: () => reads,
      advance: (ms: number) => (now += ms),
      fail: (on: boolean) => (failing = on),
    };
  }

  it('reads once, keeps the value for refreshMs and reads again after', async () => {
    const { value, reads, advance } = setup();
    await expect(Promise.all([value.get(), value.get()])).resolves.toEqual([
      'value 1',
      'value 1',
    ]);
    expect(reads()).toBe(1);
    advance(999);
    await expect(value.get()).resolves.toBe('value 1');
    advance(1);
    await expect(value.get()).resolves.toBe('value 2');
    value.invalidate();
    await expect(value.get()).resolves.toBe('value 3');
  });

  it('keeps the last good value while reads fail, and fails without one', async () => {
    const { value, stale, advance, fail } = setup();
    fail(true);
    await expect(value.get()).rejects.toThrow('catalog is away');
    fail(false);
    await expect(value.get()).resolves.toBe('value 2');
    fail(true);
    advance(1500);
    await expect(value.get()).resolves.toBe('value 2');
    expect(stale).toEqual([1500]);
  });
});
