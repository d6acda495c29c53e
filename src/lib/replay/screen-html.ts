/**
 * A terminal screen as HTML with real, selectable text: the build-time poster (poster.ts) and, on the /replay/
 * page, the last frame shown while the player is still loading. Colours 0–15 become classes (`t-fg-1`,
 * `t-bg-4`) that read the site's palette from CSS custom properties, so the screen follows the light/dark
 * theme; 256-colour and RGB values are inlined as written. Reads any xterm buffer (@xterm/headless at build
 * time, @xterm/xterm in the browser): their buffer interfaces are the same; and linear-screen.ts's screen.
 */
import type { IBufferCell } from '@xterm/xterm';

/**
 * A cell as the HTML needs it: its text ('' for an empty cell), colours as `mode << 24 | value` (mode 0 the
 * default, 1 a palette index, 2 RGB 0xRRGGBB) and styles as bits (`styleBits`). linear-screen.ts makes these
 * directly; `screenHtml` reads them from an xterm buffer.
 */
export interface Look {
  chars: string;
  fg: number;
  bg: number;
  styles: number;
}

export const paletteColour = 1 << 24;
export const rgbColour = 2 << 24;
export const styleBits = { bold: 1, dim: 2, italic: 4, underline: 8, inverse: 16, invisible: 32, strikethrough: 64 };

/** The part of an xterm buffer read here. */
interface Buffer {
  readonly viewportY: number;
  getLine(y: number): { getCell(x: number, cell?: IBufferCell): IBufferCell | undefined } | undefined;
  getNullCell(): IBufferCell;
}

/**
 * The screen's rows (`rows` of them from the top of the viewport) as HTML and as plain text, trailing empty rows
 * left out.
 */
export function screenHtml(buffer: Buffer, cols: number, rows: number): { html: string; text: string } {
  const cell = buffer.getNullCell();
  const screen: Look[][] = [];
  for (let row = 0; row < rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    const looks: Look[] = [];
    for (let x = 0; line && x < cols; x++) {
      line.getCell(x, cell);
      if (cell.getWidth() !== 0) looks.push(lookOf(cell)); // not the second half of a wide character
    }
    screen.push(looks);
  }
  return looksHtml(screen);
}

/** Rows of cells as HTML and as plain text, trailing empty rows left out. */
export function looksHtml(screen: Look[][]): { html: string; text: string } {
  const htmlRows: string[] = [];
  const textRows: string[] = [];
  for (const looks of screen) {
    // As xterm's translateToString(true): up to the last cell written, an empty cell read as a space.
    let written = looks.length;
    while (written > 0 && looks[written - 1]?.chars === '') written--;
    textRows.push(looks.slice(0, written).map((look) => look.chars || ' ').join(''));
    htmlRows.push(written === 0 ? '' : rowHtml(looks));
  }
  return { html: trimTrailingEmpty(htmlRows).join('\n'), text: trimTrailingEmpty(textRows).join('\n') };
}

function lookOf(cell: IBufferCell): Look {
  const colour = (isPalette: boolean, isRgb: boolean, value: number): number =>
    isPalette ? paletteColour | value : isRgb ? rgbColour | value : 0;
  const { bold, dim, italic, underline, inverse, invisible, strikethrough } = styleBits;
  return {
    chars: cell.getChars(),
    fg: colour(cell.isFgPalette(), cell.isFgRGB(), cell.getFgColor()),
    bg: colour(cell.isBgPalette(), cell.isBgRGB(), cell.getBgColor()),
    styles:
      (cell.isBold() ? bold : 0) |
      (cell.isDim() ? dim : 0) |
      (cell.isItalic() ? italic : 0) |
      (cell.isUnderline() ? underline : 0) |
      (cell.isInverse() ? inverse : 0) |
      (cell.isInvisible() ? invisible : 0) |
      (cell.isStrikethrough() ? strikethrough : 0),
  };
}

/** A row with something written in it: runs of cells with the same look, up to the last cell written or coloured. */
function rowHtml(looks: Look[]): string {
  let html = '';
  let runStyle = '';
  let runText = '';
  const flush = (): void => {
    if (runText === '') return;
    html += runStyle === '' ? escapeHtml(runText) : `<span ${runStyle}>${escapeHtml(runText)}</span>`;
    runText = '';
  };
  let lastContent = 0;
  looks.forEach((look, x) => {
    if (look.chars !== '' || look.bg !== 0) lastContent = x + 1;
  });
  for (const look of looks.slice(0, lastContent)) {
    const style = cellStyle(look);
    if (style !== runStyle) {
      flush();
      runStyle = style;
    }
    runText += look.chars || ' ';
  }
  flush();
  return html;
}

function colour(kind: 'fg' | 'bg', value: number, classes: string[], styles: string[]): void {
  const property = kind === 'fg' ? 'color' : 'background-color';
  const index = value & 0xffffff;
  if (value >>> 24 === 1 && index < 16) classes.push(`t-${kind}-${index}`);
  else if (value >>> 24 === 1) styles.push(`${property}:${xterm256(index)}`);
  else if (value >= rgbColour) styles.push(`${property}:#${index.toString(16).padStart(6, '0')}`);
}

function cellStyle(look: Look): string {
  const classes: string[] = [];
  const styles: string[] = [];
  const has = (style: keyof typeof styleBits): boolean => (look.styles & styleBits[style]) !== 0;
  const inverse = has('inverse');
  if (inverse) {
    // Default colours swap through classes, since the defaults are CSS custom properties too.
    if (look.fg === 0) classes.push('t-bg-default-fg');
    if (look.bg === 0) classes.push('t-fg-default-bg');
  }
  colour('fg', inverse ? look.bg : look.fg, classes, styles);
  colour('bg', inverse ? look.fg : look.bg, classes, styles);
  if (has('bold')) classes.push('t-bold');
  if (has('dim')) classes.push('t-dim');
  if (has('italic')) classes.push('t-italic');
  if (has('underline')) classes.push('t-underline');
  if (has('strikethrough')) classes.push('t-strike');
  if (has('invisible')) classes.push('t-invisible');
  const parts: string[] = [];
  if (classes.length > 0) parts.push(`class="${classes.join(' ')}"`);
  if (styles.length > 0) parts.push(`style="${styles.join(';')}"`);
  return parts.join(' ');
}

/** The fixed part of the 256-colour palette: a 6×6×6 cube, then 24 greys. */
function xterm256(index: number): string {
  if (index >= 232) {
    const grey = 8 + (index - 232) * 10;
    return rgb(grey, grey, grey);
  }
  const cube = index - 16;
  const level = (n: number): number => (n === 0 ? 0 : 55 + n * 40);
  return rgb(level(Math.floor(cube / 36)), level(Math.floor(cube / 6) % 6), level(cube % 6));
}

function rgb(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] as string);
}

function trimTrailingEmpty(rows: string[]): string[] {
  const copy = [...rows];
  while (copy.length > 0 && copy.at(-1) === '') copy.pop();
  return copy;
}
