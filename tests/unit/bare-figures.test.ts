/**
 * The bare-figure check: every size or time figure in a lesson must come from the lab's measurements
 * (<Measure>) or name its source (<Cite>). Code is exempt. A failure names the file, line and figure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBareFigures } from '../../src/lib/figures/bare-figures.ts';

const root = process.cwd();
const fixtures = join(root, 'tests', 'fixtures', 'bare-figures');
const lessonsDir = join(root, 'content', 'lessons');

describe('the checker itself', () => {
  it('finds every bare figure in the bad fixture, with its line', () => {
    const found = findBareFigures(readFileSync(join(fixtures, 'bad.mdx'), 'utf8'));
    expect(found.map(({ line, text }) => `${line}:${text}`)).toEqual([
      '3:803 MB',
      '8:803 MB',
      '9:2.3 s',
      '9:12 ms',
      '10:9.17MB',
      '11:1,234,567 bytes',
      '11:1.5 MiB',
      '11:22.3 megabytes',
      '11:4 seconds',
      '12:5 MB',
      '13:7 GB',
    ]);
  });

  it('reports columns that point at the figure', () => {
    const [first] = findBareFigures('Size: 803 MB');
    expect(first).toEqual({ line: 1, column: 7, text: '803 MB' });
  });

  it('accepts measured, cited, code and non-figure numbers', () => {
    expect(findBareFigures(readFileSync(join(fixtures, 'good.mdx'), 'utf8'))).toEqual([]);
  });

  it('does not let an unclosed fence or Cite hide the rest of the file', () => {
    expect(findBareFigures('<Cite source="x">cited\n\nThen 5 MB.')).toHaveLength(1);
  });
});

describe('every lesson', () => {
  const files = readdirSync(lessonsDir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.mdx'))
    .sort();

  it('has lessons to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s has no bare size or time figure', (file) => {
    const path = join(lessonsDir, file);
    const found = findBareFigures(readFileSync(path, 'utf8'));
    const report = found.map(({ line, column, text }) => `${relative(root, path)}:${line}:${column}: "${text}" — use <Measure> or <Cite>`);
    expect(report).toEqual([]);
  });
});
