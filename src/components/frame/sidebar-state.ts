/**
 * Remembers, for this browser tab, which chapter groups the learner opened and how far the sidebar was
 * scrolled, so moving between lessons does not reset it. The current chapter is always open (the server
 * renders it so); remembered groups are opened in addition.
 */

export interface SessionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SidebarGroup {
  open: boolean;
  dataset: { chapterId?: string | undefined };
}

export interface Scrollable {
  scrollTop: number;
}

interface SidebarState {
  open: string[];
  scrollTop: number;
}

const key = 'sidebar-state';

export function readSidebarState(store: SessionStore): SidebarState {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? 'null');
    if (parsed && typeof parsed === 'object' && 'open' in parsed && 'scrollTop' in parsed) {
      const { open, scrollTop } = parsed;
      if (Array.isArray(open) && typeof scrollTop === 'number' && Number.isFinite(scrollTop)) {
        return { open: open.filter((id): id is string => typeof id === 'string'), scrollTop };
      }
    }
  } catch {
    // Unreadable or unavailable storage: start from what the server rendered.
  }
  return { open: [], scrollTop: 0 };
}

export function restoreSidebar(store: SessionStore, groups: SidebarGroup[], scroller: Scrollable): void {
  const state = readSidebarState(store);
  for (const group of groups) {
    if (group.dataset.chapterId && state.open.includes(group.dataset.chapterId)) group.open = true;
  }
  // Writing scrollTop makes the browser lay out the whole page at once, while it is still loading; on a first
  // visit there is nothing to restore, so the write (and that forced layout) is skipped.
  if (state.scrollTop > 0) scroller.scrollTop = state.scrollTop;
}

/**
 * Saves which groups are open and, given the scroller, how far it is scrolled; without it, the scroll position
 * saved before is kept (reading `scrollTop` while the page loads would force a layout of the whole page).
 */
export function saveSidebar(store: SessionStore, groups: SidebarGroup[], scroller?: Scrollable): void {
  const open = groups.filter((group) => group.open && group.dataset.chapterId).map((group) => group.dataset.chapterId ?? '');
  const scrollTop = scroller ? scroller.scrollTop : readSidebarState(store).scrollTop;
  try {
    store.setItem(key, JSON.stringify({ open, scrollTop }));
  } catch {
    // Storage refused (quota, privacy mode): the sidebar simply is not remembered.
  }
}
