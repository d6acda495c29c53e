import { describe, expect, it } from 'vitest';
import { readMessage, slideForKey } from './sync.ts';

describe('readMessage', () => {
  it('accepts well-formed messages', () => {
    expect(readMessage({ type: 'state', slide: 3, timerStartedAt: 1000 })).toEqual({ type: 'state', slide: 3, timerStartedAt: 1000 });
    expect(readMessage({ type: 'state', slide: 0, timerStartedAt: null })).toEqual({ type: 'state', slide: 0, timerStartedAt: null });
    expect(readMessage({ type: 'go', slide: 2, extra: 'ignored' })).toEqual({ type: 'go', slide: 2 });
    expect(readMessage({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(readMessage({ type: 'timer', action: 'reset' })).toEqual({ type: 'timer', action: 'reset' });
  });

  it.each([null, 'go', { type: 'go', slide: -1 }, { type: 'go', slide: 1.5 }, { type: 'state', slide: 1, timerStartedAt: 'now' }, { type: 'timer', action: 'stop' }, { type: 'eval' }])(
    'refuses %j',
    (data) => {
      expect(readMessage(data)).toBeUndefined();
    },
  );
});

describe('slideForKey', () => {
  it('moves with arrows, Home and End, within bounds', () => {
    expect(slideForKey('ArrowRight', 0, 5)).toBe(1);
    expect(slideForKey('ArrowRight', 4, 5)).toBe(4);
    expect(slideForKey('ArrowLeft', 0, 5)).toBe(0);
    expect(slideForKey('ArrowLeft', 3, 5)).toBe(2);
    expect(slideForKey('Home', 3, 5)).toBe(0);
    expect(slideForKey('End', 1, 5)).toBe(4);
    expect(slideForKey('a', 1, 5)).toBeUndefined();
  });
});
