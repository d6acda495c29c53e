import { describe, expect, it } from 'vitest';
import { parseAsciicast } from '../asciicast/parse.ts';
import { endFrame } from './end-frame.ts';
import { buildOutputIndex } from './output-index.ts';
import { RawLinearCheck, terminalStateAt } from './raw-linear.ts';
import { seededRandom } from '../seeded-random.ts';
import { longLinear, projectRecordings } from '../../../tests/fixtures/casts/downloads.ts';

/** Every real recording in the project: the lab's and the test fixtures (hostile.cast included). */
const recordings = projectRecordings();

/** RawLinearCheck over `text` as UTF-8 arriving in pieces of `size` bytes, decoded as read-stream.ts does. */
function rawLinear(text: string, size = 4096): boolean {
  return checked(text, size).finish();
}

function checked(text: string, size = 4096): RawLinearCheck {
  const check = new RawLinearCheck();
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  for (let at = 0; at < bytes.length; at += size) {
    const piece = bytes.subarray(at, at + size);
    check.push(decoder.decode(piece, { stream: true }), piece);
  }
  return check;
}

/** The truth, from the full parse: whether all output is linear, and the last frame `LinearIndex` gives. */
function parsedEnd(text: string): { linear: boolean; frame: string } {
  const recording = parseAsciicast(text);
  const { linear, outputBefore } = buildOutputIndex(recording.events);
  const all = linear.eventCount === recording.events.length;
  return { linear: all, frame: all ? linear.frameAt(recording.events.length, recording.rows, recording.events, outputBefore) : '' };
}

/** The text cut after its `lines`-th line: a shorter recording ending elsewhere. */
const firstLines = (text: string, lines: number): string => text.split('\n').slice(0, lines).join('\n') + '\n';


/** What the mutations insert into output (as JSON text): linear and non-linear sequences alike. */
const insertions = [
  String.raw`\u001b[31m`, String.raw`\u001b[0m`, String.raw`\u001b[m`, String.raw`\u001b[1;32m`, String.raw`\u001b[0;33m`,
  String.raw`\u001b[K`, String.raw`\u001b[?25l`, String.raw`\u001b[?25h`, String.raw`\u001b[?2004h`, String.raw`\r\n`,
  String.raw`\u001b[2J`, String.raw`\u001b[H`, String.raw`\u001b[3A`, String.raw`\u001b[?1049h`, String.raw`\u001b]0;t\u0007`,
  String.raw`\n`, String.raw`\f`, String.raw`\u000b`, String.raw`\u009b`, String.raw`\\u001b[31m`, String.raw`\u001B[2J`,
  String.raw`\u0007`, String.raw`\b`, String.raw`\t`, String.raw`\r`, String.raw`\u00e9`, 'plain',
  String.raw`\t\n`, String.raw`\\\n`, String.raw`\u0041\n`,
  String.raw`\\`, String.raw`\\n`, String.raw`\\\u001b[2J`, String.raw`\\r`, String.raw`\r\n`,
];

