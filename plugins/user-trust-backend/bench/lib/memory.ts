/** Memory of this process (which runs the backend in-process). */
export type MemorySnapshot = {
  label: string;
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  /** Peak resident set size of the process so far. */
  maxRssMiB: number;
};

const MiB = 1024 * 1024;

export function memorySnapshot(label: string): MemorySnapshot {
  // With --expose-gc, collect first so heapUsed is the live heap, not garbage.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  return {
    label,
    rssMiB: usage.rss / MiB,
    heapUsedMiB: usage.heapUsed / MiB,
    heapTotalMiB: usage.heapTotal / MiB,
    externalMiB: usage.external / MiB,
    maxRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
  };
}
