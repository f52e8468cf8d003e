import { formatRelativeTime } from './formatRelativeTime';

describe('formatRelativeTime', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const ago = (ms: number) =>
    formatRelativeTime(new Date(now.getTime() - ms), now);

  it('uses the largest fitting unit', () => {
    expect(ago(20 * 1000)).toBe('just now');
    expect(ago(5 * 60 * 1000)).toBe('5 minutes ago');
    expect(ago(3 * 3600 * 1000)).toBe('3 hours ago');
    expect(ago(24 * 3600 * 1000)).toBe('yesterday');
    expect(ago(10 * 24 * 3600 * 1000)).toBe('10 days ago');
  });
});