describe('RawLinearCheck', () => {
  it('never calls a recording linear that the full parse finds non-linear, and agrees on the linear ones', () => {
    let linear = 0;
    for (const { path, text } of recordings) {
      const truth = parsedEnd(text);
      const raw = rawLinear(text);
      if (raw) expect(truth.linear, path).toBe(true);
      if (raw) linear++;
    }
    // Not vacuous: the listings and the lab's plain build logs are linear in both views.
    expect(linear).toBeGreaterThanOrEqual(8);
  });

  it('gives the same answer whatever the pieces the text arrives in', () => {
    for (const { path, text } of recordings) {
      const whole = rawLinear(text, text.length + 1);
      for (const size of [1, 7, 100, 65536]) expect(rawLinear(text, size), `${path} in pieces of ${size}`).toBe(whole);
    }
  });

  it.each([
    ['a clear screen', String.raw`\u001b[2J`],
    ['a cursor move', String.raw`\u001b[3A`],
    ['the alternate screen', String.raw`\u001b[?1049h`],
    ['an OSC title', String.raw`\u001b]0;t\u0007`],
    ['an upper-case escape', String.raw`\u001B[31m`],
    ['a bare line feed', String.raw`a\nb`],
    ['a form feed', String.raw`\f`],
    ['a vertical tab', String.raw`\u000b`],
    ['a C1 CSI, escaped', String.raw`\u009b2J`],
    ['a C1 CSI, raw', '\u009b2J'],
    ['a C1 CSI, raw, after other non-ASCII', 'é ° \u009b2J'],
    ['a raw DEL', 'a\u007fb'],
    ['a real escape after an escaped backslash', String.raw`\\\u001b[2J`],
    ['a bare line feed after an escaped backslash and r', String.raw`\\r\n`],
    ['a bare line feed after an escaped backslash', String.raw`\\\n`],
    ['a bare line feed after a tab', String.raw`\t\n`],
    ['a bare line feed after a quote', String.raw`\"\n`],
    ['a bare line feed after an escaped character', String.raw`\u0041\n`],
  ])('finds %s', (_, data) => {
    const text = `{"version": 2, "width": 80, "height": 24}\n[0.1, "o", "ok\\r\\n"]\n[0.2, "o", "${data}"]\n`;
    // In one piece, and in pieces of every size up to 7 bytes (a UTF-8 character split between two of them).
    for (const size of [text.length * 4, 1, 2, 3, 4, 5, 6, 7]) expect(rawLinear(text, size), `in pieces of ${size}`).toBe(false);
  });

  it('lets other non-ASCII text be, however it is split', () => {
    const text = `{"version": 2, "width": 80, "height": 24}\n[0.1, "o", "é ° ± ¿ ✓ 𝄞\\r\\n"]\n`;
    for (const size of [1, 2, 3, 5, 1000]) expect(rawLinear(text, size), `in pieces of ${size}`).toBe(true);
  });

  it.each([
    ['an escaped backslash before what looks like an escape', String.raw`\\u001b[2J \\n \\f`, true],
    ['a line ending split between two events', String.raw`a\r"]` + '\n' + String.raw`[0.3, "o", "\nb`, true],
    ['a line feed first without a carriage return before', String.raw`a"]` + '\n' + String.raw`[0.3, "o", "\nb`, false],
    ['a line feed first after input ending in a carriage return', String.raw`a"]` + '\n' + String.raw`[0.25, "i", "x\r"]` + '\n' + String.raw`[0.3, "o", "\nb`, false],
    ['a line feed first after an escaped backslash and r', String.raw`a\\r"]` + '\n' + String.raw`[0.3, "o", "\nb`, false],
  ])('tells %s', (_, data, linear) => {
    const text = `{"version": 2, "width": 80, "height": 24}\n[0.1, "o", "ok\\r\\n"]\n[0.2, "o", "${data}"]\n`;
    for (const size of [1, 5, 1000]) expect(rawLinear(text, size), `in pieces of ${size}`).toBe(linear);
    expect(parsedEnd(text).linear).toBe(linear);
  });

  it('finds resize events, and lets input and markers be', () => {
    expect(rawLinear('{"version": 3, "term": {"cols": 80, "rows": 24}}\n[0.1, "r", "90x30"]\n')).toBe(false);
    expect(rawLinear('{"version": 3, "term": {"cols": 80, "rows": 24}}\n[0.1, "i", "ls\\r"]\n')).toBe(true);
    expect(rawLinear('{"version": 3, "term": {"cols": 80, "rows": 24}}\n[0.1, "o", "\\u001b[1;31mred\\u001b[0m\\r\\n"]\n[0.1, "m", "x"]\n')).toBe(true);
  });

  it('never lets a mutated recording through that the full parse finds non-linear, and gives the same last frame (1,000 mutations)', () => {
    const random = seededRandom(20261128); // deterministic, so a failure can be replayed
    const bases = recordings.filter(({ text }) => rawLinear(text));
    let stillLinear = 0;
    for (let round = 0; round < 1000; round++) {
      const { path, text } = bases[Math.floor(random() * bases.length)] as (typeof bases)[number];
      const lines = text.split('\n');
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = 1 + Math.floor(random() * (lines.length - 2));
        const line = lines[at] as string;
        const data = /^\[[^,]*,\s*"o",\s*"/.exec(line);
        if (!data) continue;
        const insertion = insertions[Math.floor(random() * insertions.length)] as string;
        // At the start of the data, or at its end (where a line ending can be split between two events).
        const where = random() < 0.5 ? data[0].length : line.length - 2;
        lines[at] = line.slice(0, where) + insertion + line.slice(where);
      }
      const mutated = lines.join('\n');
      let truth;
      try {
        truth = parsedEnd(mutated);
      } catch {
        continue; // not valid asciicast any more: the full parse reports it
      }
      if (!rawLinear(mutated, 997)) continue;
      stillLinear++;
      expect(truth.linear, `${path}, mutation ${round}`).toBe(true);
      expect(endFrame(mutated), `${path}, mutation ${round}`).toBe(truth.frame);
      // Read from a short end, so the colours and cursor carried in from before it are what decide.
      expect(endFrame(mutated, { firstTail: 64 }), `${path}, mutation ${round}, short end`).toBe(truth.frame);
    }
    expect(stillLinear).toBeGreaterThan(100);
  });
});

