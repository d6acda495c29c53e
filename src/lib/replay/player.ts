import type { Marker, Recording } from '../asciicast/model.ts';
import { OutputSanitizer } from '../asciicast/sanitize.ts';
import { parseSize } from '../asciicast/parse.ts';
import { KeyframeStore, keyframeScrollbackLines, keyframeSpacingChars } from './keyframes.ts';
import type { LinearIndex } from './linear.ts';
import { buildOutputIndex } from './output-index.ts';
import type { OutputIndex } from './output-index.ts';
import { transition } from './machine.ts';
import type { PlayerAction, PlayerState } from './machine.ts';
import { buildTimeline, eventCountAt } from './timeline.ts';
import type { Timeline } from './timeline.ts';

/** Where output goes: xterm.js in the browser (`xterm-sink.ts`), @xterm/headless in tests and the build. */
export interface TerminalSink {
  /** Lines the terminal keeps above the screen. */
  readonly scrollback: number;
  /** Queue output; `done` runs once the terminal has parsed it (and everything queued before it). */
  write(data: string, done?: () => void): void;
  resize(cols: number, rows: number): void;
  /** Full reset (RIS), scrollback included, queued after the writes before it (write `fullReset`). */
  reset(): void;
  /** Lines in the (normal buffer's) scrollback now, above the screen. */
  readonly linesAbove: number;
  /**
   * The current screen as escape sequences that rebuild it after `reset()`, with up to `scrollbackLines` of the
   * lines above it (default none). Only after `prepareSnapshots()` has settled, where the sink has it.
   */
  snapshot(scrollbackLines?: number): string;
  /**
   * Loads what `snapshot` needs, if the sink loads it late: most recordings never need a snapshot (see
   * `load`), so the browser's sink fetches its serializer only for those that do.
   */
  prepareSnapshots?(): Promise<void>;
}

/** RIS, "reset to initial state": what a sink writes for `reset()`. */
export const fullReset = '\u001bc';

