/** @internal */
export interface WaitUntilSettledOptions<T> {
  /**
   * What must stop changing between two reads, e.g. the number of
   * components; `undefined` while there is nothing to wait for yet (no
   * component at all).
   */
  fingerprint(loaded: T): string | undefined;
  /** Time between two reads. */
  intervalMs: number;
  /** When to give up waiting and go on with the last read. */
  maxWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** @internal */
export interface SettledResult<T> {
  loaded: T;
  /** False when `maxWaitMs` ran out first: `loaded` is the last read. */
  settled: boolean;
  reads: number;
}

const realSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Reads `load()` every `intervalMs` until two reads in a row have the same,
 * defined fingerprint: the catalog fills a few seconds after start-up, a few
 * entities at a time, so its first non-empty answer is often part of it.
 * A read that throws (the catalog not answering yet) counts as "not yet".
 * After `maxWaitMs` the last successful read is returned unsettled; when
 * there was none, the last error is thrown.
 *
 * @internal
 */
export async function waitUntilSettled<T>(
  load: () => Promise<T>,
  options: WaitUntilSettledOptions<T>,
): Promise<SettledResult<T>> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const deadline = now() + options.maxWaitMs;

  let last: { loaded: T } | undefined;
  let lastError: unknown;
  let previous: string | undefined;
  for (let reads = 1; ; reads++) {
    let current: string | undefined;
    try {
      const loaded = await load();
      current = options.fingerprint(loaded);
      last = { loaded };
      if (current !== undefined && current === previous) {
        return { loaded, settled: true, reads };
      }
    } catch (error) {
      lastError = error;
    }
    previous = current;
    if (now() + options.intervalMs > deadline) {
      if (!last) {
        throw lastError;
      }
      return { loaded: last.loaded, settled: false, reads };
    }
    await sleep(options.intervalMs);
  }
}
