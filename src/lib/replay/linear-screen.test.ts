import headless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { projectRecordings } from '../../../tests/fixtures/casts/downloads.ts';
import { parseAsciicast } from '../asciicast/parse.ts';
import { seededRandom } from '../seeded-random.ts';
import { linearScreen } from './linear-screen.ts';
import { buildOutputIndex } from './output-index.ts';
import { looksHtml, screenHtml } from './screen-html.ts';

/** Every real recording in the project: the lab's and the test fixtures. */
const recordings = projectRecordings().map(({ path, text }) => ({ path, recording: parseAsciicast(text) }));

/** Every frame `LinearIndex.frameAt` gives in a recording's linear stretch, one per event, with the screen's size. */
function framesOf(recording: (typeof recordings)[number]['recording']): string[] {
  const { linear, outputBefore } = buildOutputIndex(recording.events);
  return Array.from({ length: linear.eventCount + 1 }, (_, count) => linear.frameAt(count, recording.rows, recording.events, outputBefore));
}

/** The screen xterm shows after `frame` on a fresh terminal, as screenHtml reads it: the truth. */
async function xtermScreen(frame: string, cols: number, rows: number): Promise<{ html: string; text: string }> {
  const terminal = new headless.Terminal({ cols, rows, scrollback: 0, allowProposedApi: true });
  await new Promise<void>((done) => terminal.write(frame, done));
  const screen = screenHtml(terminal.buffer.active, cols, rows);
  terminal.dispose();
  return screen;
}

function ourScreen(frame: string, cols: number, rows: number): { html: string; text: string } | undefined {
  const screen = linearScreen(frame, cols, rows);
  return screen && looksHtml(screen);
}

// Thousands of frames written to xterm: seconds of work, more on a busy machine.
describe('linearScreen', { timeout: 60_000 }, () => {
  it('draws every frame of every linear stretch in the project exactly as xterm does', async () => {
    let compared = 0;
    let coloured = 0;
    for (const { path, recording } of recordings) {
      for (const [index, frame] of framesOf(recording).entries()) {
        const ours = ourScreen(frame, recording.cols, recording.rows);
        if (!ours) continue;
        expect(ours, `${path}, frame after ${index} events`).toEqual(await xtermScreen(frame, recording.cols, recording.rows));
        compared++;
        if (ours.html.includes('<span')) coloured++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(coloured).toBeGreaterThan(200);
  });

  it('draws thousands of mutated frames as xterm does, or declines them', async () => {
    // Real frames with pieces of terminal output put in at random: colours and styles (as recorded, and the
    // forms xterm reads specially), erasing, tabs, backspaces, bare line feeds, long lines that wrap, and
    // characters it must decline (wide, combining, other controls).
    const pieces = [
      '\u001b[0m', '\u001b[m', '\u001b[1;32m', '\u001b[01;34m', '\u001b[7m', '\u001b[27m', '\u001b[2;3;4;9m', '\u001b[22;23;24;29m',
      '\u001b[8m', '\u001b[28m', '\u001b[21m', '\u001b[5;53m', '\u001b[38;5;208m', '\u001b[48;5;3m', '\u001b[38;2;255;128;0m',
      '\u001b[48;2;0;0;300m', '\u001b[38;5m', '\u001b[38:2::1:2:3m', '\u001b[39;49m', '\u001b[41m', '\u001b[103m', '\u001b[96m',
      '\u001b[K', '\u001b[0K', '\u001b[1K', '\u001b[2K', '\u001b[5K', '\u001b[?25l', '\u001b[?25h', '\u001b[?2004h', '\u001b[?7l',
      '\u001b=', '\u001b>', '\u001b[4h', '\u001b[2J', '\u001b[A', '\t', '\t\t\t', '\b', '\b\b\b', '\u0007', '\n', '\r', '\r\n',
      'x'.repeat(150), '─┼│', 'é', 'ü\u00a0', '\u00ad', '日本', 'e\u0301', '✓ ✗ ❯', '… • — “”', '→ ⇒ ≤ ∞', '€ ™ ①',
      '★ ☀ ⚠ ■ ▶', '\u2329', '\u200b', '\u2060', '\ufe0f', '😀', '\u0000', '\u001b', 'ab',
    ];
    const random = seededRandom(20261128);
    let compared = 0;
    let declined = 0;
    const sources = recordings.flatMap(({ recording }) => framesOf(recording).filter((_, index) => index % 7 === 0).map((frame) => ({ frame, recording })));
    for (let round = 0; round < 3000; round++) {
      const { frame, recording } = sources[Math.floor(random() * sources.length)] as (typeof sources)[number];
      let mutated = frame;
      for (let count = 1 + Math.floor(random() * 4); count > 0; count--) {
        const at = Math.floor(random() * (mutated.length + 1));
        mutated = mutated.slice(0, at) + (pieces[Math.floor(random() * pieces.length)] as string) + mutated.slice(at);
      }
      // Odd sizes too: narrow screens wrap more, short ones scroll more.
      const cols = random() < 0.3 ? 7 + Math.floor(random() * 30) : recording.cols;
      const rows = random() < 0.3 ? 2 + Math.floor(random() * 5) : recording.rows;
      const ours = ourScreen(mutated, cols, rows);
      if (!ours) {
        declined++;
        continue;
      }
      expect(ours, `round ${round}: ${JSON.stringify(mutated)} at ${cols}×${rows}`).toEqual(await xtermScreen(mutated, cols, rows));
      compared++;
    }
    expect(compared).toBeGreaterThan(800);
    expect(declined).toBeGreaterThan(300);
  });

  it('draws the edges of a line, of the screen and of each style as xterm does', async () => {
    // Every pair of steps below, after a line that fills the screen's width, on two sizes: where the cursor
    // sits past the last column, and where a row scrolls in with the background colour.
    const steps = [
      'z', '\n', '\r', '\b', '\t', '\u0007', '\u001b[K', '\u001b[1K', '\u001b[2K', '\u001b[44m', '\u001b[2m', '\u001b[22m',
      '\u001b[1m', '\u001b[7m', '\u001b[0m', '\u001b[38;5;9m', '\u001b[48;2;1;2;3m', '\u001b[39m', '\u001b[49m', '\r\n',
    ];
    let compared = 0;
    for (const [cols, rows] of [[10, 3], [13, 2]] as const) {
      for (const first of steps) {
        for (const second of steps) {
          const frame = `ab\u001b[31mc\r\n${'w'.repeat(cols)}${first}${second}q\n${'v'.repeat(cols + 3)}${second}${first}`;
          const ours = ourScreen(frame, cols, rows);
          expect(ours, JSON.stringify(frame)).toBeDefined();
          expect(ours, `${JSON.stringify(frame)} at ${cols}×${rows}`).toEqual(await xtermScreen(frame, cols, rows));
          compared++;
        }
      }
    }
    expect(compared).toBe(2 * steps.length ** 2);
  });
});
