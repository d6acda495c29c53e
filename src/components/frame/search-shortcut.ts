/**
 * The "/" shortcut of the search button (search-trigger.ts). Apart from the dialog's logic (search.ts) because it
 * ships with every page, while the dialog loads on first use.
 */

/** Where a key press happened, as far as the "/" shortcut cares. */
export type KeyTarget = 'text-field' | 'other';

/** "/" opens search, unless the learner is typing or holds a modifier (Ctrl+/ etc. belong to others). */
export function opensSearch(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; defaultPrevented: boolean },
  target: KeyTarget,
): boolean {
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.defaultPrevented && target !== 'text-field';
}
