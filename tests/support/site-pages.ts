import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The built site, as `npm run build` leaves it. */
export const distDirectory = join(import.meta.dirname, '../../dist');

/**
 * Every page the sitemap lists, as a path (`/course/…/`). Tests that must cover "every page" read this, so
 * a new page is covered without touching the tests.
 */
export function sitemapPaths(): string[] {
  const files = readdirSync(distDirectory).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  if (files.length === 0) throw new Error('No sitemap in dist/: run `npm run build` first.');
  const paths = files.flatMap((file) =>
    [...readFileSync(join(distDirectory, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1] ?? '/').pathname,
    ),
  );
  return [...new Set(paths)].sort();
}

/** Every HTML file in dist/, relative to it. */
export function htmlFiles(directory = distDirectory, prefix = ''): string[] {
  return readdirSync(join(directory, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return htmlFiles(directory, relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}
