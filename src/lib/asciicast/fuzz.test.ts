import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AsciicastParseError } from './model.ts';
import { parseAsciicast } from './parse.ts';
import { OutputSanitizer } from './sanitize.ts';
import { seededRandom } from '../seeded-random.ts';

// Mutates the real fixture recordings 1,200 times; parsing (and sanitising what parses) must either succeed
// or throw AsciicastParseError — never a TypeError, RangeError or anything else.

const fixtures = ['colours.cast', 'hostile.cast', 'resize-and-clear.cast'].map((name) =>
  readFileSync(new URL(`../../../tests/fixtures/casts/${name}`, import.meta.url), 'utf8'),
);

/** A small deterministic generator, so a failure is reproducible from its seed. */
const random = seededRandom;

const nasty = ['', '"', ',', '[', ']', '{', '}', 'null', '-1', '1e999', 'NaN', '\\u0000', '\u001b', '\u009d', '99999x1', '"r"', '"x"', '"m"', '\n', '#', '{"version":2}', '\ud800'];

function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const pick = (): number => Math.floor(next() * lines.length);
  const operations = 1 + Math.floor(next() * 4);
  for (let step = 0; step < operations; step++) {
    const line = pick();
    const current = lines[line] ?? '';
    const at = Math.floor(next() * (current.length + 1));
    const token = nasty[Math.floor(next() * nasty.length)] ?? '';
    switch (Math.floor(next() * 6)) {
      case 0: lines[line] = current.slice(0, at) + token + current.slice(at); break; // insert
      case 1: lines[line] = current.slice(0, at) + current.slice(at + 1 + Math.floor(next() * 8)); break; // delete
      case 2: lines.splice(line, 1); break; // drop a line
      case 3: lines.splice(line, 0, lines[pick()] ?? ''); break; // duplicate a line elsewhere
      case 4: lines[line] = current.replace(/\d+(\.\d+)?/, () => token || '0'); break; // break a number
      default: lines[line] = current.slice(0, at); // truncate
    }
  }
  return lines.join('\n');
}

describe('fuzzing the parser with mutated real recordings', () => {
  it('throws nothing but AsciicastParseError over 1,200 mutations', () => {
    let parsed = 0;
    let rejected = 0;
    for (let seed = 1; seed <= 1200; seed++) {
      const next = random(seed);
      const source = fixtures[seed % fixtures.length] ?? '';
      const text = mutate(source, next);
      try {
        const recording = parseAsciicast(text);
        const sanitizer = new OutputSanitizer();
        for (const [, code, data] of recording.events) if (code === 'o') sanitizer.write(data);
        parsed++;
      } catch (error) {
        if (!(error instanceof AsciicastParseError)) {
          throw new Error(`seed ${seed} threw ${String(error)}`, { cause: error });
        }
        expect(error.line).toBeGreaterThanOrEqual(0);
        rejected++;
      }
    }
    expect(parsed + rejected).toBe(1200);
    // Both outcomes must actually happen, or the mutations are not exercising the parser.
    expect(parsed).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(50);
  });
});
