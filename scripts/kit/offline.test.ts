import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalAssets, filesUnder } from './offline.ts';

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'offline-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('externalAssets', () => {
  it('accepts a site whose assets are all local, links to other sites included', () => {
    const root = site({
      'index.html': '<link rel="stylesheet" href="/_astro/a.css"><script src="/_astro/a.js"></script><a href="https://example.org/">a source</a>',
      '_astro/a.css': 'body { background: url(/img/x.png); }',
    });
    expect(externalAssets(root)).toEqual([]);
  });

  it('reports scripts, stylesheets, images and CSS urls from other hosts, naming the file', () => {
    const root = site({
      'index.html': '<script type="module" src="https://cdn.example/x.js"></script><link href="//fonts.example/f.css" rel="stylesheet">',
      'lesson/index.html': '<img alt="" src="http://img.example/a.png">',
      '_astro/b.css': '@font-face { src: url("https://fonts.example/f.woff2"); }',
    });
    expect(externalAssets(root).sort()).toEqual([
      '_astro/b.css: https://fonts.example/f.woff2',
      'index.html: //fonts.example/f.css',
      'index.html: https://cdn.example/x.js',
      'lesson/index.html: http://img.example/a.png',
    ]);
  });
});

describe('filesUnder', () => {
  it('lists nested files relative to the folder', () => {
    const root = site({ 'a.txt': 'a', 'b/c/d.txt': 'd' });
    expect(filesUnder(root).sort()).toEqual(['a.txt', 'b/c/d.txt']);
  });
});
