import { describe, expect, it } from 'vitest';
import { parseAsciicast } from '../lib/asciicast/parse.ts';
import { writeAsciicastV3 } from './asciicast-writer.ts';

describe('writeAsciicastV3', () => {
  const text = writeAsciicastV3({ cols: 100, rows: 28, timestamp: 1_700_000_000, title: 'demo', command: 'bash' }, [
    { timeMs: 10, code: 'o', data: '$ ' },
    { timeMs: 500, code: 'm', data: 'echo hi' },
    { timeMs: 500.5, code: 'i', data: 'echo hi\r' },
    { timeMs: 520, code: 'o', data: 'echo hi\r\nhi\r\n' },
    { timeMs: 530, code: 'x', data: '0' },
  ]);

  it('writes a v3 header and interval times', () => {
    const [header, first, second] = text.split('\n');
    expect(JSON.parse(header ?? '')).toEqual({
      version: 3,
      term: { cols: 100, rows: 28, type: 'xterm-256color' },
      timestamp: 1_700_000_000,
      title: 'demo',
      command: 'bash',
    });
    expect(JSON.parse(first ?? '')).toEqual([0.01, 'o', '$ ']);
    expect(JSON.parse(second ?? '')).toEqual([0.49, 'm', 'echo hi']);
  });

  it('round-trips through the site\'s parser with markers and exit status', () => {
    const recording = parseAsciicast(text);
    expect(recording.markers).toEqual([{ eventIndex: 1, timeMs: 500, label: 'echo hi', exitStatus: '0' }]);
    expect(recording.durationMs).toBeCloseTo(530, 6);
  });
});
