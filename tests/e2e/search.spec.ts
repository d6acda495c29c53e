import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { distDirectory, htmlFiles } from '../support/site-pages.ts';
import { isSearchable } from '../../src/integrations/searchable-pages.ts';

// Site search against the built site and its real Pagefind index.

/** Built pages whose indexed text (their <main>, without navigation) contains a word: what a search must find. */
function pagesMentioning(word: string): string[] {
  return htmlFiles()
    .filter(isSearchable)
    .filter((file) => {
      const html = readFileSync(join(distDirectory, file), 'utf8');
      const main = /<main\b[\s\S]*<\/main>/i.exec(html)?.[0] ?? '';
      const text = main.replace(/<(nav|script|style|svg)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
      return new RegExp(`\\b${word}\\b`, 'i').test(text);
    })
    .map((file) => `/${file.replace(/index\.html$/, '')}`);
}

const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'Search the course' });
const results = (page: Page) => page.getByRole('list', { name: 'Search results' });

test('Pagefind is fetched only when search is opened', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto('/course/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(searchbox(page)).toBeFocused();
  await expect.poll(() => requests.some((path) => path === '/pagefind/pagefind.js')).toBe(true);
});

test('"/" opens search, Escape closes it and gives focus back', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog).toBeVisible();
  await expect(searchbox(page)).toBeFocused();
  // "/" typed in the field is text, not a shortcut.
  await page.keyboard.type('a/b');
  await expect(searchbox(page)).toHaveValue('a/b');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Search' })).toBeFocused();
});

test('"nonroot" finds every lesson and self-check that talks about it', async ({ page }) => {
  const expected = pagesMentioning('nonroot');
  expect(expected.length, 'some built page should mention nonroot').toBeGreaterThan(0);
  await page.goto('/');
  await page.keyboard.press('/');
  await searchbox(page).fill('nonroot');
  await expect(page.getByRole('status')).toContainText(/^\d+ results? for “nonroot”/);
  const links = results(page).getByRole('link');
  await expect(links.first()).toBeVisible();
  // The dialog shows the best ten, with the match marked.
  await expect(results(page).locator('mark').first()).toHaveText(/nonroot/i);
  const shown = await links.evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
  expect(shown.length).toBeLessThanOrEqual(10);
  for (const path of shown) expect(expected, `${path} was found but does not mention nonroot`).toContain(path);
  // The whole result set, from the same index through Pagefind's API, holds every page that mentions it.
  const all = await page.evaluate(async () => {
    const pagefindUrl = '/pagefind/pagefind.js';
    const pagefind = (await import(pagefindUrl)) as { search(query: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }> };
    const found = await pagefind.search('nonroot');
    return Promise.all(found.results.map(async (result) => (await result.data()).url));
  });
  for (const path of expected) expect(all, 'every page that mentions nonroot').toContain(path);
  await expect(page.getByRole('status')).toHaveText(`${all.length} ${all.length === 1 ? 'result' : 'results'} for “nonroot”.`);
});

test('Enter jumps to the first result, which leads to its page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  await searchbox(page).fill('distroless');
  const first = results(page).getByRole('link').first();
  await expect(first).toBeVisible();
  const href = await first.getAttribute('href');
  await searchbox(page).press('Enter');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href ?? ''}$`));
});

// Pagefind also matches parts of words, so the query must share no part with any word on the site.
test('a query with no match says so', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await searchbox(page).fill('qwxzqwxzqwxzqwxz');
  await expect(page.getByRole('status')).toHaveText('No results for “qwxzqwxzqwxzqwxz”.');
  await expect(results(page).getByRole('listitem')).toHaveCount(0);
});
