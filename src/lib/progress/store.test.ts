import { describe, expect, it } from 'vitest';
import { markLesson, recordAnswer } from './operations.ts';
import { BACKUP_KEY_PREFIX, openProgressStore, STORAGE_KEY, type KeyValueStorage } from './store.ts';

/** An in-memory storage that can be made full or broken, like a browser's localStorage. */
class TestStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  /** Writes beyond this many characters in total throw a QuotaExceededError. */
  capacity = Number.POSITIVE_INFINITY;
  disabled = false;
  getItem(key: string) {
    if (this.disabled) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.disabled) throw new DOMException('The operation is insecure.', 'SecurityError');
    const used = [...this.items].reduce((sum, [k, v]) => (k === key ? sum : sum + k.length + v.length), 0);
    if (used + key.length + value.length > this.capacity) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const options = { now: () => new Date('2026-11-27T10:00:00Z'), seed: () => 'seed1' };
const at = '2026-11-27T10:00:00.000Z';

describe('progress store', () => {
  it('starts empty, saves every change and reads it back', () => {
    const storage = new TestStorage();
    const store = openProgressStore(storage, options);
    expect(store.notices).toEqual([]);
    expect(store.persistent).toBe(true);
    store.update((record) => markLesson(record, '01-why-it-matters/01-introduction', 'completed', at));
    const again = openProgressStore(storage, options);
    expect(again.record.lessons['01-why-it-matters/01-introduction']?.status).toBe('completed');
    expect(again.record.seed).toBe('seed1');
  });

  it('saves a fresh record at once, so the shuffle seed is the same on the next visit', () => {
    const storage = new TestStorage();
    openProgressStore(storage, { ...options, seed: () => 'first' });
    expect(openProgressStore(storage, { ...options, seed: () => 'second' }).record.seed).toBe('first');
  });

  it('tells subscribers now and after each change, until they unsubscribe', () => {
    const store = openProgressStore(new TestStorage(), options);
    const seen: number[] = [];
    const unsubscribe = store.subscribe((current) => seen.push(Object.keys(current.record.lessons).length));
    store.update((record) => markLesson(record, 'a/b', 'read', at));
    unsubscribe();
    store.update((record) => markLesson(record, 'a/c', 'read', at));
    expect(seen).toEqual([0, 1]);
  });

  it('migrates a version 1 record, keeping statuses and answers', () => {
    const storage = new TestStorage();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 1,
        lessons: { '01-why-it-matters/01-introduction': 'completed', '02-distroless/01-what-is-distroless': 'read' },
        quizzes: { 'image-size': { 'size-ratio': { hash: 'h1', correct: true, response: 200 } } },
      }),
    );
    const store = openProgressStore(storage, options);
    expect(store.notices).toEqual([]);
    expect(store.record.version).toBe(2);
    expect(store.record.lessons['01-why-it-matters/01-introduction']).toEqual({ status: 'completed', at });
    expect(store.record.answers['image-size/size-ratio']).toEqual({ hash: 'h1', response: 200, correct: true, attempts: 1, at });
    expect(store.record.seed).toBe('seed1');
    expect((JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}') as { version: number }).version).toBe(2);
  });

  it.each([
    ['text that is not JSON', '{"version": 2, "lessons": {', 'it is not valid JSON'],
    ['a record of the wrong shape', JSON.stringify({ version: 2, seed: 's', lessons: { a: 'done' } }), '"lessons" has an invalid entry "a"'],
    ['a record without a version', JSON.stringify({ lessons: {} }), 'it has no known record version'],
  ])('keeps %s under a backup key and starts fresh', (_, raw, problem) => {
    const storage = new TestStorage();
    storage.setItem(STORAGE_KEY, raw);
    const store = openProgressStore(storage, options);
    const backupKey = `${BACKUP_KEY_PREFIX}${at}`;
    expect(store.notices).toEqual([{ kind: 'recovered', backupKey, problem }]);
    expect(storage.getItem(backupKey)).toBe(raw);
    expect(store.record.lessons).toEqual({});
    expect(store.persistent).toBe(true);
    // The fresh record is saved, so the next visit is quiet.
    expect(openProgressStore(storage, options).notices).toEqual([]);
  });

  it('leaves corrupt data in place when there is no room to back it up', () => {
    const storage = new TestStorage();
    storage.setItem(STORAGE_KEY, 'garbage');
    storage.capacity = STORAGE_KEY.length + 'garbage'.length + 5;
    const store = openProgressStore(storage, options);
    expect(store.notices.map((notice) => notice.kind)).toEqual(['recovered', 'quota']);
    store.update((record) => markLesson(record, 'a/b', 'read', at));
    expect(storage.getItem(STORAGE_KEY)).toBe('garbage');
    expect(store.persistent).toBe(false);
  });

  it('never overwrites a record from a newer version of the course', () => {
    const storage = new TestStorage();
    const future = JSON.stringify({ version: 3, everything: 'new' });
    storage.setItem(STORAGE_KEY, future);
    const store = openProgressStore(storage, options);
    expect(store.notices).toEqual([{ kind: 'newer-version' }]);
    store.update((record) => markLesson(record, 'a/b', 'read', at));
    expect(storage.getItem(STORAGE_KEY)).toBe(future);
    expect(store.record.lessons['a/b']?.status).toBe('read');
  });

  it('keeps working in memory when storage is disabled, and says so', () => {
    const storage = new TestStorage();
    storage.disabled = true;
    const store = openProgressStore(storage, options);
    expect(store.notices).toEqual([{ kind: 'unavailable' }]);
    expect(store.persistent).toBe(false);
    store.update((record) => markLesson(record, 'a/b', 'completed', at));
    expect(store.record.lessons['a/b']?.status).toBe('completed');
  });

  it('works in memory when there is no storage at all', () => {
    const store = openProgressStore(undefined, options);
    expect(store.notices).toEqual([{ kind: 'unavailable' }]);
    store.update((record) => markLesson(record, 'a/b', 'read', at));
    expect(store.record.lessons['a/b']).toBeDefined();
  });

  it('reports a full quota, keeps the change in memory, and recovers when space returns', () => {
    const storage = new TestStorage();
    const store = openProgressStore(storage, options);
    storage.capacity = 10;
    store.update((record) => recordAnswer(record, 'q/1', { hash: 'h', response: 1, correct: true, at }));
    expect(store.notices).toEqual([{ kind: 'quota' }]);
    expect(store.persistent).toBe(false);
    expect(store.record.answers['q/1']?.correct).toBe(true);
    // A second failure does not pile up notices.
    store.update((record) => markLesson(record, 'a/b', 'read', at));
    expect(store.notices).toHaveLength(1);
    storage.capacity = Number.POSITIVE_INFINITY;
    store.update((record) => markLesson(record, 'a/c', 'read', at));
    expect(store.notices).toEqual([]);
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}') as { answers: Record<string, { correct: boolean }> };
    expect(saved.answers['q/1']?.correct).toBe(true);
  });
});
