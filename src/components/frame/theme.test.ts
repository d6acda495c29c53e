import { describe, expect, it } from 'vitest';
import { nextTheme, readSavedTheme, saveTheme, type ThemeStorage } from './theme.ts';

function memoryStorage(initial: Record<string, string> = {}): ThemeStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (name) => data[name] ?? null,
    setItem: (name, value) => {
      data[name] = value;
    },
  };
}

const brokenStorage: ThemeStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('theme', () => {
  it('toggles between light and dark', () => {
    expect(nextTheme('light')).toBe('dark');
    expect(nextTheme('dark')).toBe('light');
  });

  it('reads only valid saved values', () => {
    expect(readSavedTheme(memoryStorage({ theme: 'dark' }))).toBe('dark');
    expect(readSavedTheme(memoryStorage({ theme: 'purple' }))).toBeUndefined();
    expect(readSavedTheme(memoryStorage())).toBeUndefined();
  });

  it('saves and survives storage that throws', () => {
    const storage = memoryStorage();
    expect(saveTheme(storage, 'light')).toBe(true);
    expect(storage.data['theme']).toBe('light');
    expect(saveTheme(brokenStorage, 'dark')).toBe(false);
    expect(readSavedTheme(brokenStorage)).toBeUndefined();
  });
});
