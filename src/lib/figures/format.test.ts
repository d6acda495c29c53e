import { describe, expect, it } from 'vitest';
import { formatBinarySize, formatDockerSize, formatExactBytes, formatMilliseconds, formatRatio, formatSeconds, formatValue, joinFormatted } from './format.ts';

describe('formatDockerSize (as docker images prints it)', () => {
  it('uses decimal units and three significant digits', () => {
    expect(formatDockerSize(803_123_456)).toEqual({ number: '803', unit: 'MB' });
    expect(formatDockerSize(9_171_234)).toEqual({ number: '9.17', unit: 'MB' });
    expect(formatDockerSize(22_300_000)).toEqual({ number: '22.3', unit: 'MB' });
    expect(formatDockerSize(1_974_000)).toEqual({ number: '1.97', unit: 'MB' });
  });
  it('drops trailing zeros like Go %g and switches units at 1000', () => {
    expect(formatDockerSize(2_000_000)).toEqual({ number: '2', unit: 'MB' });
    expect(formatDockerSize(999)).toEqual({ number: '999', unit: 'B' });
    expect(formatDockerSize(1000)).toEqual({ number: '1', unit: 'kB' });
    expect(formatDockerSize(1_230_000_000)).toEqual({ number: '1.23', unit: 'GB' });
  });
});

describe('other formats', () => {
  it('formats binary sizes', () => {
    expect(formatBinarySize(1_572_864)).toEqual({ number: '1.5', unit: 'MiB' });
    expect(formatBinarySize(803_123_456)).toEqual({ number: '766', unit: 'MiB' });
  });
  it('formats exact bytes', () => {
    expect(formatExactBytes(1_234_567)).toEqual({ number: '1,234,567', unit: 'bytes' });
  });
  it('formats seconds and milliseconds', () => {
    expect(formatSeconds(0.4312)).toEqual({ number: '0.43', unit: 's' });
    expect(formatSeconds(47.6)).toEqual({ number: '48', unit: 's' });
    expect(formatMilliseconds(0.4312)).toEqual({ number: '431', unit: 'ms' });
  });
  it('formats ratios', () => {
    expect(formatRatio(36.52)).toEqual({ number: '37', unit: '×' });
    expect(formatRatio(4.25)).toEqual({ number: '4.3', unit: '×' });
  });
  it('joins number and unit with a no-break space, none before ×', () => {
    expect(joinFormatted(formatValue(9_171_234, 'mb'))).toBe('9.17\u00a0MB');
    expect(joinFormatted(formatValue(12, 'ratio'))).toBe('12×');
    expect(joinFormatted(formatValue(12, 'count'))).toBe('12');
  });
});
