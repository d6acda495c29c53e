/**
 * The page's one progress store, over localStorage. Every progress element on a page shares it, so a quiz
 * answer updates the sidebar marks at once. Reading `window.localStorage` itself throws when storage is
 * blocked (some privacy settings), hence the try.
 */
import { openProgressStore, type KeyValueStorage, type ProgressStore } from '../../../lib/progress/store.ts';

/**
 * The store lives on the page, not in this module: a script bundled on its own (the quiz grader, fetched on
 * demand) carries its own copy of this module, and a second store's stale record would overwrite the first's
 * saves. Symbol.for gives every copy the same key.
 */
const pageStore: unique symbol = Symbol.for('lean-containers-workshop:progress-store');

function browserStorage(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

interface PageGlobals {
  [pageStore]?: ProgressStore;
}

export function progressStore(): ProgressStore {
  const page = globalThis as PageGlobals;
  const store = page[pageStore] ?? openProgressStore(browserStorage());
  page[pageStore] = store;
  return store;
}

/** The lesson this page is, from the frame's <lesson-progress data-lesson-id>; undefined elsewhere. */
export function currentLessonId(): string | undefined {
  return document.querySelector<HTMLElement>('lesson-progress[data-lesson-id]')?.dataset['lessonId'] || undefined;
}
