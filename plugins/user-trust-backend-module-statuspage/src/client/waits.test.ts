import { exponentialDelayMs, retryAfterDelayMs } from './waits';

describe('waits', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterDelayMs('60', 0, now, {})).toBe(60_000);
    expect(retryAfterDelayMs(' 1.5 ', 0, now, {})).toBe(1500);
    expect(retryAfterDelayMs('Tue, 01 Dec 2026 12:00:30 GMT', 0, now, {})).toBe(
      30_000,
    );
    expect(retryAfterDelayMs('Tue, 01 Dec 2026 11:00:00 GMT', 0, now, {})).toBe(
      0,
    );
  });

  it('backs off without a usable Retry-After, within the longest wait', () => {
    expect(retryAfterDelayMs(null, 2, now, {})).toBe(4000);
    expect(retryAfterDelayMs('soon', 0, now, {})).toBe(1000);
    expect(retryAfterDelayMs('3600', 0, now, { maxDelayMs: 90_000 })).toBe(
      90_000,
    );
    expect(exponentialDelayMs(20, {})).toBe(120_000);
    expect(exponentialDelayMs(1, { baseDelayMs: 10 })).toBe(20);
  });
});
