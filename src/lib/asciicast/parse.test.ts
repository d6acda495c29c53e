import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AsciicastParseError } from './model.ts';
import { parseAsciicast } from './parse.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../../tests/fixtures/casts/${name}`, import.meta.url), 'utf8');

function parseError(text: string): AsciicastParseError {
  try {
    parseAsciicast(text);
  } catch (error) {
    if (error instanceof AsciicastParseError) return error;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parseAsciicast, v3', () => {
  it('turns intervals into absolute milliseconds and skips comments', () => {
    const recording = parseAsciicast(
      ['{"version":3,"term":{"cols":80,"rows":24},"title":"t","idle_time_limit":2}', '# a comment', '[0.5,"o","a"]', '  # indented comment', '[0.25,"o","b"]', ''].join('\n'),
    );
    expect(recording.version).toBe(3);
    expect(recording.cols).toBe(80);
    expect(recording.rows).toBe(24);
    expect(recording.title).toBe('t');
    expect(recording.idleTimeLimitMs).toBe(2000);
    expect(recording.events).toEqual([
      [500, 'o', 'a'],
      [750, 'o', 'b'],
    ]);
    expect(recording.durationMs).toBe(750);
  });

  it('reads markers, resizes and exit codes from a real recording', () => {
    const recording = parseAsciicast(fixture('resize-and-clear.cast'));
    expect(recording.markers.map((marker) => marker.label)).toEqual([
      'seq 1 30 | paste - - - - - -',
      'tput cols; tput lines',
      'clear',
      'sleep 1.2; echo "after a pause"',
      'exit 3',
    ]);
    expect(recording.markers.map((marker) => marker.exitStatus)).toEqual(['0', '0', '0', '0', '3']);
    expect(recording.events.filter(([, code]) => code === 'r').map(([, , data]) => data)).toEqual(['90x14']);
    const times = recording.events.map(([time]) => time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(recording.events[recording.markers[2]!.eventIndex]).toEqual([recording.markers[2]!.timeMs, 'm', 'clear']);
  });

  it('keeps a failing command\'s exit status', () => {
    const recording = parseAsciicast(fixture('colours.cast'));
    expect(recording.markers.find((marker) => marker.label === 'ls /no/such/path')?.exitStatus).toBe('2');
  });

  it('skips event codes it does not know', () => {
    const recording = parseAsciicast('{"version":3,"term":{"cols":10,"rows":5}}\n[1,"z","?"]\n[1,"o","x"]');
    expect(recording.events).toEqual([[2000, 'o', 'x']]);
  });
});

describe('parseAsciicast, v2', () => {
  it('keeps absolute times and reads width/height', () => {
    const recording = parseAsciicast('{"version": 2, "width": 100, "height": 30}\n[0.1, "o", "a"]\n[0.1, "o", "b"]\n[1.5, "m", "here"]\n[2, "r", "90x20"]');
    expect(recording.version).toBe(2);
    expect([recording.cols, recording.rows]).toEqual([100, 30]);
    expect(recording.events.map(([time]) => time)).toEqual([100, 100, 1500, 2000]);
    expect(recording.markers).toEqual([{ eventIndex: 2, timeMs: 1500, label: 'here' }]);
  });
});

describe('parseAsciicast, malformed input names the line', () => {
  const v3 = '{"version":3,"term":{"cols":80,"rows":24}}';
  const cases: [string, string, number, RegExp][] = [
    ['empty file', '', 1, /empty/],
    ['only comments', '# nothing\n#', 1, /empty/],
    ['header not JSON', '{version:3', 1, /JSON/],
    ['header an array', '[1,2]', 1, /object/],
    ['version 1', '{"version":1,"width":80,"height":24,"stdout":[]}', 1, /version 1/],
    ['v3 without term', '{"version":3}', 1, /term/],
    ['zero cols', '{"version":3,"term":{"cols":0,"rows":24}}', 1, /cols/],
    ['huge rows', '{"version":2,"width":80,"height":100000}', 1, /rows/],
    ['fractional cols', '{"version":2,"width":80.5,"height":24}', 1, /cols/],
    ['event not JSON', `${v3}\n[0,"o","a"]\n[0,"o",`, 3, /JSON/],
    ['event an object', `${v3}\n{"t":0}`, 2, /array/],
    ['event too short', `${v3}\n# c\n[0,"o"]`, 3, /array/],
    ['time a string', `${v3}\n["1","o","a"]`, 2, /time/],
    ['time negative', `${v3}\n[-1,"o","a"]`, 2, /time/],
    ['time infinite', `${v3}\n[1e999,"o","a"]`, 2, /time/],
    ['time past a day', `${v3}\n[90000,"o","a"]`, 2, /limit/],
    ['code a number', `${v3}\n[0,1,"a"]`, 2, /code/],
    ['data a number', `${v3}\n[0,"o",5]`, 2, /data/],
    ['bad resize', `${v3}\n[0,"r","80 by 24"]`, 2, /COLSxROWS/],
    ['resize too big', `${v3}\n[0,"r","5000x24"]`, 2, /cols/],
    ['v2 time going backwards', '{"version":2,"width":80,"height":24}\n[2,"o","a"]\n[1,"o","b"]', 3, /backwards/],
  ];
  for (const [name, text, line, reason] of cases) {
    it(name, () => {
      const error = parseError(text);
      expect(error.line).toBe(line);
      expect(error.reason).toMatch(reason);
      expect(error.message).toContain(`line ${line}`);
    });
  }

  it('refuses a file over the size cap before splitting it', () => {
    const error = parseError(`${v3}\n${' '.repeat(65 * 1024 * 1024)}`);
    expect(error.line).toBe(0);
    expect(error.reason).toMatch(/larger than/);
  });
});
