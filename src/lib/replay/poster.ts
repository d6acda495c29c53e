import type { Recording } from '../asciicast/model.ts';
import { HeadlessSink } from './headless-sink.ts';
import { ReplayPlayer } from './player.ts';
import { transcriptOf } from './transcript.ts';
import { posterTime } from './poster-time.ts';
import headless from '@xterm/headless';
import type { IBufferCell } from '@xterm/headless';

/**
 * Build-time poster: the terminal at a chosen moment (default: the end) as HTML with real, selectable text.
 * Colours 0–15 become classes (`t-fg-1`, `t-bg-4`) that read the site's palette from CSS custom properties,
 * so the poster follows the light/dark theme; 256-colour and RGB values are inlined as written.
 */
export interface Poster {
  html: string;
  /** The same screen as plain text. */
  text: string;
  cols: number;
  rows: number;
}

const stillClock = { now: () => 0, requestFrame: () => 0, cancelFrame: () => undefined };

export async function renderPoster(recording: Recording, afterMarker?: number): Promise<Poster> {
  const sink = new HeadlessSink(recording.cols, recording.rows, 0);
  const player = new ReplayPlayer(recording, sink, stillClock);
  await player.load(posterTime(player, afterMarker));
  if (player.state === 'error') throw new Error('the recording could not be replayed');
  const { cols, rows } = player.size;
  const buffer = sink.terminal.buffer.active;
  const htmlRows: string[] = [];
  const textRows: string[] = [];
  for (let row = 0; row < rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    textRows.push(line?.translateToString(true) ?? '');
    htmlRows.push(line ? rowHtml(line, cols, buffer.getNullCell()) : '');
  }
  sink.dispose();
  return { html: trimTrailingEmpty(htmlRows).join('\n'), text: trimTrailingEmpty(textRows).join('\n'), cols, rows };
}

/** The transcript at build time, through @xterm/headless. */
export function renderTranscript(recording: Recording): Promise<string> {
  return transcriptOf(recording, (cols, rows, scrollback) => new headless.Terminal({ cols, rows, scrollback, allowProposedApi: true }));
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