/** Wall clock and frame scheduling; `requestAnimationFrame` in the browser, a hand-driven fake in tests. */
export interface FrameClock {
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

export interface PlayerEventMap {
  state: PlayerState;
  /** Playback position in ms, after each frame and each seek. */
  position: number;
  /** Index in `recording.markers` of a marker reached while playing. */
  marker: number;
  error: Error;
  resize: { cols: number; rows: number };
}

/** A moment in playback; `eventCount` (events applied) settles ties when several events share a time. */
export interface PlaybackPoint {
  timeMs: number;
  eventCount?: number | undefined;
}

export interface PlayerOptions {
  /** 0.5–4; default 1. */
  speed?: number;
  /** Pauses longer than this many ms are shortened to it; default: the recording's own limit, else none. */
  idleTimeLimitMs?: number;
  /** Output characters between keyframes; default `keyframeSpacingChars`. Tests use small values. */
  keyframeSpacingChars?: number;
  /** The recording's output index when it was built while downloading (fetch-recording.ts); else built here. */
  outputIndex?: OutputIndex;
}

export const minSpeed = 0.5;
/** Within the linear stretch, a seek forward by less output than this writes it; further, the screen is rebuilt. */
const linearForwardChars = 8 * 1024;
/** How long the player rests after a seek before it fills in the scrollback (see scheduleScrollbackFill). */
export const scrollbackFillDelayMs = 250;
export const maxSpeed = 4;

type Listener<T> = (value: T) => void;

/** A possibly unfinished escape sequence at the end of a chunk: never snapshot in the middle of one. */
const openSequenceAtEnd = /\u001b(?:[[\]P_^X]?[^\u0007\u001b\\a-zA-Z@`{|}~]*)?$/;

/**
 * Plays a parsed recording into a terminal sink against the wall clock (see machine.ts for the states).
 * Commands run one at a time through a queue, so a seek never interleaves with a frame's writes.
 */
export class ReplayPlayer {
  readonly recording: Recording;
  readonly timeline: Timeline;
  state: PlayerState = 'loading';
  /** Playback position in ms (idle limit applied). */
  position = 0;
  speed = 1;

  private readonly sink: TerminalSink;
  private readonly clock: FrameClock;
  private readonly keyframes = new KeyframeStore();
  private readonly sanitizer = new OutputSanitizer();
  /** Output characters before each event: how much a replay between two events has to write. */
  private readonly outputBefore: Float64Array;
  /** Playback times of output events, for frame stepping. */
  private readonly outputTimes: Float64Array;
  /** How far the output stays linear; any moment before that is rebuilt from its last lines. */
  private readonly linear: LinearIndex;
  private readonly listeners = new Map<keyof PlayerEventMap, Set<Listener<never>>>();
  private applied = 0;
  private cols: number;
  private rows: number;
  private queue: Promise<void> = Promise.resolve();
  private frameHandle: number | undefined;
  private anchorWall = 0;
  private anchorPosition = 0;
  private disposed = false;
  private readonly spacing: number;

  constructor(recording: Recording, sink: TerminalSink, clock: FrameClock, options: PlayerOptions = {}) {
    this.recording = recording;
    this.sink = sink;
    this.clock = clock;
    this.cols = recording.cols;
    this.rows = recording.rows;
    this.speed = clampSpeed(options.speed ?? 1);
    this.spacing = options.keyframeSpacingChars ?? keyframeSpacingChars;
    this.timeline = buildTimeline(recording, options.idleTimeLimitMs ?? recording.idleTimeLimitMs ?? Infinity);
    const index = options.outputIndex ?? buildOutputIndex(recording.events);
    this.outputBefore = index.outputBefore;
    this.linear = index.linear;
    const events = recording.events;
    const times = this.timeline.times;
    const outputTimes: number[] = [];
    for (let index = 0; index < events.length; index++) {
      const time = times[index] as number;
      if ((events[index] as Recording['events'][number])[1] === 'o' && outputTimes.at(-1) !== time) outputTimes.push(time);
    }
    this.outputTimes = Float64Array.from(outputTimes);
  }

  get durationMs(): number {
    return this.timeline.durationMs;
  }

  get size(): { cols: number; rows: number } {
    return { cols: this.cols, rows: this.rows };
  }

  get keyframeCount(): number {
    return this.keyframes.size;
  }

  /** Events from the start whose output is linear (see linear.ts); no snapshots are needed for them. */
  get linearEventCount(): number {
    return this.linear.eventCount;
  }

  on<K extends keyof PlayerEventMap>(type: K, listener: Listener<PlayerEventMap[K]>): () => void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
    return () => set.delete(listener);
  }

  /**
   * Writes the whole recording once (taking keyframes), then shows `start` or, by default, the last frame.
   * `start.eventCount` pins how many events are applied, for moments where several events share a time.
   */
  load(start?: PlaybackPoint): Promise<void> {
    return this.run(async () => {
      // The linear stretch is rebuilt from its last lines; only what follows is written in full. Either way
      // the terminal starts clean (the sink may have drawn something while the recording downloaded).
      const allLinear = this.linear.eventCount === this.recording.events.length;
      // Output after the linear stretch scrolls its lines up: they must be there now, not filled in later.
      if (allLinear && this.linear.eventCount > 0) {
        // Nothing follows the stretch: wait on the frame's own write, not on an empty one queued after it
        // (xterm may parse that in a later slice, after a render).
        await new Promise<void>((resolve) => this.writeLinearFrame(this.linear.eventCount, false, resolve));
      } else {
        // Keyframes are taken every `spacing` characters after the linear stretch: with less than that, none.
        const afterLinear = (this.outputBefore[this.recording.events.length] as number) - (this.outputBefore[this.linear.eventCount] as number);
        if (afterLinear >= this.spacing) await this.sink.prepareSnapshots?.();
        if (this.linear.eventCount > 0) this.writeLinearFrame(this.linear.eventCount, true);
        else {
          this.sink.reset();
          this.sanitizer.reset();
        }
        await this.apply(this.recording.events.length, true);
      }
      const atEnd = start === undefined || start.timeMs >= this.durationMs;
      if (atEnd) this.setPosition(this.durationMs);
      else await this.moveTo(start.timeMs, start.eventCount);
      this.dispatch({ type: 'loaded', atEnd });
      this.scheduleScrollbackFill();
    });
  }

  play(): Promise<void> {
    return this.run(async () => {
      if (this.state === 'ended') await this.moveTo(0);
      if (!this.dispatch({ type: 'play' })) return;
      this.anchor();
      this.scheduleFrame();
    });
  }

  pause(): Promise<void> {
    return this.run(() => {
      this.dispatch({ type: 'pause' });
      this.scheduleScrollbackFill();
    });
  }

  togglePlay(): Promise<void> {
    return this.state === 'playing' ? this.pause() : this.play();
  }

  seek(timeMs: number, eventCount?: number): Promise<void> {
    const target = Math.min(Math.max(0, timeMs), this.durationMs);
    this.queuedPosition = target;
    return this.run(async () => {
      try {
        if (this.state === 'loading' || this.state === 'error') return;
        await this.moveTo(target, eventCount);
        this.dispatch({ type: 'seek', atEnd: target >= this.durationMs });
        this.anchor();
        this.scheduleScrollbackFill();
      } finally {
        if (this.queuedPosition === target) this.queuedPosition = undefined;
      }
    });
  }

  /**
   * Where the player will be once queued seeks are done: commands relative to "here" (next/previous
   * command) start from it, so two quick presses of `]` move two commands, not one.
   */
  private queuedPosition: number | undefined;

  private get intendedPosition(): number {
    return this.queuedPosition ?? this.position;
  }

  /** Jumps to the start of marker `index`: the marker applied, its command not yet typed. */
  seekToMarker(index: number): Promise<void> {
    const marker = this.recording.markers[index];
    return marker ? this.seek(this.markerTime(marker), marker.eventIndex + 1) : Promise.resolve();
  }

  /** The playback point of marker `index`, for `load`. */
  markerPoint(index: number): PlaybackPoint | undefined {
    const marker = this.recording.markers[index];
    return marker ? { timeMs: this.markerTime(marker), eventCount: marker.eventIndex + 1 } : undefined;
  }

  nextCommand(): Promise<void> {
    const here = this.intendedPosition;
    const next = this.recording.markers.findIndex((marker) => this.markerTime(marker) > here + 0.5);
    return next === -1 ? this.seek(this.durationMs) : this.seekToMarker(next);
  }

  /** To the start of the current command, or of the previous one when already at (or near) its start. */
  previousCommand(): Promise<void> {
    const markers = this.recording.markers;
    const here = this.intendedPosition;
    let index = this.markerIndexAt(here);
    if (index >= 0 && here - this.markerTime(markers[index] as Marker) < 1000) index--;
    return index >= 0 ? this.seekToMarker(index) : this.seek(0);
  }

  /** Pauses and moves to the next (+1) or previous (-1) moment where output changed. */
  async stepFrame(direction: 1 | -1): Promise<void> {
    if (this.state === 'playing') await this.pause();
    const times = this.outputTimes;
    const count = eventCountAt(times, this.position);
    const target = direction === 1 ? times[count] : times[count - 2];
    await this.seek(target ?? (direction === 1 ? this.durationMs : 0));
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
    this.anchor();
  }

  /** The last marker at or before the position, -1 before the first. */
  currentMarkerIndex(): number {
    return this.markerIndexAt(this.position);
  }

  private markerIndexAt(timeMs: number): number {
    let found = -1;
    this.recording.markers.forEach((marker, index) => {
      if (this.markerTime(marker) <= timeMs) found = index;
    });
    return found;
  }

  markerTime(marker: Marker): number {
    return this.timeline.times[marker.eventIndex] ?? 0;
  }

  /** Resolves once every command issued so far (and the frame in flight) has finished. */
  settled(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.disposed = true;
    if (this.frameHandle !== undefined) this.clock.cancelFrame(this.frameHandle);
    if (this.fillHandle !== undefined) this.clock.cancelFrame(this.fillHandle);
    this.listeners.clear();
  }

  private emit<K extends keyof PlayerEventMap>(type: K, value: PlayerEventMap[K]): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as Listener<PlayerEventMap[K]>)(value);
  }

  private dispatch(action: PlayerAction): boolean {
    const next = transition(this.state, action);
    if (next === null) return false;
    if (next !== this.state) {
      this.state = next;
      this.emit('state', next);
    }
    return true;
  }

  /** Runs one command after the previous has finished; any failure moves the player to `error`. */
  private run(task: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue.then(async () => {
      if (this.disposed || this.state === 'error') return;
      try {
        await task();
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        this.dispatch({ type: 'fail' });
        this.emit('error', error);
      }
    });
    return this.queue;
  }

  private anchor(): void {
    this.anchorWall = this.clock.now();
    this.anchorPosition = this.position;
  }

  private scheduleFrame(): void {
    if (this.frameHandle !== undefined || this.disposed) return;
    this.frameHandle = this.clock.requestFrame(() => {
      this.frameHandle = undefined;
      void this.run(() => this.tick());
    });
  }

  /** One animation frame: everything due since the last frame is written in a single batch. */
  private async tick(): Promise<void> {
    if (this.state !== 'playing') return;
    const target = Math.min(this.anchorPosition + (this.clock.now() - this.anchorWall) * this.speed, this.durationMs);
    const before = this.applied;
    await this.apply(eventCountAt(this.timeline.times, target), false);
    this.setPosition(target);
    this.recording.markers.forEach((marker, index) => {
      if (marker.eventIndex >= before && marker.eventIndex < this.applied) this.emit('marker', index);
    });
    if (target >= this.durationMs) this.dispatch({ type: 'finish' });
    else this.scheduleFrame();
  }

  /** Shows the terminal as it was at `timeMs`: forward from here when close, else from the nearest keyframe. */
  private async moveTo(timeMs: number, eventCount?: number): Promise<void> {
    const target = eventCount ?? eventCountAt(this.timeline.times, timeMs);
    // Writing forward keeps the scrollback, but within the linear stretch a rebuilt screen costs only a few kB,
    // so going forward is worth it only for a short way; elsewhere, up to a keyframe's spacing.
    const forwardLimit = target <= this.linear.eventCount ? linearForwardChars : this.spacing;
    const closeAhead = target >= this.applied && (this.outputBefore[target] as number) - (this.outputBefore[this.applied] as number) < forwardLimit;
    if (!closeAhead && target <= this.linear.eventCount) {
      await new Promise<void>((resolve) => this.writeLinearFrame(target, false, resolve));
      this.setPosition(timeMs);
      return;
    }
    if (!closeAhead) {
      const keyframe = this.keyframes.nearest(target);
      this.sink.reset();
      this.sanitizer.reset();
      if (keyframe) {
        this.resizeTo(keyframe.cols, keyframe.rows);
        this.sink.write(keyframe.snapshot);
        this.applied = keyframe.eventCount;
        // A snapshot holds the last `keyframeScrollbackLines` above the screen (see README: known limits).
        this.missingScrollback = !keyframe.scrollbackComplete;
      } else {
        this.missingScrollback = false; // replayed from the start: everything is there
        this.resizeTo(this.recording.cols, this.recording.rows);
        this.applied = 0;
      }
    }
    await this.apply(target, false, true);
    this.setPosition(timeMs);
  }

  /**
   * Resets the terminal and rebuilds the moment after `count` events of the linear stretch: the screen only
   * (a few kB, fast enough for every seek), or the screen and the scrollback above it (up to a thousand lines,
   * ~100 kB that take xterm 20–100 ms to parse), which `scheduleScrollbackFill` adds once seeking stops.
   * The reset goes out in the same write as the lines, so no frame shows the empty screen in between.
   */
  private writeLinearFrame(count: number, withScrollback: boolean, done?: () => void): void {
    this.sanitizer.reset();
    this.resizeTo(this.recording.cols, this.recording.rows);
    const lines = this.recording.rows + (withScrollback ? this.sink.scrollback : 0);
    const frame = this.linear.frameAt(count, lines, this.recording.events, this.outputBefore);
    // Synchronized output (DEC mode 2026) asks xterm to draw the result once, not the lines scrolling past.
    this.sink.write(withScrollback ? `${fullReset}\u001b[?2026h${frame}\u001b[?2026l` : fullReset + frame, done);
    this.applied = count;
    this.missingScrollback = !withScrollback;
  }

  /** True while the lines above the screen are missing (after a screen-only rebuild or a keyframe). */
  private missingScrollback = false;
  private fillHandle: number | undefined;
  private lastMoveAt = 0;

  /**
   * Once the player has rested for `scrollbackFillDelayMs` (paused or ended, no seek), rewrites the moment
   * with its scrollback, so scrolling up shows what came before it. Seeking in quick succession (dragging the
   * slider, holding an arrow key) never waits for this; only the linear stretch can be filled this way.
   */
  private scheduleScrollbackFill(): void {
    this.lastMoveAt = this.clock.now();
    if (this.fillHandle !== undefined || !this.missingScrollback) return;
    const check = (): void => {
      this.fillHandle = undefined;
      if (this.disposed || this.state === 'playing' || !this.missingScrollback) return; // pause schedules again
      if (this.clock.now() - this.lastMoveAt < scrollbackFillDelayMs) {
        this.fillHandle = this.clock.requestFrame(check);
        return;
      }
      void this.run(() => {
        const stillResting = this.state === 'paused' || this.state === 'ended';
        if (stillResting && this.missingScrollback && this.applied <= this.linear.eventCount) this.writeLinearFrame(this.applied, true);
      });
    };
    this.fillHandle = this.clock.requestFrame(check);
  }

  private setPosition(timeMs: number): void {
    this.position = timeMs;
    this.emit('position', timeMs);
  }

  private resizeTo(cols: number, rows: number): void {
    if (cols === this.cols && rows === this.rows) return;
    this.cols = cols;
    this.rows = rows;
    this.sink.resize(cols, rows);
    this.emit('resize', { cols, rows });
  }

  private written(data: string): Promise<void> {
    return new Promise((resolve) => this.sink.write(data, resolve));
  }

  /**
   * Applies events up to (not including) `end`. Output between resizes goes out as one write; a resize waits
   * for the output before it, because xterm resizes at once but parses writes later.
   */
  private async apply(end: number, takeKeyframes: boolean, waitForTerminal = takeKeyframes): Promise<void> {
    const events = this.recording.events;
    let pending = '';
    let sinceKeyframe = 0;
    let last: Promise<void> | undefined;
    for (let index = this.applied; index < end; index++) {
      const [, code, data] = events[index] as Recording['events'][number];
      if (code === 'o') {
        const safe = this.sanitizer.write(data);
        pending += safe;
        sinceKeyframe += safe.length;
        if (takeKeyframes && sinceKeyframe >= this.spacing && this.sanitizer.idle && !openSequenceAtEnd.test(pending.slice(-64))) {
          const keyframe = { eventCount: index + 1, cols: this.cols, rows: this.rows };
          this.sink.write(pending, () => {
            const above = this.sink.linesAbove;
            const snapshot = this.sink.snapshot(Math.min(above, keyframeScrollbackLines));
            this.keyframes.add({ ...keyframe, snapshot, scrollbackComplete: above <= keyframeScrollbackLines });
          });
          pending = '';
          sinceKeyframe = 0;
        }
      } else if (code === 'r') {
        const { cols, rows } = parseSize(data, 0);
        await this.written(pending);
        pending = '';
        this.resizeTo(cols, rows);
      }
    }
    this.applied = Math.max(this.applied, end);
    if (pending !== '' || waitForTerminal) last = this.written(pending);
    if (waitForTerminal) await last;
  }
}

function clampSpeed(speed: number): number {
  return Number.isFinite(speed) ? Math.min(maxSpeed, Math.max(minSpeed, speed)) : 1;
}
