import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEventLine } from './event-line.ts';

const fixtureLines = ['colours.cast', 'hostile.cast', 'listing.cast', 'listing-v2.cast', 'resize-and-clear.cast'].flatMap((name) =>
  readFileSync(new URL(`../../../tests/fixtures/casts/${name}`, import.meta.url), 'utf8').split('\n').slice(1),
);

/** What the general parser makes of a line: `[time, code, data]` when it is a well-formed event. */
function general(line: string): [number, string, string] | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [time, code, data] = value as unknown[];
    return typeof time === 'number' && typeof code === 'string' && typeof data === 'string' ? [time, code, data] : undefined;
  } catch {
    return undefined;
  }
}

describe('readEventLine', () => {
  it('reads every event line of the real fixtures exactly as JSON.parse does', () => {
    const events = fixtureLines.filter((line) => line.startsWith('['));
    expect(events.length).toBeGreaterThan(200);
    for (const line of events) expect(readEventLine(line)).toEqual(general(line));
  });

  it('takes the usual shapes: spacing, escapes, exponents, other codes', () => {
    expect(readEventLine('[0.5, "o", "a\\r\\n\\u001b[1mb"]')).toEqual([0.5, 'o', 'a\r\n\u001b[1mb']);
    expect(readEventLine('[1e-3,"m","ls -l"]')).toEqual([0.001, 'm', 'ls -l']);
    expect(readEventLine('[ 2 , "x" , "0"]')).toEqual([2, 'x', '0']);
    expect(readEventLine('[0,"o",""]')).toEqual([0, 'o', '']);
    expect(readEventLine('[0,"o","\\"]"]')).toEqual([0, 'o', '"]']);
  });

  it('leaves anything unusual to the general parser', () => {
    const unusual = [
      '[0,"o","a"] ', // trailing space
      '[0,"o","a"]\r', // CRLF file
      '[-1,"o","a"]', // negative: an error the general parser names
      '[01,"o","a"]', // not JSON
      '[1.,"o","a"]',
      '[0x1,"o","a"]',
      '[1\u00a0,"o","a"]', // a space JSON does not allow
      '[0,"out","a"]', // longer code
      '[0,"","a"]',
      '[0,"\\u006f","a"]', // escaped code
      '[0,"o","a","b"]', // extra element
      '[0,"o","a", "b"]',
      '[0,"o",5,"a"]',
      '[0,"o","a\u0001"]', // raw control character
      '[0,"o","\\x"]', // bad escape
      '[0,"o","]',
      '[0,"o"]',
      '["1","o","a"]',
      '{"t":0}',
    ];
    for (const line of unusual) expect(readEventLine(line), line).toBeUndefined();
  });

  it('agrees with JSON.parse on mutated lines: the same event or none', () => {
    const tokens = ['"', ',', '[', ']', ' ', '\\', '\\u', '-', 'e', '.', '0', '\u0001', '\u00a0', 'o'];
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const events = fixtureLines.filter((line) => line.startsWith('[')).slice(0, 200);
    let accepted = 0;
    for (let round = 0; round < 3000; round++) {
      const line = events[Math.floor(next() * events.length)] ?? '';
      const at = Math.floor(next() * Math.min(line.length, 24)) + (next() < 0.5 ? 0 : Math.max(0, line.length - 24));
      const token = tokens[Math.floor(next() * tokens.length)] ?? '';
      const mutated = next() < 0.5 ? line.slice(0, at) + token + line.slice(at) : line.slice(0, at) + line.slice(at + 1);
      const fast = readEventLine(mutated);
      if (fast === undefined) continue;
      accepted++;
      expect(fast, mutated).toEqual(general(mutated));
    }
    expect(accepted).toBeGreaterThan(500); // the mutations left many lines readable, so the comparison means something
  });
});
