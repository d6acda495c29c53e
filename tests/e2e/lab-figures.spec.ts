import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/**
 * The lab's newer pieces on real lesson pages: the layer-breakdown chart (a picture for the eye, every layer
 * in a table for assistive technology) and the replays of the steps recorded for the security and debugging
 * lessons. The numbers come from the committed measurements, so the test follows them when the lab re-measures.
 */
interface Layer {
  sizeBytes: number;
  fromBase: boolean;
}
const measurements = JSON.parse(readFileSync('content/measurements/go-hello-world.json', 'utf8')) as {
  images: Record<string, { layerHistory: Layer[] }>;
};
const charted = ['single-stage', 'multi-stage', 'distroless', 'distroless-static-nonroot', 'scratch'];
const layersWithBytes = (image: string) => (measurements.images[image]?.layerHistory ?? []).filter((layer) => layer.sizeBytes > 0);

const layersLesson = '/course/anatomy-of-an-image/layers-and-base-images/';

test('the layer chart draws one segment per layer that holds bytes, and lists each in its table', async ({ page }) => {
  await page.goto(layersLesson);
  const figure = page.locator('figure.chart-figure', { has: page.locator('svg.layer-chart') });
  await expect(figure.locator('svg')).toHaveAttribute('aria-hidden', 'true');
  const expected = charted.reduce((sum, image) => sum + layersWithBytes(image).length, 0);
  // Two legend swatches plus the segments.
  await expect(figure.locator('svg rect.segment')).toHaveCount(expected + 2);
  await expect(figure.locator('svg rect.segment.added')).toHaveCount(1 + charted.reduce((sum, image) => sum + layersWithBytes(image).filter((layer) => !layer.fromBase).length, 0));
  const table = figure.getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(expected);
  for (const image of charted) await expect(table.getByRole('rowheader', { name: new RegExp(`^${image} `) })).toHaveCount(1);
  const single = measurements.images['single-stage']?.layerHistory.find((layer) => layer.fromBase);
  await expect(table.locator(`data[value="${single?.sizeBytes}"]`)).toHaveCount(1);
});

const replays: [string, string][] = [
  ['/course/anatomy-of-an-image/size-on-disk-and-on-the-wire/', 'wire-size'],
  ['/course/distroless/scratch-compared/', 'scratch-vs-static'],
  ['/course/security/no-shell-no-package-manager/', 'self-check'],
  ['/course/security/attack-surface-scanning-sboms/', 'package-records'],
  ['/course/security/signatures-and-digests/', 'digests'],
  ['/course/performance-and-cost/registry-storage-and-egress/', 'wire-size'],
  ['/course/debugging-distroless/debug-images/', 'self-check'],
  ['/course/debugging-distroless/debugging-without-a-shell/', 'shared-pid'],
];

for (const [path, step] of replays) {
  test(`${path} replays the lab's ${step} recording`, async ({ page }) => {
    await page.goto(path);
    const player = page.locator(`[aria-labelledby="replay-go-hello-world-${step}-title"]`);
    await expect(player).toBeVisible();
    await expect(player.getByRole('alert')).toBeHidden();
    await expect(player.locator('.replay-commands li').first()).toBeVisible();
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the layer chart's lesson passes axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(layersLesson);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('figure.chart-figure').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}
