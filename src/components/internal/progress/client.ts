/**
 * The page's one progress store, over localStorage. Every progress element on a page shares it, so a quiz
 * answer updates the sidebar marks at once. Reading `window.localStorage` itself throws when storage is
 * blocked (some privacy settings), hence the try.
 */
import { openProgressStore, type KeyValueStorage, type ProgressStore } from '../../../lib/progress/store.ts';

let store: ProgressStore | undefined;

function browserStorage(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function progressStore(): ProgressStore {
  store ??= openProgressStore(browserStorage());
  return store;
}

/** The lesson this page is, from the frame's <lesson-progress data-lesson-id>; undefined elsewhere. */
export function currentLessonId(): string | undefined {
  return document.querySelector<HTMLElement>('lesson-progress[data-lesson-id]')?.dataset['lessonId'] || undefined;
}
