import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkLinks } from '../support/links.ts';

const root = mkdtempSync(join(tmpdir(), 'lean-links-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

it('finds missing pages, missing assets and missing fragments, and passes good links', () => {
  mkdirSync(join(root, 'course/intro'), { recursive: true });
  writeFileSync(join(root, 'course/intro/index.html'), '<h2 id="why">Why</h2><a href="../../#top">home</a>');
  writeFileSync(
    join(root, 'index.html'),
    [
      '<div id="top"></div>',
      '<a href="/course/intro/">ok</a>',
      '<a href="/course/intro/#why">ok fragment</a>',
      '<a href="/course/intro/#nope">bad fragment</a>',
      '<a href="/course/missing/">missing page</a>',
      '<img src="/logo.svg" alt="">',
      '<a href="https://example.com/">external</a>',
      '<a href="#top">same page</a>',
    ].join('\n'),
  );
  const result = checkLinks(root, ['index.html', 'course/intro/index.html']);
  expect(result.external).toBe(1);
  expect(result.broken.map((link) => `${link.page} → ${link.target}`)).toEqual([
    'index.html → /course/intro/#nope',
    'index.html → /course/missing/',
    'index.html → /logo.svg',
  ]);
});
