import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { sitemapPaths } from '../support/site-pages.ts';

// The Content-Security-Policy over every page in the sitemap: each page carries a policy with no
// 'unsafe-inline' for scripts, and nothing on it (inline scripts, the replay's xterm, search) is blocked.
// A violation shows up as a `securitypolicyviolation` event and as a console message; both are collected.

const violationPrefix = 'Content Security Policy violation:';

/** Starts recording policy violations; returns the list it fills. */
async function recordViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/content security policy|refused to (execute|load|apply|compile|evaluate|connect|frame)/i.test(text)) {
      problems.push(`${page.url()}: ${text}`);
    }
  });
  // Playwright's init scripts are not subject to the page's policy, so this listener is always installed.
  await page.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
    });
  }, violationPrefix);
  return problems;
}

/** The meta policy of the current page, checked for the rules the site promises. */
async function expectStrictPolicy(page: Page): Promise<void> {
  const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(policy, `${page.url()} has no Content-Security-Policy`).toBeTruthy();
  const scriptSrc = (policy ?? '').split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));
  expect(scriptSrc, `${page.url()}: script-src`).toBeDefined();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
}

/**
 * Wakes every visible terminal replay on the page (they load xterm when scrolled into view) and plays each
 * briefly. Hidden ones (e.g. /replay/'s player for a file the learner opens) have nothing to show yet.
 */
async function exerciseReplays(page: Page): Promise<number> {
  const players = page.locator('terminal-replay:visible');
  const count = await players.count();
  for (let index = 0; index < count; index++) {
    const player = players.nth(index);
    await player.scrollIntoViewIfNeeded();
    await expect(player).toHaveAttribute('data-upgraded', 'true');
    await expect(player.locator('.xterm-rows')).not.toBeEmpty();
    const play = player.getByRole('button', { name: 'Play' });
    if (await play.isVisible()) {
      await play.click();
      await page.waitForTimeout(300);
    }
  }
  return count;
}

// One test per page in the sitemap, so pages run in parallel and a slow page (the 23-terminal handout) has
// its own time rather than eating the whole crawl's. Read when the spec loads, like the replay axe tests.
const { paths, error } = (() => {
  try {
    return { paths: sitemapPaths(), error: undefined };
  } catch (caught) {
    return { paths: [], error: caught instanceof Error ? caught.message : String(caught) };
  }
})();

test('the sitemap lists pages to check', () => {
  expect(error).toBeUndefined();
  expect(paths.length).toBeGreaterThan(0);
});

for (const path of paths) {
  test(`${path} keeps to its Content-Security-Policy`, async ({ page }) => {
    const problems = await recordViolations(page);
    await page.goto(path);
    // Every terminal on the page is woken and played: allow time per terminal (the full-day handout has 23).
    test.setTimeout(60_000 + (await page.locator('terminal-replay').count()) * 15_000);
    await expectStrictPolicy(page);
    const replays = await exerciseReplays(page);
    expect(problems).toEqual([]);
    // A lesson with a terminal must have played it under the policy, or this test proves nothing about it.
    if (path.startsWith('/course/') && (await page.locator('terminal-replay[data-src]').count()) > 0) {
      expect(replays, 'terminal replays exercised').toBeGreaterThan(0);
    }
  });
}

test('the 404 page carries the policy too', async ({ page }) => {
  const problems = await recordViolations(page);
  await page.goto('/no/such/page/');
  await expectStrictPolicy(page);
  expect(problems).toEqual([]);
});

test('search (Pagefind and its WebAssembly) works under the policy', async ({ page }) => {
  const problems = await recordViolations(page);
  await page.goto('/course/');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search the course' }).fill('distroless');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('the check catches a violation: an injected inline script is blocked and reported', async ({ page }) => {
  const problems = await recordViolations(page);
  await page.goto('/');
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.body.append(script);
    return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
  });
  expect(ran, 'the policy should stop an inline script that has no hash').toBe(false);
  await expect.poll(() => problems.length).toBeGreaterThan(0);
  expect(problems.join('\n')).toContain('script-src');
});
