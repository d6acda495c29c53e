import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

// A real `astro sync` over a copy of the project with one broken lesson: the error a content author sees
// must name the file and the field.
const root = join(import.meta.dirname, '../..');
const copy = mkdtempSync(join(tmpdir(), 'lean-invalid-'));
afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

it('fails content sync naming the file and the field of bad frontmatter', () => {
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'public', 'exercises']) {
    cpSync(join(root, name), join(copy, name), { recursive: true, force: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  writeFileSync(
    join(copy, 'content/lessons/01-why-it-matters/02-broken.mdx'),
    [
      '---',
      'title: A lesson with a wrong field',
      'summary: This lesson exists only to check the error message an author sees.',
      'objectives: [Read the error]',
      'minutes: twelve',
      'topics: [cost]',
      'order: 2',
      '---',
      '',
      'Text.',
    ].join('\n'),
  );
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], { cwd: copy, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  expect(result.status).not.toBe(0);
  expect(output).toMatch(/02-broken/);
  expect(output).toMatch(/minutes/);
}, 120_000);
