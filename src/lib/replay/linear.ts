import type { RecordingEvent } from '../asciicast/model.ts';

/**
 * Keyframes for free: while output is "linear" — text, CR LF line ends, tabs, backspace, colours (SGR) and
 * erase-in-line, nothing that moves the cursor up, changes what the screen shows or touches other lines — the
 * screen at any moment is exactly what a fresh terminal shows after the last lines before that moment (as
 * many as the screen and the scrollback hold), written with the colours in force where they start. Long
 * listings and build logs are like this, so the last frame of a 60,000-line recording needs ~30 lines
 * written instead of 8 MB.
 *
 * Modes that only change what the keyboard or mouse would send (bracketed paste, which every shell prompt
 * turns on and off, cursor keys, keypad, focus and mouse reporting) do not change the screen, and a replay
 * sends nothing back, so they keep the output linear; a rebuilt moment simply leaves them off. Cursor
 * visibility does show, so it is tracked like the colours.
 *
 * `LinearIndex` records, while the recording is parsed, how far from the start the output stays linear and
 * where each line starts; `frameAt` then gives the text that rebuilds any moment within that stretch.
 */

/**
 * Anything outside linear output: other controls, C1, and escapes other than CSI … m (SGR), CSI … K, the keypad
 * modes ESC = and ESC >, and CSI ? n h/l for the modes above: 1 (cursor keys), 25 (cursor visible), 1000–1006
 * and 1015 (mouse and focus reporting), 2004 (bracketed paste).
 */
