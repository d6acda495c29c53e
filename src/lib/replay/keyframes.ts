/**
 * Snapshots of the terminal taken while the recording is first written, so a seek restores the nearest
 * snapshot and replays only the events after it, instead of replaying everything from zero.
 */
export interface Keyframe {
  /** Number of events already applied when the snapshot was taken. */
  readonly eventCount: number;
  readonly cols: number;
  readonly rows: number;
  /** The terminal's screen as escape sequences (xterm's serialize addon), written after a reset. */
  readonly snapshot: string;
}

/** Output bytes between two snapshots: small enough that replaying them takes a few ms. */
export const keyframeSpacingChars = 64 * 1024;

export class KeyframeStore {
  private readonly frames: Keyframe[] = [];

  add(frame: Keyframe): void {
    // Snapshots arrive in order while loading; keep the list sorted so `nearest` can binary search.
    const last = this.frames.at(-1);
    if (!last || frame.eventCount > last.eventCount) this.frames.push(frame);
  }

  /** The latest keyframe at or before `eventCount`, or undefined when replay must start from zero. */
  nearest(eventCount: number): Keyframe | undefined {
    let low = 0;
    let high = this.frames.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.frames[middle] as Keyframe).eventCount <= eventCount) low = middle + 1;
      else high = middle;
    }
    return this.frames[low - 1];
  }

  get size(): number {
    return this.frames.length;
  }
}
