import fc from 'fast-check';
import { SloTimeWindow } from './types';
import {
  addDays,
  calendarPeriod,
  dayKey,
  dayRange,
  daysBetween,
  windowDays,
  windowLengthDays,
} from './windows';

const calendar = (
  duration: string,
  startTime = '2024-01-01T00:00:00.000Z',
): Extract<SloTimeWindow, { type: 'calendar' }> => ({
  type: 'calendar',
  duration,
  startTime,
  timeZone: 'UTC',
});

/** Any instant between 2000 and 2100. */
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('day helpers', () => {
  it('work in UTC days', () => {
    expect(dayKey(new Date('2024-03-10T23:59:59.999Z'))).toBe('2024-03-10');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(dayRange('2024-01-30', '2024-02-02')).toEqual([
      '2024-01-30',
      '2024-01-31',
      '2024-02-01',
      '2024-02-02',
    ]);
    expect(dayRange('2024-01-02', '2024-01-01')).toEqual([]);
  });

  it('round-trip: addDays then daysBetween', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -1000, max: 1000 }), (now, n) => {
        const day = dayKey(now);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
      }),
    );
  });
});

describe('windowDays', () => {
  it('rolling N days: N consecutive days ending today', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 366 }), (now, n) => {
        const days = windowDays(
          { type: 'rolling', duration: `${n}d`, days: n },
          now,
        );
        expect(days).toHaveLength(n);
        expect(days[n - 1]).toBe(dayKey(now));
        expect(days).toEqual(dayRange(days[0], days[n - 1]));
      }),
    );
  });

  it('1M: every instant of a month starts the window on the 1st of that month', () => {
    fc.assert(
      fc.property(instant, now => {
        const days = windowDays(calendar('1M'), now);
        const today = dayKey(now);
        expect(days[0]).toBe(`${today.slice(0, 7)}-01`);
        expect(days[days.length - 1]).toBe(today);
        expect(days).toHaveLength(Number(today.slice(8, 10)));
      }),
    );
  });

  it('1Q from January 1st: starts on Jan, Apr, Jul or Oct 1', () => {
    fc.assert(
      fc.property(instant, now => {
        const days = windowDays(calendar('1Q'), now);
        const month = Number(dayKey(now).slice(5, 7));
        const quarterStart = month - ((month - 1) % 3);
        expect(days[0]).toBe(
          `${dayKey(now).slice(0, 4)}-${String(quarterStart).padStart(
            2,
            '0',
          )}-01`,
        );
        expect(days[days.length - 1]).toBe(dayKey(now));
      }),
    );
  });

  it('1Y and 1w follow the start time, also before it', () => {
    const startTime = '2024-01-03T12:00:00.000Z'; // a Wednesday
    fc.assert(
      fc.property(instant, now => {
        const weekDays = windowDays(calendar('1w', startTime), now);
        expect(new Date(`${weekDays[0]}T00:00:00Z`).getUTCDay()).toBe(3);
        expect(weekDays.length).toBeGreaterThanOrEqual(1);
        expect(weekDays.length).toBeLessThanOrEqual(7);
        const yearDays = windowDays(calendar('1Y', startTime), now);
        expect(yearDays[0].slice(5)).toBe('01-03');
        expect(yearDays.length).toBeLessThanOrEqual(366);
      }),
    );
  });

  it('ignores the time of day of the start time', () => {
    const window = calendar('1M', '2024-01-01T18:00:00.000Z');
    expect(windowDays(window, new Date('2024-02-01T06:00:00Z'))).toEqual([
      '2024-02-01',
    ]);
  });

  it('clamps a start on the 31st to the end of shorter months', () => {
    const window = calendar('1M', '2024-01-31T00:00:00.000Z');
    expect(calendarPeriod(window, new Date('2024-03-10T00:00:00Z'))).toEqual({
      start: '2024-02-29',
      next: '2024-03-31',
    });
    expect(windowLengthDays(window, new Date('2024-03-31T00:00:00Z'))).toBe(30);
  });

  it('gives the full length of the current window', () => {
    expect(
      windowLengthDays(calendar('1M'), new Date('2024-02-10T00:00:00Z')),
    ).toBe(29);
    expect(
      windowLengthDays(calendar('1Q'), new Date('2024-05-10T00:00:00Z')),
    ).toBe(91);
    expect(
      windowLengthDays(
        { type: 'rolling', duration: '4w', days: 28 },
        new Date(),
      ),
    ).toBe(28);
  });
});