const nonLinear = /[\u0000-\u0006\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]|\u001b(?!\[[0-9;:]*[mK]|\[\?(?:1|25|100[0-6]|1015|2004)[hl]|[=>])/;
/**
 * Every character `nonLinear` starts with, ESC included: one plain character class scans about three times
 * faster than the alternation with its look-ahead, and plain text (most of a long listing) never matches it.
 */
const anyControl = /[\u0000-\u0006\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const linesColoursAndCursor = /\n|\u001b\[([0-9;:]*)m|\u001b\[\?25([hl])/g;
/** What a rebuilt moment starts with where the cursor was hidden (a reset terminal shows it). */
const hideCursor = '\u001b[?25l';

export class LinearIndex {
  /** Events before this index are linear (output-wise); the player snapshots the rest as usual. */
  readonly eventCount: number;
  /** Output offset (in `outputBefore` units) where each line after the first starts. */
  private readonly lineStarts: number[];
  /** SGR sequences in force at each of those line starts, and `hideCursor` where the cursor was hidden. */
  private readonly lineColours: string[];

  private constructor(eventCount: number, lineStarts: number[], lineColours: string[]) {
    this.eventCount = eventCount;
    this.lineStarts = lineStarts;
    this.lineColours = lineColours;
  }

  static build(events: readonly RecordingEvent[], outputBefore: Float64Array): LinearIndex {
    const scanner = new LinearScanner();
    for (let index = 0; index < events.length && scanner.add(events[index] as RecordingEvent, outputBefore[index] as number); index++);
    return scanner.finish();
  }

  /** @internal Built by `LinearScanner`. */
  static fromScan(eventCount: number, lineStarts: number[], lineColours: string[]): LinearIndex {
    return new LinearIndex(eventCount, lineStarts, lineColours);
  }

  /** Line breaks (CR LF) seen in the linear stretch. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * Text that gives, on a freshly reset terminal, the screen and scrollback after the first `count` events
   * (`count` ≤ `eventCount`): the last `lines` lines, at least the terminal's rows plus its scrollback.
   */
  frameAt(count: number, lines: number, events: readonly RecordingEvent[], outputBefore: Float64Array): string {
    const end = outputBefore[count] as number;
    const linesBefore = upperBound(this.lineStarts, end - 1); // line starts strictly before `end`
    const first = linesBefore - lines; // keep `lines` line breaks: the lines before plus the one being written
    const start = first < 0 ? 0 : (this.lineStarts[first] as number);
    const colours = first < 0 ? '' : (this.lineColours[first] as string);
    return colours + textBetween(start, end, events, outputBefore);
  }
}

/**
 * Builds a `LinearIndex` one event at a time, so it can run while the recording downloads: `add` each event
 * in order with the output characters before it, until it returns false (the output stopped being linear).
 */
export class LinearScanner {
  private readonly lineStarts: number[] = [];
  private readonly lineColours: string[] = [];
  /** SGR sequences in force now. */
  private colours: string;
  private cursorHidden: boolean;
  /** The last output character so far, to tell CR LF from a bare LF across events. */
  private previous = '';
  private eventCount = 0;
  private stopped = false;

  /**
   * `start`: the colours and cursor in force before the first event, for a scan that begins part-way through
   * a recording (end-frame.ts); a recording's own start has none.
   */
  constructor(start: TerminalState = { colours: '', cursorHidden: false }) {
    this.colours = start.colours;
    this.cursorHidden = start.cursorHidden;
  }

  /** Takes the next event; false once the output is no longer linear (later calls are ignored). */
  add(event: RecordingEvent, outputBefore: number): boolean {
    if (this.stopped) return false;
    const [, code, data] = event;
    if (code === 'r') return this.stop(); // a resize reflows lines: not linear any more
    if (code === 'o' && data !== '' && !this.addOutput(data, outputBefore)) return this.stop();
    this.eventCount++;
    return true;
  }

  finish(): LinearIndex {
    this.stopped = true;
    return LinearIndex.fromScan(this.eventCount, this.lineStarts, this.lineColours);
  }

  private stop(): false {
    this.stopped = true;
    return false;
  }

  private addOutput(data: string, base: number): boolean {
    const hasControls = anyControl.test(data);
    if (hasControls && nonLinear.test(data)) return false;
    const linesBefore = this.lineStarts.length;
    const ok = hasControls ? this.scanColoured(data, base) : this.scanPlain(data, base);
    if (!ok) {
      this.lineStarts.length = linesBefore;
      this.lineColours.length = linesBefore;
      return false;
    }
    this.previous = data.at(-1) ?? this.previous;
    return true;
  }

  /** Plain text (most of a long listing) needs only its line feeds, found with indexOf. */
  private scanPlain(data: string, base: number): boolean {
    for (let at = data.indexOf('\n'); at !== -1; at = data.indexOf('\n', at + 1)) {
      if (!this.lineAfter(data, at, base)) return false;
    }
    return true;
  }

  private scanColoured(data: string, base: number): boolean {
    for (const match of data.matchAll(linesColoursAndCursor)) {
      if (match[0] === '\n') {
        if (!this.lineAfter(data, match.index, base)) return false;
        continue;
      }
      if (match[2] !== undefined) {
        this.cursorHidden = match[2] === 'l';
        continue;
      }
      this.colours = withSgr(this.colours, match[1] ?? '');
    }
    return true;
  }

  /** Records the line starting after the LF at `at`; false for a bare LF (no CR before it). */
  private lineAfter(data: string, at: number, base: number): boolean {
    // A bare LF keeps the column, so a line would not start at column 0: stop being clever there.
    if ((at === 0 ? this.previous : data[at - 1]) !== '\r') return false;
    this.lineStarts.push(base + at + 1);
    this.lineColours.push(this.cursorHidden ? this.colours + hideCursor : this.colours);
    return true;
  }
}

/** What linear output carries from one line to the next: the colours (SGR) and whether the cursor is hidden. */
export interface TerminalState {
  colours: string;
  cursorHidden: boolean;
}

/** Whether `ESC [ parameters m` starts with a reset (SGR 0 or empty): nothing in force before it matters. */
export function resetsColours(parameters: string): boolean {
  return parameters === '' || parameters === '0' || /^0[;:]/.test(parameters);
}

/**
 * The colours in force after `colours` and the SGR sequence `ESC [ parameters m`: SGR 0 (or empty) resets
 * everything, so only what follows it matters; anything else adds to what is in force (kept to the last
 * ~128 characters' worth of sequences, as a long run of changes would otherwise grow without end).
 */
export function withSgr(colours: string, parameters: string): string {
  const sequence = `\u001b[${parameters}m`;
  const next = !resetsColours(parameters) ? colours + sequence : parameters === '' || parameters === '0' ? '' : sequence;
  return next.length > 256 ? next.slice(next.lastIndexOf('\u001b[', next.length - 128)) : next;
}

/** Number of values ≤ `value` in a sorted array. */
function upperBound(values: number[] | Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Output characters from offset `start` to `end`, across event boundaries. */
function textBetween(start: number, end: number, events: readonly RecordingEvent[], outputBefore: Float64Array): string {
  let index = Math.max(0, upperBound(outputBefore, start) - 1);
  let text = '';
  for (; index < events.length && (outputBefore[index] as number) < end; index++) {
    const [, code, data] = events[index] as RecordingEvent;
    if (code !== 'o') continue;
    const offset = outputBefore[index] as number;
    text += data.slice(Math.max(0, start - offset), end - offset);
  }
  return text;
}
