import { Terminal } from '@xterm/xterm';
import type { ITheme } from '@xterm/xterm';
import type { SerializeAddon } from '@xterm/addon-serialize';
// As text, added to the page when the first terminal is made: a plain CSS import would be attached to every page
// of the site (each page carries its styles inline), though only pages with a player ever need it.
import xtermStyles from '@xterm/xterm/css/xterm.css?inline';
import type { TerminalSink } from './player.ts';
import { fullReset } from './player.ts';

/** Downloads at least this large leave time to measure glyphs before the first frame (see measureGlyphsEarly). */
export const measureGlyphsEarlyFrom = 512 * 1024;
/** Smallest readable font size; below it the terminal scrolls sideways instead of shrinking. */
export const minFontSize = 11;
const maxFontSize = 15;
const fontFamily = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace";
const ansiNames = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

let charWidthAt100: number | undefined;

/** Adds xterm's own stylesheet to the page once, before the first terminal opens. */
function addXtermStylesOnce(): void {
  if (document.querySelector('style[data-xterm-styles]')) return;
  const style = document.createElement('style');
  style.dataset['xtermStyles'] = '';
  style.textContent = xtermStyles;
  document.head.append(style);
}

/**
 * Width of one character of the terminal font at 100 px, measured once per page: resolving the font list the
 * first time costs tens of milliseconds on some systems, and every fit would pay it again with a new canvas.
 */
function measuredCharWidthAt100(): number | undefined {
  if (charWidthAt100 !== undefined) return charWidthAt100;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.font = `100px ${fontFamily}`;
  charWidthAt100 = context.measureText('W').width || 60;
  return charWidthAt100;
}

/**
 * The one place that touches xterm.js: creates the terminal inside `host`, sizes its font so the recorded
 * columns fit (never under 11 px), takes its colours from the site's CSS custom properties and follows
 * `<html data-theme>`, and disposes everything on teardown. Keyboard input never reaches xterm: a replay
 * has no process to send it to, so `onData` is deliberately not connected.
 */
export class XtermSink implements TerminalSink {
  readonly terminal: Terminal;
  /** Lines kept above the screen: enough to scroll back through a long command's output. */
  readonly scrollback = 1000;
  /** xterm's serializer, for keyframes: loaded by `prepareSnapshots` (4 kB gzipped most players never need). */
  private serializer: SerializeAddon | undefined;
  private disposed = false;
  private readonly host: HTMLElement;
  private readonly observers: { disconnect(): void }[] = [];

  constructor(host: HTMLElement, cols: number, rows: number, options: { reducedMotion: boolean; downloadBytes?: number | undefined }) {
    this.host = host;
    addXtermStylesOnce();
    this.terminal = new Terminal({
      cols,
      rows,
      fontFamily,
      fontSize: this.fontSizeFor(cols),
      scrollback: this.scrollback,
      disableStdin: true,
      cursorBlink: !options.reducedMotion,
      cursorInactiveStyle: 'block',
      allowProposedApi: true,
      theme: this.theme(),
    });
    this.terminal.attachCustomKeyEventHandler(() => false); // keys belong to the player's shortcuts
    this.terminal.open(host);
    const element = this.terminal.element;
    // The screen is a picture of output for sighted users; the transcript is the accessible text, and the
    // hidden textarea must not catch Tab.
    element?.setAttribute('aria-hidden', 'true');
    this.terminal.textarea?.setAttribute('tabindex', '-1');
    const theme = new MutationObserver(() => (this.terminal.options.theme = this.theme()));
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const size = new ResizeObserver(() => this.fit());
    size.observe(host);
    this.observers.push(theme, size);
    if ((options.downloadBytes ?? 0) >= measureGlyphsEarlyFrom) this.measureGlyphsEarly();
  }

  /**
   * xterm's DOM renderer measures each character's width the first time it draws it, one forced layout per
   * character (1–2 ms each on a busy machine, ~150 ms for a screen of ASCII). While a large recording
   * downloads the main thread is idle, so draw every printable ASCII character now, plain and bold, concealed
   * (SGR 8 hides the text but the renderer still measures it). The player's `load` resets the terminal before
   * writing the recording, so none of it stays on screen.
   */
  private measureGlyphsEarly(): void {
    let ascii = '';
    for (let code = 0x21; code < 0x7f; code++) ascii += String.fromCharCode(code);
    this.terminal.write(`\u001b[8m${ascii}\r\n\u001b[1m${ascii}\u001b[0m`);
  }

  write(data: string, done?: () => void): void {
    this.terminal.write(data, done);
  }

  resize(cols: number, rows: number): void {
    this.terminal.resize(cols, rows);
    this.fit();
  }

  reset(): void {
    // RIS through the write queue, not terminal.reset(): that acts at once, before writes still queued, which
    // would then land on the fresh screen. In the queue it also shares one parse (and one render) with what
    // follows it.
    this.terminal.write(fullReset);
  }

  get linesAbove(): number {
    return this.terminal.buffer.normal.baseY;
  }

  private serializerLoaded: Promise<void> | undefined;

  prepareSnapshots(): Promise<void> {
    this.serializerLoaded ??= import('@xterm/addon-serialize').then(({ SerializeAddon }) => {
      if (this.disposed) return;
      this.serializer = new SerializeAddon();
      this.terminal.loadAddon(this.serializer);
    });
    return this.serializerLoaded;
  }

  snapshot(scrollbackLines = 0): string {
    if (!this.serializer) throw new Error('XtermSink.snapshot before prepareSnapshots');
    return this.serializer.serialize({ scrollback: scrollbackLines });
  }

  /** Picks the font size at which the recorded columns fill the available width. */
  fit(): void {
    const size = this.fontSizeFor(this.terminal.cols);
    if (size !== this.terminal.options.fontSize) this.terminal.options.fontSize = size;
  }

  dispose(): void {
    this.disposed = true;
    for (const observer of this.observers) observer.disconnect();
    this.terminal.dispose();
  }

  private fontSizeFor(cols: number): number {
    const width = (this.host.parentElement ?? this.host).clientWidth - 16;
    const charWidth = measuredCharWidthAt100();
    if (charWidth === undefined || width <= 0) return 14;
    const fitting = Math.floor((width / cols / charWidth) * 100 * 2) / 2;
    return Math.max(minFontSize, Math.min(maxFontSize, fitting));
  }

  private theme(): ITheme {
    const style = getComputedStyle(this.host);
    const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
    const theme: ITheme = {
      background: read('--terminal-bg', '#0d1117'),
      foreground: read('--terminal-fg', '#e6edf3'),
      cursor: read('--terminal-cursor', '#8ab4f8'),
      selectionBackground: read('--terminal-selection', '#264f78'),
    };
    const palette = theme as Record<string, string>;
    ansiNames.forEach((name, index) => {
      const bright = `bright${name[0]?.toUpperCase()}${name.slice(1)}`;
      const normal = read(`--terminal-ansi-${index}`, '');
      const light = read(`--terminal-ansi-${index + 8}`, '');
      if (normal) palette[name] = normal;
      if (light) palette[bright] = light;
    });
    return theme;
  }
}
