import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/**
 * Lesson 9.1 shows the Node.js exercise the lab recorded and measured (exercises/node-hello-world): its two
 * replays, with their commands and the stand-ins' provenance, and sizes read from its own measurements file.
 */
const lesson = '/course/beyond-go/java-python-node/';
const measurements = JSON.parse(readFileSync('content/measurements/node-hello-world.json', 'utf8')) as {
  images: Record<'single-stage' | 'distroless', { sizeBytes: number; files: number }>;
};

for (const step of ['build-distroless', 'compare']) {
  test(`lesson 9.1 replays the node-hello-world ${step} recording, labelled as made on assembled stand-ins`, async ({ page }) => {
    await page.goto(lesson);
    const player = page.locator(`[aria-labelledby="replay-node-hello-world-${step}-title"]`);
    await expect(player).toBeVisible();
    await expect(player.getByRole('alert')).toBeHidden();
    await expect(player.locator('.replay-commands li').first()).toBeVisible();
    await expect(player.locator('.replay-provenance')).toContainText('gcr.io/distroless/nodejs24-debian13:nonroot assembled locally');
  });
}

test('lesson 9.1 reads the Node.js images\' sizes and file counts from node-hello-world.json', async ({ page }) => {
  await page.goto(lesson);
  const main = page.locator('main');
  for (const image of ['single-stage', 'distroless'] as const) {
    await expect(main.locator(`data[value="${measurements.images[image].sizeBytes}"]`)).toHaveCount(1);
    await expect(main.locator(`data[value="${measurements.images[image].files}"]`)).toHaveCount(1);
  }
  await expect(main.locator('data.measure-value').filter({ hasText: '×' }).first()).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`lesson 9.1 with its Node.js replays passes axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(lesson);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}
