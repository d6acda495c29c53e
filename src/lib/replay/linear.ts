import type { RecordingEvent } from '../asciicast/model.ts';

/**
 * Keyframes for free: while output is "linear" — text, CR LF line ends, tabs, backspace, colours (SGR) and
 * erase-in-line, nothing that moves the cursor up, changes modes or touches other lines — the screen at any
 * moment is exactly what a fresh terminal shows after the last `rows` lines before that moment, written with
 * the colours in force where they start. Long listings and build logs are like this, so the last frame of
 * a 60,000-line recording needs ~30 lines written instead of 8 MB.
 *
 * `LinearIndex` records, while the recording is parsed, how far from the start the output stays linear and
 * where each line starts; `frameAt` then gives the text that rebuilds any moment within that stretch.
 */

/** Anything outside linear output: other controls, C1, and escapes other than CSI … m (SGR) and CSI … K. */
const nonLinear = /[\u0000-\u0006\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]|\u001b(?!\[[0-9;:]*[mK])/;
const linesAndColours = /\n|\u001b\[([0-9;:]*)m/g;

export class LinearIndex {
  /** Events before this index are linear (output-wise); the player snapshots the rest as usual. */
  readonly eventCount: number;
  /** Output offset (in `outputBefore` units) where each line after the first starts. */
  private readonly lineStarts: number[];
  /** SGR sequences in force at each of those line starts. */
  private readonly lineColours: string[];

  private constructor(eventCount: number, lineStarts: number[], lineColours: string[]) {
    this.eventCount = eventCount;
    this.lineStarts = lineStarts;
    this.lineColours = lineColours;
  }

  static build(events: readonly RecordingEvent[], outputBefore: Float64Array): LinearIndex {
    const lineStarts: number[] = [];
    const lineColours: string[] = [];
    let colours = '';
    let previous = '';
    let index = 0;
    scan: for (; index < events.length; index++) {
      const [, code, data] = events[index] as RecordingEvent;
      if (code === 'r') break; // a resize reflows lines: not linear any more
      if (code !== 'o' || data === '') continue;
      if (nonLinear.test(data)) break;
      const base = outputBefore[index] as number;
      const linesBefore = lineStarts.length;
      // Plain text (the common case) needs only its line feeds; text with colours goes through the regex.
      const matches = data.includes('\u001b') ? data.matchAll(linesAndColours) : lineFeeds(data);
      for (const match of matches) {
        const at = match.index;
        if (match[0] === '\n') {
          // A bare LF keeps the column, so a line would not start at column 0: stop being clever there.
          if ((at === 0 ? previous : data[at - 1]) !== '\r') {
            lineStarts.length = linesBefore;
            lineColours.length = linesBefore;
            break scan;
          }
          lineStarts.push(base + at + 1);
          lineColours.push(colours);
        } else {
          const parameters = match[1] ?? '';
          // SGR 0 (or empty) resets everything, so only what follows it matters.
          colours = parameters === '' || parameters === '0' ? '' : /^0[;:]/.test(parameters) ? match[0] : colours + match[0];
          if (colours.length > 256) colours = colours.slice(colours.lastIndexOf('\u001b[', colours.length - 128));
        }
      }
      previous = data.at(-1) ?? previous;
    }
    return new LinearIndex(index, lineStarts, lineColours);
  }

  /**
   * Text that gives, on a freshly reset terminal with `rows` rows, the screen after the first `count`
   * events (`count` ≤ `eventCount`).
   */
  frameAt(count: number, rows: number, events: readonly RecordingEvent[], outputBefore: Float64Array): string {
    const end = outputBefore[count] as number;
    const linesBefore = upperBound(this.lineStarts, end - 1); // line starts strictly before `end`
    const first = linesBefore - rows; // keep `rows` line breaks: the screen plus the line being written
    const start = first < 0 ? 0 : (this.lineStarts[first] as number);
    const colours = first < 0 ? '' : (this.lineColours[first] as string);
    return colours + textBetween(start, end, events, outputBefore);
  }
}

/** The line feeds of `data`, shaped like regex matches, found with indexOf (much faster on long text). */
function* lineFeeds(data: string): Generator<{ 0: string; 1?: string; index: number }> {
  for (let at = data.indexOf('\n'); at !== -1; at = data.indexOf('\n', at + 1)) yield { 0: '\n', index: at };
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