describe('endFrame', () => {
  it('gives the full parse’s last frame from the end of the file, for every linear recording cut at many places', () => {
    let compared = 0;
    let withEscapes = 0;
    for (const { path, text } of recordings.filter(({ text }) => rawLinear(text))) {
      const lineCount = text.split('\n').length;
      for (let lines = 2; lines <= lineCount; lines += Math.max(1, Math.floor(lineCount / 40))) {
        const cut = firstLines(text, lines);
        const truth = parsedEnd(cut);
        expect(endFrame(cut), `${path} cut after ${lines} lines`).toBe(truth.frame);
        expect(endFrame(cut, { firstTail: 64 }), `${path} cut after ${lines} lines, short end`).toBe(truth.frame);
        // As fetch-recording.ts calls it: told by the check whether there are escapes to carry in at all.
        const check = checked(cut);
        expect(check.finish()).toBe(true);
        expect(endFrame(cut, { firstTail: 64, escapes: check.escapes }), `${path} cut after ${lines} lines, escapes known`).toBe(truth.frame);
        if (check.escapes) withEscapes++;
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(withEscapes).toBeGreaterThan(100); // the lab's coloured prompts
  });

  it('agrees with the full parse on a long recording (2 MB), where it reads only the end', () => {
    const long = longLinear();
    expect(long.length).toBeGreaterThan(2_000_000);
    // v3 times are intervals, so the repeated lines stay valid; the full parse agrees on the frame.
    const truth = parsedEnd(long);
    expect(truth.linear).toBe(true);
    expect(endFrame(long)).toBe(truth.frame);
  });

  it('carries the colours and the hidden cursor from before the end it reads', () => {
    const header = '{"version": 3, "term": {"cols": 20, "rows": 3}}\n';
    const filler = Array.from({ length: 3000 }, (_, index) => `[0.01, "o", "line ${index}\\r\\n"]\n`).join('');
    const text = `${header}[0.1, "o", "\\u001b[1;31m\\u001b[?25l"]\n[0.1, "m", "\\u001b[0m"]\n${filler}`;
    expect(text.length).toBeGreaterThan(64 * 1024);
    const frame = endFrame(text);
    expect(frame).toBe(parsedEnd(text).frame);
    expect(frame?.startsWith('\u001b[1;31m\u001b[?25l')).toBe(true);
    expect(terminalStateAt(text, text.length)).toEqual({ colours: '\u001b[1;31m', cursorHidden: true });
  });
});
