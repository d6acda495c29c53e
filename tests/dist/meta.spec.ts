import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { distDirectory, htmlFiles, sitemapPaths } from '../support/site-pages.ts';

// Findability over the built site: every page has its own title and a description search engines show
// (50–160 characters: shorter says little, longer is cut off), and crawlers find the sitemap.

const decode = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

interface PageMeta {
  file: string;
  title: string | undefined;
  description: string | undefined;
}

function metaOf(file: string): PageMeta {
  const html = readFileSync(join(distDirectory, file), 'utf8');
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1];
  const description = /<meta\s+name=["']description["']\s+content="([^"]*)"/i.exec(html)?.[1];
  return { file, title: title === undefined ? undefined : decode(title).trim(), description: description === undefined ? undefined : decode(description).trim() };
}

const pages = (): PageMeta[] => htmlFiles().map(metaOf);

test('every page has a title, and no two pages share one', () => {
  const all = pages();
  expect(all.length).toBeGreaterThan(1);
  expect(all.filter((page) => !page.title).map((page) => page.file)).toEqual([]);
  const byTitle = new Map<string, string[]>();
  for (const page of all) byTitle.set(page.title ?? '', [...(byTitle.get(page.title ?? '') ?? []), page.file]);
  const shared = [...byTitle].filter(([, files]) => files.length > 1).map(([title, files]) => `"${title}": ${files.join(', ')}`);
  expect(shared).toEqual([]);
});

test('every page has a meta description of 50 to 160 characters', () => {
  const wrong = pages()
    .filter((page) => page.description === undefined || page.description.length < 50 || page.description.length > 160)
    .map((page) => `${page.file}: ${page.description === undefined ? 'none' : `${page.description.length} chars: "${page.description}"`}`);
  expect(wrong).toEqual([]);
});

test('robots.txt lets crawlers in and names the sitemap, which lists the pages', () => {
  const robots = readFileSync(join(distDirectory, 'robots.txt'), 'utf8');
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots).not.toMatch(/^Disallow: \/$/m);
  const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1] ?? '';
  expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap-index\.xml$/);
  expect(existsSync(join(distDirectory, new URL(sitemap).pathname))).toBe(true);
  expect(sitemapPaths()).toContain('/');
  expect(sitemapPaths()).not.toContain('/404/');
});
