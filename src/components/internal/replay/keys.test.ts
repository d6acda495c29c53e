import { describe, expect, it } from 'vitest';
import { actionForKey } from './keys.ts';
import { clockTime, spokenTime } from './time.ts';

const key = (name: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: name,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('actionForKey', () => {
  it('maps the documented shortcuts on the terminal', () => {
    const keys = [' ', 'k', 'ArrowLeft', 'ArrowRight', '[', ']', ',', '.', 'Home', 'End', '?'];
    expect(keys.map((name) => actionForKey(key(name), 'other'))).toEqual([
      'toggle-play', 'toggle-play', 'back', 'forward', 'previous-command', 'next-command',
      'previous-frame', 'next-frame', 'start', 'end', 'help',
    ]);
  });

  it('leaves Tab, modified keys and typing alone', () => {
    expect(actionForKey(key('Tab'), 'other')).toBeUndefined();
    expect(actionForKey(key('ArrowLeft', { ctrlKey: true }), 'other')).toBeUndefined();
    expect(actionForKey(key('.'), 'text-field')).toBeUndefined();
    expect(actionForKey(key(' '), 'button')).toBeUndefined();
    expect(actionForKey(key('ArrowRight'), 'slider')).toBeUndefined();
    expect(actionForKey(key(']'), 'button')).toBe('next-command');
  });
});

describe('time formats', () => {
  it('shows and speaks times', () => {
    expect(clockTime(65_400)).toBe('1:05');
    expect(clockTime(0)).toBe('0:00');
    expect(spokenTime(1_000)).toBe('1 second');
    expect(spokenTime(42_900)).toBe('42 seconds');
    expect(spokenTime(120_000)).toBe('2 minutes');
    expect(spokenTime(61_000)).toBe('1 minute 1 second');
  });
});
