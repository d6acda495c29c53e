import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';

/**
 * The figure machinery on real lesson pages: measured numbers with their provenance on focus, charts with
 * their data tables, exercise files as keyboard-operable tabs, and the exercise downloads.
 */
const measurements = JSON.parse(readFileSync('content/measurements/go-hello-world.json', 'utf8')) as {
  images: Record<string, { sizeBytes: number }>;
};

const chapterLessons = [
  '/course/anatomy-of-an-image/layers-and-base-images/',
  '/course/anatomy-of-an-image/size-on-disk-and-on-the-wire/',
  '/course/the-single-stage-build/build-and-run/',
  '/course/the-single-stage-build/measure-the-single-stage-image/',
  '/course/multi-stage-builds/builder-and-runtime-stages/',
  '/course/multi-stage-builds/what-stays-behind/',
  '/course/distroless/what-distroless-images-contain/',
  '/course/distroless/the-book-exercise-redone/',
  '/course/distroless/scratch-compared/',
];

test.describe('figures', () => {
  test('a measured number shows its provenance on keyboard focus and hides it on Escape', async ({ page }) => {
    await page.goto('/course/distroless/the-book-exercise-redone/');
    const number = page.locator('data.measure-value').first();
    const note = page.locator(`#${await number.getAttribute('aria-describedby')}`);
    await expect(note).toBeHidden();
    await number.focus();
    await expect(note).toBeVisible();
    await expect(note).toContainText('Measured by the course lab on');
    await expect(note).toContainText(/pulled|assembled|scratch/);
    await page.keyboard.press('Escape');
    await expect(note).toBeHidden();
    await expect(number).toBeFocused();
  });

  test('a measured size matches the measurements file', async ({ page }) => {
    await page.goto('/course/the-single-stage-build/measure-the-single-stage-image/');
    const value = measurements.images['single-stage']?.sizeBytes;
    await expect(page.locator(`data.measure-value[value="${value}"]`).first()).toBeVisible();
  });

  test('a size chart is a picture for the eye and a table for assistive technology', async ({ page }) => {
    await page.goto('/course/anatomy-of-an-image/size-on-disk-and-on-the-wire/');
    const figure = page.locator('figure.chart-figure').first();
    await expect(figure.locator('svg')).toHaveAttribute('aria-hidden', 'true');
    await expect(figure.locator('svg rect.bar')).toHaveCount(6);
    const table = figure.getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(7);
    await expect(table.getByRole('rowheader', { name: 'distroless-static-nonroot' })).toHaveCount(1);
  });

  test('exercise files become tabs that follow the arrow keys', async ({ page }) => {
    await page.goto('/course/multi-stage-builds/builder-and-runtime-stages/');
    const files = page.locator('exercise-files').first();
    const tabs = files.getByRole('tab');
    await expect(tabs).toHaveText(['Dockerfile', 'main.go', 'go.mod']);
    await expect(files.getByRole('tabpanel')).toContainText('COPY --from=build');
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(1)).toBeFocused();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(files.getByRole('tabpanel')).toContainText('package main');
    await page.keyboard.press('End');
    await expect(files.getByRole('tabpanel')).toContainText('module example.com/go-hello-world');
    await page.keyboard.press('ArrowRight');
    await expect(tabs.first()).toBeFocused();
  });

  test('without JavaScript every exercise file is shown', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/course/multi-stage-builds/builder-and-runtime-stages/');
    const files = page.locator('exercise-files').first();
    await expect(files.getByRole('tablist')).toBeHidden();
    await expect(files.locator('pre.astro-code')).toHaveCount(3);
    for (const code of await files.locator('pre.astro-code').all()) await expect(code).toBeVisible();
    await context.close();
  });

  test('the download is a zip of the real exercise files and the self-check', async ({ page, request }) => {
    await page.goto('/course/multi-stage-builds/builder-and-runtime-stages/');
    const href = await page.getByRole('link', { name: /Download the exercise as a zip/ }).first().getAttribute('href');
    expect(href).toBe('/downloads/go-hello-world-multi-stage.zip');
    const response = await request.get(href ?? '');
    expect(response.ok()).toBe(true);
    const entries = unzipSync(new Uint8Array(await response.body()));
    expect(Object.keys(entries).sort()).toContain('go-hello-world/checks/check-image.sh');
    const dockerfile = new TextDecoder().decode(entries['go-hello-world/multi-stage/Dockerfile']);
    expect(dockerfile).toBe(readFileSync('exercises/go-hello-world/multi-stage/Dockerfile', 'utf8'));
  });

  for (const path of chapterLessons) {
    test(`${path} has its replays, exercise or figures, and a quiz`, async ({ page }) => {
      await page.goto(path);
      // A recording that fails to load says so in an alert naming it.
      await expect(page.getByText(/could not be shown/)).toHaveCount(0);
      await expect(page.getByText('not measured yet')).toHaveCount(0);
      expect(await page.locator('terminal-replay').count()).toBeGreaterThan(0);
      expect(await page.locator('form[aria-labelledby^="quiz-"]').count()).toBe(1);
    });
  }
});
