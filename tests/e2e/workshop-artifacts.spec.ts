// The slow artefacts of the workshop kit: the handout PDF and the offline kit. Both run the real scripts
// against the built site (npm run build first), as an instructor would from a clean clone.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { checkLinks } from '../support/links.ts';
import { htmlFiles } from '../support/site-pages.ts';

const repoRoot = join(import.meta.dirname, '../..');
const node24 = join(repoRoot, 'node_modules/.bin/node');

/** The titles of a workshop's agenda lessons, read from the workshop file and the lessons' frontmatter. */
function agendaLessonTitles(workshop: string): string[] {
  const data = parse(readFileSync(join(repoRoot, 'content/workshops', `${workshop}.yaml`), 'utf8')) as { agenda: { type: string; lesson?: string }[] };
  return data.agenda.flatMap((item) => {
    if (item.type !== 'lesson' || !item.lesson) return [];
    const source = readFileSync(join(repoRoot, 'content/lessons', `${item.lesson}.mdx`), 'utf8');
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
    return [(parse(frontmatter) as { title: string }).title];
  });
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

test.describe('workshop artefacts', () => {
  test('the handout PDF has one section per agenda lesson, with extractable text', () => {
    test.slow();
    const folder = mkdtempSync(join(tmpdir(), 'handout-test-'));
    const pdf = join(folder, 'full-day.pdf');
    execFileSync(node24, ['scripts/handout.ts', 'full-day', '--out', pdf], { cwd: repoRoot, stdio: 'pipe' });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);

    // A section starts on its own page with "Lesson N: <title>"; find the pages that start one.
    const starts: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const text = collapse(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }));
      if (/^Lesson \d+: /.test(text)) starts.push(text);
    }
    const titles = agendaLessonTitles('full-day');
    expect(titles.length).toBeGreaterThan(0);
    expect(starts).toHaveLength(titles.length);
    titles.forEach((title, index) => expect(starts[index]?.startsWith(`Lesson ${index + 1}: ${collapse(title)}`)).toBe(true));
    const all = collapse(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(all.length).toBeGreaterThan(1000 * titles.length);
    expect(all).not.toContain('Instructor note');
  });

  test('the offline kit unpacks, serves from 127.0.0.1 and passes the link check with the network off', async ({ browser }) => {
    test.slow();
    const folder = mkdtempSync(join(tmpdir(), 'kit-test-'));
    const archive = join(folder, 'half-day.zip');
    execFileSync(node24, ['scripts/kit.ts', 'half-day', '--out', archive], { cwd: repoRoot, stdio: 'pipe' });
    const unpacked = join(folder, 'unpacked');
    for (const [path, data] of Object.entries(unzipSync(readFileSync(archive)))) {
      if (path.endsWith('/')) continue;
      mkdirSync(dirname(join(unpacked, path)), { recursive: true });
      writeFileSync(join(unpacked, path), data);
    }
    const kit = join(unpacked, 'lean-containers-half-day');
    const site = join(kit, 'site');
    for (const file of ['README.txt', 'setup-check.sh', 'prepare-images.sh', 'serve.mjs', 'exercises/go-hello-world/lab.yaml', 'site/workshops/half-day/index.html']) {
      expect(() => readFileSync(join(kit, file)), file).not.toThrow();
    }
    // The base images come from the exercises' Dockerfiles, as the lab reads them.
    expect(readFileSync(join(kit, 'base-images.txt'), 'utf8')).toContain('gcr.io/distroless/static-debian13:nonroot');

    const { broken, checked } = checkLinks(site, htmlFiles(site));
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);

    // Serve with the kit's own server and browse with every request to another host refused.
    const { startServer } = (await import(pathToFileURL(join(kit, 'serve.mjs')).href)) as typeof import('../../scripts/kit/serve.mjs');
    const { server, url } = await startServer(site, { port: 0 });
    const context = await browser.newContext();
    const outside: string[] = [];
    const failed: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(url)) return route.continue();
      outside.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    try {
      const page = await context.newPage();
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      for (const path of ['/', '/workshops/half-day/', '/workshops/half-day/present/', '/workshops/half-day/handout/', '/workshops/half-day/answers/']) {
        await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
        await expect(page.locator('main')).toBeVisible();
      }
      await page.goto(`${url}/workshops/half-day/present/`);
      await page.keyboard.press('ArrowRight');
      await expect(page.locator('.present-counter')).toHaveText(/^2 \//);
    } finally {
      await context.close();
      server.close();
    }
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);

    // The set-up check runs anywhere with a POSIX shell; every line is a verdict or the summary.
    const check = spawnSync('sh', [join(kit, 'setup-check.sh')], { encoding: 'utf8' });
    expect([0, 1]).toContain(check.status);
    const lines = check.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^(PASS|WARN|FAIL) {2}\w+/);
  });
});
