import { resetsColours, withSgr } from './linear.ts';
import type { TerminalState } from './linear.ts';

/**
 * Linear output (linear.ts) recognised in the raw asciicast text, before it is parsed: a cheap pass over the
 * JSON as it downloads, so the last frame of a long, linear recording can be shown from its last lines as soon
 * as the last byte is in (end-frame.ts), while the whole file is still being parsed.
 *
 * JSON cannot carry a control character as is: inside a string it is one of the escapes `\b \f \n \r \t` or
 * `\u00XX`. So every control character that could make output non-linear shows up as a backslash escape (or
 * as a raw C1 or DEL character, found in the bytes). The check reads the escapes one after the other, from the first backslash of
 * each line (backslashes only occur inside strings, so each one it lands on starts an escape), with native
 * `indexOf` in between: about 10 ms for 8 MB. It is conservative: it may call linear output non-linear (then
 * the player simply waits for the full parse), never the other way round. `raw-linear.test.ts` checks that
 * against `LinearScanner` on every recording in the project and on a thousand mutations of them.
 */

/** After `\u001b`: the escape sequences linear output may contain, as in linear.ts's `nonLinear`. */
const linearEscape = /\[[0-9;:]*[mK]|\[\?(?:1|25|100[0-6]|1015|2004)[hl]|[=>]/y;
/** After `\u`: a printable character (not DEL, not C1), or BEL, BS or TAB. */
const harmlessUnicode = /000[789]|00[2-6][0-9a-fA-F]|007[0-9a-eA-E]|00[a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{3}/y;
/** The code of a resize event, which reflows lines. */
const resizeCode = '"r"';
/** An output event's line up to the opening quote of its data. */
const outputStart = /\[[^,\n]*,\s*"o",\s*"/y;
const backslash = 0x5c;

/** Fed the raw text piece by piece as it downloads; `finish()` says whether all of it is linear. */
export class RawLinearCheck {
  /** The start of a line whose end has not arrived yet: escapes are only checked within whole lines. */
  private partial = '';
  /** The last whole line checked: a line feed that starts an event looks back at it. */
  private previousLine = '';
  private linear = true;
  /** Whether any escape sequence (`ESC`) has been seen: without one, the colours and cursor never change. */
  escapes = false;

  /** Whether the previous bytes ended with the lead byte of a two-byte UTF-8 character from U+0080 to U+00BF. */
  private afterC2 = false;

  /**
   * `bytes`: the UTF-8 that `text` was decoded from, where DEL and the C1 controls (valid in JSON as they are)
   * are found natively, byte by byte, far faster than in the string. Raw C0 controls are not JSON: the full
   * parse reports those, and the frame then gives way to the error.
   */
  push(text: string, bytes: Uint8Array): void {
    if (!this.linear) return;
    if (!this.bytesLinear(bytes)) {
      this.linear = false;
      return;
    }
    const end = text.lastIndexOf('\n');
    if (end === -1) {
      this.partial += text;
      return;
    }
    const lines = this.partial + text.slice(0, end);
    this.partial = text.slice(end + 1);
    this.linear = this.scan(lines);
    this.previousLine = lines.slice(lines.lastIndexOf('\n') + 1);
  }

  finish(): boolean {
    if (this.linear && this.partial !== '') this.linear = this.scan(this.partial);
    this.partial = '';
    return this.linear;
  }

  /** No DEL (0x7f) and no C1 control (C2 80 to C2 9F in UTF-8), also where a chunk ends between the two bytes. */
  private bytesLinear(bytes: Uint8Array): boolean {
    if (bytes.indexOf(0x7f) !== -1) return false;
    const isC1 = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x80 && byte <= 0x9f;
    if (this.afterC2 && isC1(bytes[0])) return false;
    this.afterC2 = false;
    for (let at = bytes.indexOf(0xc2); at !== -1; at = bytes.indexOf(0xc2, at + 2)) {
      if (at === bytes.length - 1) this.afterC2 = true;
      else if (isC1(bytes[at + 1])) return false;
    }
    return true;
  }

  /** Whether whole `lines` (no line feed at the end) are linear, the line before them being `previousLine`. */
  private scan(lines: string): boolean {
    if (lines.includes(resizeCode)) return false;
    for (let at = lines.indexOf('\\'); at !== -1; at = lines.indexOf('\\', at)) {
      switch (lines.charCodeAt(at + 1)) {
        case 0x72: // \r, and \r\n (the usual line end) in one step
          at += lines.charCodeAt(at + 2) === backslash && lines.charCodeAt(at + 3) === 0x6e ? 4 : 2;
          break;
        case 0x22: // \"
        case backslash: // \\
        case 0x2f: // \/
        case 0x62: // \b
        case 0x74: // \t
          at += 2;
          break;
        case 0x6e: // \n, a line feed without a CR before it in the same string: fine only as below
          if (!this.lineFeedAfterEvent(lines, at)) return false;
          at += 2;
          break;
        case 0x75: // \u
          if (lines.startsWith('001b', at + 2)) {
            linearEscape.lastIndex = at + 6;
            if (!linearEscape.test(lines)) return false;
            this.escapes = true;
            at = linearEscape.lastIndex;
            break;
          }
          harmlessUnicode.lastIndex = at + 2;
          if (!harmlessUnicode.test(lines)) return false;
          at += 6;
          break;
        default: // \f, and anything JSON does not allow
          return false;
      }
    }
    return true;
  }

  /**
   * A line feed first in an output event, after an output event that ended with a carriage return on the line
   * before (a line ending split between two events, as `asciinema rec` records them): still linear.
   */
  private lineFeedAfterEvent(lines: string, at: number): boolean {
    const lineStart = lines.lastIndexOf('\n', at) + 1;
    outputStart.lastIndex = lineStart;
    if (!outputStart.test(lines) || outputStart.lastIndex !== at) return false;
    const previous = lineStart === 0 ? this.previousLine : lines.slice(lines.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
    outputStart.lastIndex = 0;
    if (!outputStart.test(previous) || !previous.endsWith('\\r"]')) return false;
    // The backslash before `r"]` starts an escape if an odd number of backslashes end the line's text there.
    let count = 0;
    for (let index = previous.length - 4; index >= 0 && previous.charCodeAt(index) === backslash; index--) count++;
    return count % 2 === 1;
  }
}

/** `ESC [ parameters m` as it appears in the JSON text. */
const rawSgr = /\\u001b\[([0-9;:]*)m/y;
/** Whether the JSON text at `at` is inside an output event's line (not the header, a marker's label…). */
function inOutput(text: string, at: number): boolean {
  outputStart.lastIndex = text.lastIndexOf('\n', at) + 1;
  return outputStart.test(text);
}

/**
 * The colours and cursor visibility in force at `offset` (a line start) of raw text that `RawLinearCheck`
 * found linear: read backwards from there, back to the last reset of the colours (and the last change of the
 * cursor), in one pass over the escapes.
 */
export function terminalStateAt(text: string, offset: number): TerminalState {
  const found: string[] = [];
  let coloursKnown = false;
  let cursorHidden: boolean | undefined;
  for (let at = text.lastIndexOf('\\u001b[', offset - 1); at !== -1; at = at === 0 ? -1 : text.lastIndexOf('\\u001b[', at - 1)) {
    rawSgr.lastIndex = at;
    const parameters: string | undefined = coloursKnown ? undefined : rawSgr.exec(text)?.[1];
    const cursor = cursorHidden === undefined && text.startsWith('?25', at + 7) ? text[at + 10] : undefined;
    if ((parameters === undefined && cursor !== 'h' && cursor !== 'l') || !inOutput(text, at)) continue;
    if (parameters !== undefined) {
      found.push(parameters);
      coloursKnown = resetsColours(parameters); // nothing before a reset matters
    }
    if (cursor === 'h' || cursor === 'l') cursorHidden = cursor === 'l';
    if (coloursKnown && cursorHidden !== undefined) break;
  }
  let colours = '';
  for (let index = found.length - 1; index >= 0; index--) colours = withSgr(colours, found[index] as string);
  return { colours, cursorHidden: cursorHidden ?? false };
}
