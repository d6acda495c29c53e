/**
 * Messages between the presenter window and its console window over one BroadcastChannel per workshop.
 * The presenter owns the state; the console asks for it when it opens and may ask to move. Every message is
 * checked before use, since any page of the same origin can post on the channel. DOM-free.
 */

export type SyncMessage =
  /** Presenter → console: the slide shown now and when the timer started (epoch ms, or null if not started). */
  | { type: 'state'; slide: number; timerStartedAt: number | null }
  /** Console → presenter: please send your state. */
  | { type: 'hello' }
  /** Console → presenter: please show this slide. */
  | { type: 'go'; slide: number }
  /** Console → presenter: start or reset the timer. */
  | { type: 'timer'; action: 'start' | 'reset' };

export function channelName(workshopId: string): string {
  return `lean-containers-present:${workshopId}`;
}

const isSlide = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 100_000;

/** The message if it is well formed, otherwise undefined. */
export function readMessage(data: unknown): SyncMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  switch (message['type']) {
    case 'hello':
      return { type: 'hello' };
    case 'go':
      return isSlide(message['slide']) ? { type: 'go', slide: message['slide'] } : undefined;
    case 'timer':
      return message['action'] === 'start' || message['action'] === 'reset' ? { type: 'timer', action: message['action'] } : undefined;
    case 'state': {
      const started = message['timerStartedAt'];
      if (!isSlide(message['slide'])) return undefined;
      if (started !== null && !(typeof started === 'number' && Number.isFinite(started))) return undefined;
      return { type: 'state', slide: message['slide'], timerStartedAt: started };
    }
    default:
      return undefined;
  }
}

/** Which slide a key press moves to, or undefined if the key is not a navigation key. */
export function slideForKey(key: string, current: number, count: number): number | undefined {
  const last = Math.max(0, count - 1);
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return Math.min(last, current + 1);
    case 'ArrowLeft':
    case 'PageUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
