/**
 * A terminal screen as HTML with real, selectable text: the build-time poster (poster.ts) and, on the /replay/
 * page, the last frame shown while the player is still loading. Colours 0–15 become classes (`t-fg-1`,
 * `t-bg-4`) that read the site's palette from CSS custom properties, so the screen follows the light/dark
 * theme; 256-colour and RGB values are inlined as written. Reads any xterm buffer (@xterm/headless at build
 * time, @xterm/xterm in the browser): their buffer interfaces are the same.
 */
import type { IBufferCell } from '@xterm/xterm';

/** The part of an xterm buffer read here. */
interface Buffer {
  readonly viewportY: number;
  getLine(y: number): Line | undefined;
  getNullCell(): IBufferCell;
}

/** The screen's rows (`rows` of them from the top of the viewport) as HTML and as plain text, trailing empty rows left out. */
export function screenHtml(buffer: Buffer, cols: number, rows: number): { html: string; text: string } {
  const htmlRows: string[] = [];
  const textRows: string[] = [];
  for (let row = 0; row < rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    textRows.push(line?.translateToString(true) ?? '');
    htmlRows.push(line ? rowHtml(line, cols, buffer.getNullCell()) : '');
  }
  return { html: trimTrailingEmpty(htmlRows).join('\n'), text: trimTrailingEmpty(textRows).join('\n') };
}

interface Line {
  getCell(x: number, cell?: IBufferCell): IBufferCell | undefined;
  translateToString(trimRight?: boolean): string;
}

function rowHtml(line: Line, cols: number, cell: IBufferCell): string {
  const width = line.translateToString(true).length === 0 ? 0 : cols;
  let html = '';
  let runStyle = '';
  let runText = '';
  const flush = (): void => {
    if (runText === '') return;
    html += runStyle === '' ? escapeHtml(runText) : `<span ${runStyle}>${escapeHtml(runText)}</span>`;
    runText = '';
  };
  let lastContent = 0;
  for (let x = 0; x < width; x++) {
    line.getCell(x, cell);
    if (cell.getChars() !== '' || !cell.isBgDefault()) lastContent = x + 1;
  }
  for (let x = 0; x < lastContent; x++) {
    line.getCell(x, cell);
    if (cell.getWidth() === 0) continue; // the second half of a wide character
    const style = cellStyle(cell);
    if (style !== runStyle) {
      flush();
      runStyle = style;
    }
    runText += cell.getChars() || ' ';
  }
  flush();
  return html;
}

function colour(kind: 'fg' | 'bg', isPalette: boolean, isRgb: boolean, value: number, classes: string[], styles: string[]): void {
  const property = kind === 'fg' ? 'color' : 'background-color';
  if (isPalette && value < 16) classes.push(`t-${kind}-${value}`);
  else if (isPalette) styles.push(`${property}:${xterm256(value)}`);
  else if (isRgb) styles.push(`${property}:#${value.toString(16).padStart(6, '0')}`);
}

function cellStyle(cell: IBufferCell): string {
  const classes: string[] = [];
  const styles: string[] = [];
  const inverse = cell.isInverse() !== 0;
  const fg: [boolean, boolean, number] = [cell.isFgPalette(), cell.isFgRGB(), cell.getFgColor()];
  const bg: [boolean, boolean, number] = [cell.isBgPalette(), cell.isBgRGB(), cell.getBgColor()];
  if (inverse) {
    // Default colours swap through classes, since the defaults are CSS custom properties too.
    if (!fg[0] && !fg[1]) classes.push('t-bg-default-fg');
    if (!bg[0] && !bg[1]) classes.push('t-fg-default-bg');
  }
  colour('fg', ...(inverse ? bg : fg), classes, styles);
  colour('bg', ...(inverse ? fg : bg), classes, styles);
  if (cell.isBold()) classes.push('t-bold');
  if (cell.isDim()) classes.push('t-dim');
  if (cell.isItalic()) classes.push('t-italic');
  if (cell.isUnderline()) classes.push('t-underline');
  if (cell.isStrikethrough()) classes.push('t-strike');
  if (cell.isInvisible()) classes.push('t-invisible');
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
