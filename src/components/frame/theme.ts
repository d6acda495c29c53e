/** Theme choice logic, free of the DOM so it is tested on its own. */

export type Theme = 'light' | 'dark';

/** The subset of Storage the theme needs; localStorage may throw when disabled. */
export interface ThemeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const key = 'theme';

export function nextTheme(current: Theme): Theme {
  return current === 'dark' ? 'light' : 'dark';
}

/** The saved choice, or undefined when there is none (or storage is unavailable). */
export function readSavedTheme(storage: ThemeStorage): Theme | undefined {
  try {
    const value = storage.getItem(key);
    return value === 'dark' || value === 'light' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the choice; returns false when storage refused it (the page still switches). */
export function saveTheme(storage: ThemeStorage, theme: Theme): boolean {
  try {
    storage.setItem(key, theme);
    return true;
  } catch {
    return false;
  }
}
