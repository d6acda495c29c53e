/**
 * What the presenter and the console share in the browser: the agenda's plan for each slide (read from
 * data attributes), the timer kept per workshop in localStorage (so a reload or the console sees the same
 * start), and the BroadcastChannel between the two windows.
 */
import { channelName, readMessage } from '../../../lib/workshop/sync.ts';
import type { SyncMessage } from '../../../lib/workshop/sync.ts';

export interface PlannedItem {
  offset: number;
  length: number;
  start: string;
  end: string;
}

/** The agenda plan rendered by the page as JSON in <script type="application/json" id="agenda-plan">. */
export function readPlan(): PlannedItem[] {
  const text = document.getElementById('agenda-plan')?.textContent ?? '[]';
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as PlannedItem[]) : [];
  } catch {
    return [];
  }
}

export class Timer {
  private readonly key: string;
  startedAt: number | null;

  constructor(workshopId: string) {
    this.key = `workshop-timer:${workshopId}`;
    this.startedAt = this.load();
  }

  private load(): number | null {
    try {
      const saved = Number(localStorage.getItem(this.key));
      return Number.isFinite(saved) && saved > 0 ? saved : null;
    } catch {
      return null;
    }
  }

  set(startedAt: number | null): void {
    this.startedAt = startedAt;
    try {
      if (startedAt === null) localStorage.removeItem(this.key);
      else localStorage.setItem(this.key, String(startedAt));
    } catch {
      // The timer still runs for this window.
    }
  }

  elapsed(now = Date.now()): number {
    return this.startedAt === null ? 0 : now - this.startedAt;
  }
}

export interface Channel {
  post(message: SyncMessage): void;
  close(): void;
}

/** Opens the workshop's channel; `onMessage` only ever sees well-formed messages. */
export function openChannel(workshopId: string, onMessage: (message: SyncMessage) => void): Channel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(channelName(workshopId));
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = readMessage(event.data);
    if (message) onMessage(message);
  });
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}

/** True when a key press belongs to a field or a terminal player rather than to slide navigation. */
export function keyBelongsElsewhere(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return true;
  const target = event.target;
  if (!(target instanceof Element)) return false;
  if (event.key === ' ' && target.closest('button, a, summary')) return true; // Space presses the control
  return Boolean(target.closest('input, textarea, select, [contenteditable], .replay, dialog'));
}
