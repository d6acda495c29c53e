import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, parseClock } from './clock.ts';

describe('clock', () => {
  it('parses and formats 24-hour times', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('00:00')).toBe(0);
    expect(formatClock(570)).toBe('09:30');
    expect(formatClock(23 * 60 + 59)).toBe('23:59');
  });

  it('wraps past midnight', () => {
    expect(formatClock(25 * 60)).toBe('01:00');
    expect(formatClock(-30)).toBe('23:30');
  });

  it('refuses what is not HH:MM', () => {
    for (const bad of ['9:30', '24:00', '12:60', 'noon', '']) expect(() => parseClock(bad)).toThrow(/24-hour/);
  });

  it('formats durations', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(135)).toBe('2 h 15 min');
  });
});
