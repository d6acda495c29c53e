import { looksHtml, paletteColour, rgbColour, styleBits } from './screen-html.ts';
import type { Look } from './screen-html.ts';

/**
 * The screen a fresh terminal shows after a frame of linear output (linear.ts), worked out without a terminal:
 * the /replay/ page draws a long recording's last frame with it (looksHtml, screen-html.ts) in well under a
 * millisecond, where making an xterm Terminal and writing to it cost 50–130 ms on the bench, most of the time
 * it took to show the frame.
 *
 * It follows xterm.js 6 step by step (InputHandler: print, lineFeed, carriageReturn, backspace, tab, eraseInLine,
 * charAttributes) for the small part of a terminal that linear output uses: characters one cell wide, CR, LF,
 * TAB, BS and BEL, SGR colours and styles written with semicolons, erase in line, and the modes that do not
 * change the screen. Anything else (a wide or combining character, a colon in SGR, any other control) gives
 * `undefined`: the page then shows no early frame, and the player shows the screen once it has loaded.
 * `linear-screen.test.ts` checks it against xterm on every frame of every recording in the project, on
 * thousands of mutations of them, and on every pair of edge steps at a line's end.
 */

const plain: Look = { chars: '', fg: 0, bg: 0, styles: 0 };

/**
 * Characters xterm gives one cell (its Unicode 6 widths) and draws as they are: printable ASCII, Latin-1 (but
 * the soft hyphen); punctuation (dashes, quotes, bullets, ellipsis), currency and letterlike symbols, arrows,
 * mathematical and technical symbols (not the two wide angle brackets), enclosed numbers, box drawing, blocks,
 * shapes, symbols and dingbats (✓ ✗ ❯ ★), as command-line tools print them.
 */
const oneCell =
  /[\u0020-\u007e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u2328\u232b-\u23ff\u2460-\u27bf]/y;
/** The DEC private modes linear output may set or reset, none of which changes the screen (raw-linear.ts). */
const harmlessModes = new Set([1, 25, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1015, 2004]);
const csi = /\u001b\[(\??)([0-9;]*)([mKhl])/y;

/**
 * The screen after writing `frame` to a fresh `cols` × `rows` terminal, its rows of cells for looksHtml
 * (screen-html.ts), or `undefined` if the frame holds anything beyond the part of a terminal this follows (see
 * above).
 */
export function linearScreen(frame: string, cols: number, rows: number): Look[][] | undefined {
  /** The colours and styles characters are written with now. */
  let attributes = plain;
  /** xterm's erase attributes: the current background, nothing else. */
  const erased = (): Look => (attributes.bg ? { ...plain, bg: attributes.bg } : plain);
  const blankRow = (): Look[] => Array<Look>(cols).fill(erased());
  const lines = Array.from({ length: rows }, blankRow);
  let x = 0;
  let y = 0;
  const nextRow = (): void => {
    y++;
    if (y === rows) {
      y--;
      lines.shift();
      lines.push(blankRow());
    }
  };
  for (let at = 0; at < frame.length; ) {
    const code = frame.charCodeAt(at);
    if (code === 0x1b) {
      csi.lastIndex = at;
      const sequence = csi.exec(frame);
      if (sequence) {
        const [, privateMode, parameters = '', final] = sequence;
        const values = parameters === '' ? [0] : parameters.split(';').map((value) => (value === '' ? 0 : Number(value)));
        if (values.length > 32 || values.some((value) => value > 65535)) return undefined;
        if (privateMode) {
          if (final === 'm' || final === 'K' || !values.every((value) => harmlessModes.has(value))) return undefined;
        } else if (final === 'm') {
          const next = withSgr(attributes, values);
          if (!next) return undefined;
          attributes = next;
        } else if (final === 'K') {
          const line = lines[y] as Look[];
          const column = Math.min(x, cols);
          const mode = values[0];
          const [from, to] = mode === 0 ? [column, cols] : mode === 1 ? [0, Math.min(column + 1, cols)] : mode === 2 ? [0, cols] : [0, 0];
          line.fill(erased(), from, to);
        } else return undefined;
        at = csi.lastIndex;
        continue;
      }
      const after = frame[at + 1];
      if (after === '=' || after === '>') {
        at += 2;
        continue;
      }
      return undefined;
    }
    if (code === 0x0d) x = 0;
    else if (code === 0x0a) {
      nextRow();
      if (x >= cols) x--;
    } else if (code === 0x09) {
      if (x < cols) x = Math.min((Math.floor(x / 8) + 1) * 8, cols - 1);
    } else if (code === 0x08) {
      x = Math.min(x, cols - 1);
      if (x > 0) x--;
    } else if (code === 0x07) {
      // the bell: nothing on screen
    } else {
      oneCell.lastIndex = at;
      if (!oneCell.test(frame)) return undefined;
      if (x >= cols) {
        // Autowrap: on to the start of the next row.
        x = 0;
        nextRow();
      }
      (lines[y] as Look[])[x++] = { ...attributes, chars: frame[at] as string };
    }
    at++;
  }
  return lines;
}

const { bold, dim, italic, underline, inverse, invisible, strikethrough } = styleBits;
/** SGR parameters that set styles, and those that clear them. */
const setStyles: Record<number, number> = { 1: bold, 2: dim, 3: italic, 4: underline, 21: underline, 7: inverse, 8: invisible, 9: strikethrough };
const clearStyles: Record<number, number> = { 22: bold | dim, 23: italic, 24: underline, 27: inverse, 28: invisible, 29: strikethrough };

/** `attributes` after SGR with these parameters, as xterm's charAttributes; `undefined` for a colour it can't read. */
function withSgr(attributes: Look, values: number[]): Look | undefined {
  let { fg, bg, styles } = attributes;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as number;
    if (value >= 30 && value <= 37) fg = paletteColour | (value - 30);
    else if (value >= 40 && value <= 47) bg = paletteColour | (value - 40);
    else if (value >= 90 && value <= 97) fg = paletteColour | (value - 82);
    else if (value >= 100 && value <= 107) bg = paletteColour | (value - 92);
    else if (value === 0) fg = bg = styles = 0;
    else if (value === 39) fg = 0;
    else if (value === 49) bg = 0;
    else if (value === 38 || value === 48 || value === 58) {
      // 38;5;n (256 colours) or 38;2;r;g;b, with semicolons; 58 (underline colour) is not drawn.
      const mode = values[index + 1];
      const size = mode === 5 ? 3 : mode === 2 ? 5 : 0;
      if (size === 0 || index + size > values.length) return undefined;
      const [r = 0, g = 0, b = 0] = values.slice(index + 2, index + size);
      const colour = mode === 5 ? paletteColour | (r & 0xff) : rgbColour | ((r & 0xff) << 16) | ((g & 0xff) << 8) | (b & 0xff);
      if (value === 38) fg = colour;
      else if (value === 48) bg = colour;
      index += size - 1;
    } else styles = (styles | (setStyles[value] ?? 0)) & ~(clearStyles[value] ?? 0);
    // Anything else (blink, overline, fonts…) changes nothing the HTML shows, and xterm ignores what it does
    // not know.
  }
  return { chars: '', fg, bg, styles };
}

/** `frame` drawn on a fresh `cols` × `rows` terminal, as HTML (looksHtml), or `undefined` (see linearScreen). */
export function linearFrameHtml(frame: string, cols: number, rows: number): string | undefined {
  const screen = linearScreen(frame, cols, rows);
  return screen && looksHtml(screen).html;
}
