import { describe, expect, it } from 'vitest';
import { formatElapsed, scheduleStatus } from './schedule.ts';

const minute = 60_000;

describe('scheduleStatus', () => {
  const item = { offset: 30, length: 20 };

  it('is on time inside the planned slot and counts the minutes left', () => {
    expect(scheduleStatus(35 * minute, item)).toEqual({ driftMinutes: 0, minutesLeft: 15, label: 'on time, 15 min left' });
  });

  it('is behind after the planned end', () => {
    expect(scheduleStatus(57.5 * minute, item)).toMatchObject({ driftMinutes: 8, minutesLeft: 0, label: '8 min behind' });
  });

  it('is ahead before the planned start', () => {
    expect(scheduleStatus(20 * minute, item)).toMatchObject({ driftMinutes: -10, label: '10 min ahead' });
  });
});

describe('formatElapsed', () => {
  it('formats minutes and seconds, then hours', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(754_000)).toBe('12:34');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
});
