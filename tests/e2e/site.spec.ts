import { expect, test } from '@playwright/test';
import { sitemapPaths } from '../support/site-pages.ts';

test.describe('course frame', () => {
  test('the landing page leads into the first lesson', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('container images');
    await page.getByRole('link', { name: 'Start the course' }).click();
    await expect(page).toHaveURL(/\/course\/why-it-matters\/introduction\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Why image size and contents matter');
  });

  test('the sidebar navigates and marks the current page', async ({ page }) => {
    await page.goto('/course/');
    const sidebar = page.getByRole('navigation', { name: 'Course contents' });
    await sidebar.getByText('Why it matters').click();
    await sidebar.getByRole('link', { name: /Why image size and contents matter/ }).click();
    await expect(page).toHaveURL(/\/course\/why-it-matters\/introduction\/$/);
    const current = page.getByRole('navigation', { name: 'Course contents' }).locator('[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toContainText('Why image size and contents matter');
  });

  test('the sidebar keeps the groups a learner opened while navigating', async ({ page }) => {
    await page.goto('/course/why-it-matters/');
    // A learner's clicks come after the page's scripts have run; a test's may come sooner.
    await page.waitForFunction(() => customElements.get('course-sidebar') !== undefined);
    const groups = page.locator('course-sidebar details[data-chapter-id]');
    const count = await groups.count();
    // Open every chapter group, move to another page, and expect them all still open.
    for (let index = 0; index < count; index++) {
      const group = groups.nth(index);
      if (!(await group.evaluate((element) => (element as HTMLDetailsElement).open))) {
        await group.locator('summary').click();
      }
    }
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Course', exact: true }).click();
    await expect(page).toHaveURL(/\/course\/$/);
    const openStates = await page
      .locator('course-sidebar details[data-chapter-id]')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLDetailsElement).open));
    expect(openStates).toEqual(Array.from({ length: count }, () => true));
  });

  test('previous and next links follow the course order', async ({ page }) => {
    await page.goto('/course/why-it-matters/introduction/');
    const pager = page.getByRole('navigation', { name: 'Previous and next lessons' });
    const next = pager.getByRole('link', { name: /Next/ });
    if ((await next.count()) === 0) {
      // A one-lesson course has no neighbours: there must then be no previous link either.
      await expect(pager.getByRole('link')).toHaveCount(0);
      return;
    }
    const nextHref = await next.getAttribute('href');
    await next.click();
    await expect(page).toHaveURL(new RegExp(`${nextHref ?? ''}$`));
    await page.getByRole('navigation', { name: 'Previous and next lessons' }).getByRole('link', { name: /Previous/ }).click();
    await expect(page).toHaveURL(/\/course\/why-it-matters\/introduction\/$/);
  });

  test('the theme toggle persists across reloads and does not flash', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/course/why-it-matters/introduction/');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // The theme must already be right in the first parsed DOM, before any module script runs.
    const themeAtFirstParse = page.waitForEvent('domcontentloaded').then(() =>
      page.evaluate(() => document.documentElement.dataset['theme']),
    );
    await page.reload();
    expect(await themeAtFirstParse).toBe('dark');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(15, 20, 25)');
  });

  test('the theme follows the system when nothing is saved', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/course/why-it-matters/introduction/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('code blocks get a working copy button', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/course/why-it-matters/introduction/');
    await page.getByRole('button', { name: 'Copy code to clipboard' }).first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('fmt.Println("Hello, World!")');
  });

  test('a phone-width page does not scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const path of ['/', '/course/', '/course/why-it-matters/introduction/']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test('no page logs a console error or fails to load a resource', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  const paths = sitemapPaths();
  // One visit per page: the time allowed grows with the course.
  test.setTimeout(30_000 + paths.length * 5_000);
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.url()}: HTTP ${response.status()}`);
  });
  for (const path of paths) {
    await page.goto(path, { waitUntil: 'load' });
  }
  expect(problems).toEqual([]);
});
