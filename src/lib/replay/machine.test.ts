import { describe, expect, it } from 'vitest';
import { transition } from './machine.ts';
import type { PlayerAction, PlayerState } from './machine.ts';

const states: PlayerState[] = ['loading', 'paused', 'playing', 'ended', 'error'];
const actions: PlayerAction[] = [
  { type: 'loaded', atEnd: true },
  { type: 'loaded', atEnd: false },
  { type: 'play' },
  { type: 'pause' },
  { type: 'finish' },
  { type: 'seek', atEnd: true },
  { type: 'seek', atEnd: false },
  { type: 'fail' },
];
const name = (action: PlayerAction): string => ('atEnd' in action ? `${action.type}(${action.atEnd ? 'end' : 'mid'})` : action.type);

describe('transition', () => {
  it('allows exactly the transitions listed in machine.ts', () => {
    const table = states.map((state) => `${state}: ${actions.map((action) => `${name(action)}→${transition(state, action) ?? '-'}`).join(' ')}`);
    expect(table).toEqual([
      'loading: loaded(end)→ended loaded(mid)→paused play→- pause→- finish→- seek(end)→- seek(mid)→- fail→error',
      'paused: loaded(end)→- loaded(mid)→- play→playing pause→- finish→- seek(end)→ended seek(mid)→paused fail→error',
      'playing: loaded(end)→- loaded(mid)→- play→- pause→paused finish→ended seek(end)→ended seek(mid)→playing fail→error',
      'ended: loaded(end)→- loaded(mid)→- play→playing pause→- finish→- seek(end)→ended seek(mid)→paused fail→error',
      'error: loaded(end)→- loaded(mid)→- play→- pause→- finish→- seek(end)→- seek(mid)→- fail→-',
    ]);
  });
});
