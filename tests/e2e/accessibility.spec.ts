import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from '../support/site-pages.ts';

// WCAG 2.2 A and AA over every page the sitemap lists, in both themes. Nothing is ignored: a rule may only be
// disabled here with a comment saying why it does not apply.
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page passes axe (WCAG 2.2 AA) in the ${colorScheme} theme`, async ({ page }) => {
    const paths = sitemapPaths();
    test.setTimeout(30_000 + paths.length * 10_000);
    await page.emulateMedia({ colorScheme });
    const failures: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(tags).analyze();
      for (const violation of results.violations) {
        failures.push(
          `${path}: ${violation.id} (${violation.impact ?? 'n/a'}) ${violation.help} — ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(' | ')}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
}
