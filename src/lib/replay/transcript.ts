import type { Recording } from '../asciicast/model.ts';
import { OutputSanitizer } from '../asciicast/sanitize.ts';

/** The part of a terminal the transcript needs; both `@xterm/headless` and `@xterm/xterm` provide it. */
export interface TextTerminal {
  write(data: string, done?: () => void): void;
  readonly buffer: { readonly active: { readonly baseY: number; readonly cursorY: number; getLine(row: number): { translateToString(trimRight?: boolean): string } | undefined } };
  dispose(): void;
}

export type TextTerminalFactory = (cols: number, rows: number, scrollback: number) => TextTerminal;

/** `clear` and friends: home the cursor and erase the screen (and scrollback). A transcript keeps going. */
const clearScreen = /(?:\u001b\[H)?\u001b\[[23]J(?:\u001b\[3J)?/g;

/**
 * The recording's output as plain text, for screen readers, copying and search. Each command's output (from
 * one marker to the next) is played into a fresh terminal with room for all of it, so progress bars and
 * redrawn lines read as their final state, and a `clear` does not erase earlier commands.
 */
export async function transcriptOf(recording: Recording, createTerminal: TextTerminalFactory): Promise<string> {
  const segments: string[] = [];
  const sanitizer = new OutputSanitizer();
  let segment = '';
  for (const [, code, data] of recording.events) {
    if (code === 'm' && segment !== '') {
      segments.push(segment);
      segment = '';
    }
    if (code === 'o') segment += sanitizer.write(data).replace(clearScreen, '\r\n');
  }
  segments.push(segment);
  const texts: string[] = [];
  for (const segment of segments) {
    if (segment === '') continue;
    const lineBreaks = segment.split('\n').length;
    const terminal = createTerminal(recording.cols, recording.rows, lineBreaks + recording.rows);
    await new Promise<void>((resolve) => terminal.write(segment, resolve));
    const buffer = terminal.buffer.active;
    // Read up to the cursor's line: it is still open (the next prompt), and the next segment continues it
    // with the command being typed, so segments join without a line break.
    const lines: string[] = [];
    const cursorRow = buffer.baseY + buffer.cursorY;
    for (let row = 0; row <= cursorRow; row++) lines.push(buffer.getLine(row)?.translateToString(true) ?? '');
    terminal.dispose();
    texts.push(lines.join('\n'));
  }
  return texts.join('').trimEnd();
}
