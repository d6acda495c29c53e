import { expect, test } from '@playwright/test';
import { checkLinks } from '../support/links.ts';
import { distDirectory, htmlFiles, sitemapPaths } from '../support/site-pages.ts';

test('every internal link, asset and fragment in the built site resolves', () => {
  const pages = htmlFiles();
  const { broken, checked } = checkLinks(distDirectory, pages);
  expect(checked, 'the check should have looked at links').toBeGreaterThan(pages.length);
  expect(broken).toEqual([]);
});

test('the sitemap lists every page except the 404 page', () => {
  const fromFiles = htmlFiles()
    .filter((file) => file !== '404.html')
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort();
  expect(sitemapPaths()).toEqual(fromFiles);
});
