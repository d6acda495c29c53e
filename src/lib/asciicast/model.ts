/**
 * One model for every asciicast version (see README.md beside this file).
 * Times are milliseconds from the start of the recording, always absolute and non-decreasing,
 * whatever the file stored (v2 absolute seconds, v3 intervals in seconds).
 */

/** "o" output, "i" input, "m" marker, "r" resize, "x" exit status. Other codes are skipped when parsing. */
export type EventCode = 'o' | 'i' | 'm' | 'r' | 'x';

/** `[timeMs, code, data]`: a tuple, because a large recording holds tens of thousands of them. */
export type RecordingEvent = readonly [timeMs: number, code: EventCode, data: string];

/** A named point in time: in the lab's recordings, the command about to run. */
export interface Marker {
  /** Position in `events` of the "m" event. */
  readonly eventIndex: number;
  readonly timeMs: number;
  readonly label: string;
  /** Exit status of the command this marker starts, from the next "x" event before the next marker. */
  readonly exitStatus?: string;
}

export interface Recording {
  /** The version of the file that was parsed; the model itself is the same for both. */
  readonly version: 2 | 3;
  /** Terminal size when the recording started; "r" events change it later. */
  readonly cols: number;
  readonly rows: number;
  readonly title?: string;
  readonly command?: string;
  /** Unix seconds when the recording started, if the header says. */
  readonly timestamp?: number;
  /** The longest pause the author wants shown, in ms, from the header's `idle_time_limit`. */
  readonly idleTimeLimitMs?: number;
  readonly events: readonly RecordingEvent[];
  readonly markers: readonly Marker[];
  /** Time of the last event, in ms. */
  readonly durationMs: number;
}

/** Limits that keep a hostile or broken file from exhausting the browser. */
export const limits = {
  /** Bytes of text accepted at all (the benchmark's 60,000-line recording is about 8 MB). */
  maxFileBytes: 64 * 1024 * 1024,
  maxCols: 1000,
  maxRows: 500,
  /** Recordings longer than a day are almost certainly broken times. */
  maxDurationMs: 24 * 60 * 60 * 1000,
} as const;

/** The one error the parser throws: what is wrong and on which line (1-based; 0 for the whole file). */
export class AsciicastParseError extends Error {
  readonly line: number;
  readonly reason: string;
  constructor(line: number, reason: string) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = 'AsciicastParseError';
    this.line = line;
    this.reason = reason;
  }
}
