/**
 * The player's states and the only transitions allowed between them.
 *
 *   loading ──loaded──▶ paused | ended     (ended when the first frame shown is the last one)
 *   loading ──fail────▶ error
 *   paused  ──play────▶ playing
 *   ended   ──play────▶ playing           (the driver rewinds to 0 first)
 *   playing ──pause───▶ paused
 *   playing ──finish──▶ ended
 *   paused | ended ──seek(before end)──▶ paused;   paused | ended ──seek(to end)──▶ ended
 *   playing ──seek(before end)──▶ playing;          playing ──seek(to end)──▶ ended
 *   any     ──fail────▶ error                     (error is final; load a recording again to leave it)
 *
 * Speed and the idle-time limit are settings, not states; they never change the state.
 */
export type PlayerState = 'loading' | 'paused' | 'playing' | 'ended' | 'error';

export type PlayerAction =
  | { type: 'loaded'; atEnd: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'finish' }
  | { type: 'seek'; atEnd: boolean }
  | { type: 'fail' };

/** Returns the next state, or null when the action is not allowed in this state (the caller ignores it). */
export function transition(state: PlayerState, action: PlayerAction): PlayerState | null {
  if (action.type === 'fail') return state === 'error' ? null : 'error';
  switch (state) {
    case 'loading':
      return action.type === 'loaded' ? (action.atEnd ? 'ended' : 'paused') : null;
    case 'paused':
    case 'ended':
      if (action.type === 'play') return 'playing';
      if (action.type === 'seek') return action.atEnd ? 'ended' : 'paused';
      return null;
    case 'playing':
      if (action.type === 'pause') return 'paused';
      if (action.type === 'finish') return 'ended';
      if (action.type === 'seek') return action.atEnd ? 'ended' : 'playing';
      return null;
    case 'error':
      return null;
  }
}
