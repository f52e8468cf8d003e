/*
 * Small, fast, seeded random numbers. The data set must be the same every
 * run (and the same for the raw insert and the API ingest of one run), so
 * nothing here uses Math.random().
 */

/** 32-bit integer hash (the finaliser of MurmurHash3). */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of several integers, order-sensitive. */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = mix32(h ^ mix32(part + 0x7f4a7c15));
  }
  return h;
}

/** A uniform number in [0, 1) determined by the given integers. */
export function hash01(...parts: number[]): number {
  return hashInts(...parts) / 4294967296;
}

/** mulberry32: a seeded generator of uniform numbers in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of the items, by weight. */
export function weighted<T>(
  random: () => number,
  items: ReadonlyArray<readonly [T, number]>,
): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

/** Fisher-Yates shuffle of a copy, seeded. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = rng(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
