import { AsciicastReader } from '../asciicast/parse.ts';
import type { Header } from '../asciicast/parse.ts';
import { buildOutputIndex } from './output-index.ts';
import { terminalStateAt } from './raw-linear.ts';

/** The end of the file parsed first; grown fourfold until it holds a screenful of lines. */
const firstTailChars = 16 * 1024;

/**
 * The last frame of a recording whose raw text `RawLinearCheck` found linear, from the end of the file alone:
 * the text that rebuilds the screen on a freshly reset terminal, exactly as `LinearIndex.frameAt` gives it for
 * the whole recording, but without parsing the megabytes before the last screenful. `undefined` when that
 * can't be had cheaply (no header line first, a malformed line at the end: the full parse reports those).
 * `escapes: false` (`RawLinearCheck.escapes`): the text has no escape sequence, so nothing is carried in from
 * before the end. `firstTail`: characters read first (tests use a few, so what is carried in is exercised).
 * `partial`: `text` is the header line and only the end of the recording (tail-frame.ts): the frame is given only
 * if that end holds more line breaks than rows, as what came before it is unknown.
 */
export function endFrame(text: string, options: { escapes?: boolean; firstTail?: number; partial?: boolean } = {}): string | undefined {
  const { escapes = true, firstTail = firstTailChars, partial = false } = options;
  const headerEnd = text.indexOf('\n') + 1;
  if (headerEnd === 0 || text.charCodeAt(0) !== 0x7b) return undefined; // the header is not the first line
  const header = text.slice(0, headerEnd);
  for (let size = firstTail; ; size *= 4) {
    const from = text.length - size;
    const start = from <= headerEnd ? headerEnd : text.indexOf('\n', from) + 1;
    const whole = start === headerEnd;
    if (!whole && start === 0) continue; // the last line is longer than this: take more
    const reader = new AsciicastReader();
    let events;
    try {
      reader.push(header);
      reader.push(text.slice(start));
      events = reader.finish().events;
    } catch {
      return undefined;
    }
    const index = buildOutputIndex(events, whole || !escapes ? undefined : terminalStateAt(text, start));
    if (index.linear.eventCount !== events.length) {
      // The end read starts with the LF of a line ending split between two events: its CR is further back.
      if (whole) return undefined;
      continue;
    }
    // More line breaks than rows: the frame starts at a line start inside this tail (see frameAt).
    const rows = (reader.header as Header).rows; // the header parsed, as events were
    if ((whole && !partial) || index.linear.lineCount > rows) return index.linear.frameAt(events.length, rows, events, index.outputBefore);
    if (whole) return undefined; // all of a partial text read, and too few lines in it to tell
  }
}
