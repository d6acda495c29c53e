import { describe, expect, it } from 'vitest';
import { TypeAlong, normalizeCommand } from './type-along.ts';

describe('type-along', () => {
  it('matches whatever the whitespace', () => {
    expect(normalizeCommand('  docker   build\t-t hello .  ')).toBe('docker build -t hello .');
    expect(new TypeAlong('docker build -t hello .').submit('docker  build -t hello . ')).toBe('match');
  });

  it('counts misses and offers the hint after two', () => {
    const attempt = new TypeAlong('docker images');
    expect(attempt.submit('')).toBe('empty');
    expect(attempt.submit('docker image')).toBe('miss');
    expect(attempt.showHint).toBe(false);
    expect(attempt.submit('docker imagess')).toBe('miss');
    expect(attempt.showHint).toBe(true);
    expect(attempt.submit('docker images')).toBe('match');
  });
});
