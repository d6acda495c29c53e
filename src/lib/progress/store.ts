/**
 * The progress store: the record in memory, saved to a storage after every change. It never loses data
 * silently:
 * - unreadable data is copied to a backup key before a fresh record starts (notice "recovered");
 * - data from a newer course version is left untouched and progress is kept in memory (notice "newer-version");
 * - when storage is disabled or full, progress lives in memory and says so (notice "unavailable" / "quota"),
 *   and a later save that succeeds clears the quota notice.
 * DOM-free: the browser passes `window.localStorage` (or undefined when even reading it throws).
 */
import { emptyRecord, newSeed, type ProgressRecord } from './record.ts';
import { readRecord } from './validate.ts';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const STORAGE_KEY = 'lean-containers-workshop:progress';
export const BACKUP_KEY_PREFIX = `${STORAGE_KEY}:backup:`;
const PROBE_KEY = `${STORAGE_KEY}:probe`;

/** A problem the learner is told about; ProgressNotice.astro holds the sentence for each kind. */
export type ProgressNotice =
  | { kind: 'recovered'; backupKey: string | undefined; problem: string }
  | { kind: 'newer-version' }
  | { kind: 'unavailable' }
  | { kind: 'quota' };

export interface ProgressStore {
  readonly record: ProgressRecord;
  /** Whether changes reach the storage (false: memory only, lost when the page closes). */
  readonly persistent: boolean;
  readonly notices: readonly ProgressNotice[];
  /** Applies a pure change (see operations.ts), saves, and tells subscribers. */
  update(change: (record: ProgressRecord) => ProgressRecord): void;
  /** Replaces the whole record (after an import), saves, and tells subscribers. */
  replace(record: ProgressRecord): void;
  /** Calls the listener now and after every change; returns a function that unsubscribes. */
  subscribe(listener: (store: ProgressStore) => void): () => void;
}

export interface OpenOptions {
  now?: () => Date;
  seed?: () => string;
}

function isQuotaError(error: unknown): boolean {
  // Browsers differ: "QuotaExceededError" (most), "NS_ERROR_DOM_QUOTA_REACHED" (old Firefox), code 22/1014.
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** Whether the storage answers at all: private modes and blocked cookies throw on the first write. */
function usable(storage: KeyValueStorage | undefined): storage is KeyValueStorage {
  if (!storage) return false;
  try {
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return true;
  } catch (error) {
    // A full storage still reads fine: progress loads and the first save reports the quota.
    return isQuotaError(error);
  }
}

export function openProgressStore(storage: KeyValueStorage | undefined, options: OpenOptions = {}): ProgressStore {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const seed = options.seed ?? newSeed;
  const notices: ProgressNotice[] = [];
  const listeners = new Set<(store: ProgressStore) => void>();
  let record = emptyRecord(seed());
  let writable = usable(storage);
  if (!writable) notices.push({ kind: 'unavailable' });

  let saveNow = true;
  if (writable && storage) {
    let raw: string | null = null;
    try {
      raw = storage.getItem(STORAGE_KEY);
    } catch {
      writable = false;
      notices.push({ kind: 'unavailable' });
    }
    if (raw !== null) {
      let parsed: unknown;
      let problem: string | undefined;
      try {
        parsed = JSON.parse(raw);
      } catch {
        problem = 'it is not valid JSON';
      }
      const read = problem === undefined ? readRecord(parsed, { now: now(), seed: record.seed }) : undefined;
      if (read?.ok) {
        record = read.record;
        saveNow = read.migratedFrom !== undefined;
      } else if (read?.newer) {
        // Leave a newer course's data alone: never overwrite what this code cannot understand.
        writable = false;
        saveNow = false;
        notices.push({ kind: 'newer-version' });
      } else {
        const backupKey = `${BACKUP_KEY_PREFIX}${now()}`;
        try {
          storage.setItem(backupKey, raw);
          notices.push({ kind: 'recovered', backupKey, problem: problem ?? read?.problem ?? 'unknown' });
        } catch {
          // No room for a backup: keep the old data where it is and work in memory rather than destroy it.
          writable = false;
          notices.push({ kind: 'recovered', backupKey: undefined, problem: problem ?? 'unreadable' }, { kind: 'quota' });
        }
      }
    }
  }

  // The notice of the latest failed save, removed again when a save succeeds.
  let saveFailure: ProgressNotice | undefined = notices.find((notice) => notice.kind === 'quota');

  function save() {
    if (!writable || !storage) return;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(record));
      if (saveFailure) notices.splice(notices.indexOf(saveFailure), 1);
      saveFailure = undefined;
    } catch (error) {
      if (!saveFailure) {
        saveFailure = isQuotaError(error) ? { kind: 'quota' } : { kind: 'unavailable' };
        notices.push(saveFailure);
      }
    }
  }

  const store: ProgressStore = {
    get record() {
      return record;
    },
    get persistent() {
      return writable && !saveFailure;
    },
    get notices() {
      return notices;
    },
    update(change) {
      store.replace(change(record));
    },
    replace(next) {
      record = next;
      save();
      for (const listener of listeners) listener(store);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(store);
      return () => listeners.delete(listener);
    },
  };
  // A fresh or migrated record is saved at once: its shuffle seed must be the same on the next visit, a
  // recovered record must not report the same corruption again, and a migration runs only once.
  if (saveNow && writable) save();
  return store;
}
