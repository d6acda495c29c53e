// Both packages are CommonJS bundles: Node's ESM loader only sees their default export, so take it apart.
import headless from '@xterm/headless';
import serialize from '@xterm/addon-serialize';
import type { Terminal } from '@xterm/headless';
import type { TerminalSink } from './player.ts';
import { fullReset } from './player.ts';

/** A sink over @xterm/headless: used at build time (posters, transcripts) and by the driver's tests. */
export class HeadlessSink implements TerminalSink {
  readonly terminal: Terminal;
  private readonly serializer = new serialize.SerializeAddon();

  readonly scrollback: number;

  constructor(cols: number, rows: number, scrollback = 1000) {
    this.scrollback = scrollback;
    this.terminal = new headless.Terminal({ cols, rows, scrollback, allowProposedApi: true });
    this.terminal.loadAddon(this.serializer);
  }

  write(data: string, done?: () => void): void {
    this.terminal.write(data, done);
  }

  resize(cols: number, rows: number): void {
    this.terminal.resize(cols, rows);
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

  snapshot(scrollbackLines = 0): string {
    return this.serializer.serialize({ scrollback: scrollbackLines });
  }

  /**
   * The screen as escape sequences, colours included but not the input modes (bracketed paste, cursor keys…),
   * which change nothing a viewer sees and which a rebuilt moment leaves off (see linear.ts).
   */
  screenSnapshot(): string {
    return this.serializer.serialize({ scrollback: 0, excludeModes: true });
  }

  /** Whether the cursor is hidden (CSI ? 25 l); xterm keeps this out of its public API and the snapshot. */
  get cursorHidden(): boolean {
    return (this.terminal as unknown as { _core: { coreService: { isCursorHidden: boolean } } })._core.coreService.isCursorHidden;
  }

  /** The visible screen as plain text, one string per row, trailing spaces trimmed. */
  screenText(): string[] {
    const buffer = this.terminal.buffer.active;
    return Array.from({ length: this.terminal.rows }, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
  }

  /** Every line in the buffer, scrollback included, as plain text, trailing spaces trimmed. */
  bufferText(): string[] {
    const buffer = this.terminal.buffer.active;
    return Array.from({ length: buffer.length }, (_, row) => buffer.getLine(row)?.translateToString(true) ?? '');
  }

  dispose(): void {
    this.terminal.dispose();
  }
}
