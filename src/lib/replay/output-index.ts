import type { RecordingEvent } from '../asciicast/model.ts';
import { LinearScanner } from './linear.ts';
import type { LinearIndex, TerminalState } from './linear.ts';

/** What the player must know about a recording's output before it can show any moment quickly. */
export interface OutputIndex {
  /** Output characters before each event (one more entry than events): how much a replay has to write. */
  readonly outputBefore: Float64Array;
  /** How far the output stays linear from the start; any moment before that is rebuilt from its last lines. */
  readonly linear: LinearIndex;
}

/**
 * Builds the `OutputIndex` one batch of events at a time, so the work is done while the recording downloads
 * (the main thread would otherwise wait for the network) rather than after it.
 */
export class OutputIndexBuilder {
  private readonly scanner: LinearScanner;
  private outputBefore = new Float64Array(1024);
  private count = 0;
  private linear = true;

  /** `start`: the terminal state before the first event, when the events are the end of a recording (end-frame.ts). */
  constructor(start?: TerminalState) {
    this.scanner = new LinearScanner(start);
  }

  /** Reads the events not seen yet: `events` is the same array each time, grown by the parser. */
  update(events: readonly RecordingEvent[]): void {
    if (this.outputBefore.length <= events.length) {
      const grown = new Float64Array(Math.max(events.length + 1, this.outputBefore.length * 2));
      grown.set(this.outputBefore.subarray(0, this.count + 1));
      this.outputBefore = grown;
    }
    const outputBefore = this.outputBefore;
    let written = outputBefore[this.count] as number;
    for (let index = this.count; index < events.length; index++) {
      const event = events[index] as RecordingEvent;
      if (this.linear) this.linear = this.scanner.add(event, written);
      if (event[1] === 'o') written += event[2].length;
      outputBefore[index + 1] = written;
    }
    this.count = events.length;
  }

  /** The index of the whole recording (`events` complete). */
  finish(events: readonly RecordingEvent[]): OutputIndex {
    this.update(events);
    return { outputBefore: this.outputBefore.slice(0, this.count + 1), linear: this.scanner.finish() };
  }
}

/** The index built in one go, for a recording that is already complete. */
export function buildOutputIndex(events: readonly RecordingEvent[], start?: TerminalState): OutputIndex {
  return new OutputIndexBuilder(start).finish(events);
}
