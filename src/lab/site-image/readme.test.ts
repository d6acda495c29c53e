import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { megabytes, readmeSizeSentence } from './readme.ts';
import { readSiteMeasurements } from './measure-site.ts';

describe('megabytes', () => {
  it('counts as docker images does (10^6 bytes), one decimal', () => {
    expect(megabytes(12_345_678)).toBe('12.3 MB');
    expect(megabytes(999_999)).toBe('1.0 MB');
  });
});

describe('the README\'s site image section', () => {
  it('states the committed measurements (run npm run lab -- site-image and copy the sentence it prints)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(readmeSizeSentence(readSiteMeasurements()));
  });
});
