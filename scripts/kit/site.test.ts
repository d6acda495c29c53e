import { describe, expect, it } from 'vitest';
import { parseCommandLine, readWorkshop } from './site.ts';

describe('parseCommandLine', () => {
  it('reads the workshop, flags and --out in any order', () => {
    expect(parseCommandLine(['half-day'], 'usage')).toEqual({ workshop: 'half-day', flags: new Set(), out: undefined });
    expect(parseCommandLine(['--out', 'x.pdf', 'full-day', '--build'], 'usage')).toEqual({ workshop: 'full-day', flags: new Set(['--build']), out: 'x.pdf' });
  });

  it('shows the usage without exactly one workshop, or with --help', () => {
    expect(() => parseCommandLine([], 'usage text')).toThrow('usage text');
    expect(() => parseCommandLine(['a', 'b'], 'usage text')).toThrow('usage text');
    expect(() => parseCommandLine(['a', '--help'], 'usage text')).toThrow('usage text');
  });
});

describe('readWorkshop', () => {
  it('reads and checks a shipped workshop', () => {
    expect(readWorkshop('half-day').agenda.some((item) => item.type === 'lesson')).toBe(true);
  });

  it('names a missing or malformed id', () => {
    expect(() => readWorkshop('no-such-workshop')).toThrow('content/workshops/no-such-workshop.yaml');
    expect(() => readWorkshop('../package')).toThrow(/not a workshop id/);
  });
});
