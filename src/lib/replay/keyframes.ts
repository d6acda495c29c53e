/**
 * Snapshots of the terminal taken while the recording is first written, so a seek restores the nearest
 * snapshot and replays only the events after it, instead of replaying everything from zero.
 */
export interface Keyframe {
  /** Number of events already applied when the snapshot was taken. */
  readonly eventCount: number;
  readonly cols: number;
  readonly rows: number;
  /**
   * The terminal's screen, and up to `keyframeScrollbackLines` lines above it, as escape sequences (xterm's
   * serialize addon), written after a reset.
   */
  readonly snapshot: string;
  /** False when there were more lines above the screen than the snapshot keeps. */
  readonly scrollbackComplete: boolean;
}

/**
 * Lines above the screen a snapshot keeps: a few screens to scroll back through after a seek. Serializing costs
 * about as much per line as xterm's parsing, so a thousand lines per keyframe would cost more than writing the
 * output between keyframes; a hundred add a few milliseconds per keyframe, and nothing where output redraws in
 * place (a build's progress display) and little scrolls.
 */
export const keyframeScrollbackLines = 100;

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
