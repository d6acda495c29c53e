import { describe, expect, it } from 'vitest';
import { readSidebarState, restoreSidebar, saveSidebar, type SessionStore, type SidebarGroup } from './sidebar-state.ts';

function store(initial: Record<string, string> = {}): SessionStore {
  const data = { ...initial };
  return { getItem: (name) => data[name] ?? null, setItem: (name, value) => void (data[name] = value) };
}

const group = (chapterId: string, open = false): SidebarGroup => ({ open, dataset: { chapterId } });

describe('sidebar state', () => {
  it('round-trips open groups and scroll position', () => {
    const session = store();
    saveSidebar(session, [group('01-a', true), group('02-b'), group('03-c', true)], { scrollTop: 120 });
    const groups = [group('01-a'), group('02-b'), group('03-c')];
    const scroller = { scrollTop: 0 };
    restoreSidebar(session, groups, scroller);
    expect(groups.map((g) => g.open)).toEqual([true, false, true]);
    expect(scroller.scrollTop).toBe(120);
  });

  it('saves the open groups without a scroller, keeping the scroll position saved before', () => {
    const session = store({ 'sidebar-state': '{"open":["01-a"],"scrollTop":80}' });
    saveSidebar(session, [group('01-a'), group('02-b', true)]);
    expect(readSidebarState(session)).toEqual({ open: ['02-b'], scrollTop: 80 });
  });

  it('never closes the group the server opened', () => {
    const groups = [group('01-a', true)];
    restoreSidebar(store({ 'sidebar-state': '{"open":[],"scrollTop":0}' }), groups, { scrollTop: 0 });
    expect(groups[0]?.open).toBe(true);
  });

  it('leaves the scroll position alone when there is none to restore (writing it forces a layout)', () => {
    const writes: number[] = [];
    const scroller = {
      get scrollTop(): number {
        return 0;
      },
      set scrollTop(value: number) {
        writes.push(value);
      },
    };
    restoreSidebar(store(), [group('01-a')], scroller);
    restoreSidebar(store({ 'sidebar-state': '{"open":[],"scrollTop":0}' }), [group('01-a')], scroller);
    expect(writes).toEqual([]);
  });

  it('ignores corrupt data', () => {
    expect(readSidebarState(store({ 'sidebar-state': '{not json' }))).toEqual({ open: [], scrollTop: 0 });
    expect(readSidebarState(store({ 'sidebar-state': '{"open":"x","scrollTop":"y"}' }))).toEqual({ open: [], scrollTop: 0 });
  });
});
