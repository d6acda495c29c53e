import { expect, test, type Page } from '@playwright/test';
import { exampleInputs, type CostInputs } from '../../src/lib/cost/inputs.ts';
import { tableView, type CalculatorImage } from '../../src/components/mdx/CostCalculator.ts';

// The cost calculator on the chapter 7 lesson: server-rendered example, live updates, validation, keyboard.
const lesson = '/course/performance-and-cost/registry-storage-and-egress/';

async function imagesOf(page: Page): Promise<CalculatorImage[]> {
  const json = await page.locator('cost-calculator').getAttribute('data-images');
  return JSON.parse(json ?? '[]') as CalculatorImage[];
}

/** The body cells of the table, row by row, as the learner reads them. */
async function tableCells(page: Page): Promise<string[][]> {
  return page
    .locator('cost-calculator tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim())));
}

test.describe('cost calculator', () => {
  test('renders the worked example for the labelled example inputs, computed from the measured sizes', async ({ page }) => {
    await page.goto(lesson);
    const calculator = page.locator('cost-calculator');
    await expect(calculator.getByText('Example inputs:')).toBeVisible();
    await expect(calculator.locator('caption')).toHaveText('Monthly cost per image for the example inputs (hypothetical)');
    const images = await imagesOf(page);
    expect(images.map((image) => image.name)).toEqual(['single-stage', 'multi-stage', 'distroless', 'distroless-static-nonroot', 'scratch']);
    expect(images.every((image) => image.compressedSizeBytes > 0)).toBe(true);
    expect(await tableCells(page)).toEqual(tableView(images, exampleInputs).rows.map((row) => row.cells));
    await expect(calculator.getByText('pulls per month = nodes × deploys per day × 30 days')).toBeVisible();
  });

  test('every input has a label, and the table follows what the learner types', async ({ page }) => {
    await page.goto(lesson);
    const images = await imagesOf(page);
    const mine: CostInputs = { nodes: 7, deploysPerDay: 3, versionsKept: 40, storagePricePerGbMonth: 0.25, egressPricePerGb: 0.05 };
    await page.getByLabel('Nodes that pull each new version').fill(String(mine.nodes));
    await page.getByLabel('Deploys per day').fill(String(mine.deploysPerDay));
    await page.getByLabel('Versions kept in the registry').fill(String(mine.versionsKept));
    await page.getByLabel('Storage price per GB per month').fill(String(mine.storagePricePerGbMonth));
    await page.getByLabel('Transfer (egress) price per GB').fill(String(mine.egressPricePerGb));
    const expected = tableView(images, mine);
    await expect.poll(() => tableCells(page)).toEqual(expected.rows.map((row) => row.cells));
    await expect(page.locator('cost-calculator caption')).toHaveText('Monthly cost per image for your inputs');
    await expect(page.getByRole('status').filter({ hasText: 'Per month' })).toHaveText(expected.summary);
  });

  test('bad input gets a message beside the field, keeps what was typed, and keeps the last valid table', async ({ page }) => {
    await page.goto(lesson);
    const nodes = page.getByLabel('Nodes that pull each new version');
    await nodes.fill('12');
    await expect.poll(async () => (await tableCells(page))[0]?.[6]).not.toBe(tableView(await imagesOf(page), exampleInputs).rows[0]?.cells[6]);
    const before = await tableCells(page);

    for (const [typed, message] of [
      ['-5', 'cannot be negative'],
      ['', 'Enter a number'],
      ['1e9', 'is not a number'],
      ['999999999', 'at most 100,000'],
      ['2.5', 'whole number'],
    ] as const) {
      await nodes.fill(typed);
      await expect(nodes).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('[data-error-for="nodes"]')).toContainText(message);
      await expect(nodes).toHaveValue(typed);
      expect(await tableCells(page)).toEqual(before);
    }
    await expect(page.getByRole('status').filter({ hasText: 'needs fixing' })).toHaveText(
      'One field needs fixing; the table still shows your last valid numbers.',
    );

    await nodes.fill('12');
    await expect(nodes).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('[data-error-for="nodes"]')).toBeEmpty();
  });

  test('the live region speaks once per pause, not on every keystroke', async ({ page }) => {
    await page.goto(lesson);
    const status = page.locator('cost-calculator [data-status]');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await status.evaluate((element) => {
      const counter = { changes: 0 };
      (window as unknown as { liveChanges: typeof counter }).liveChanges = counter;
      new MutationObserver(() => (counter.changes += 1)).observe(element, { childList: true, characterData: true, subtree: true });
    });
    const nodes = page.getByLabel('Nodes that pull each new version');
    await nodes.fill('');
    await nodes.pressSequentially('3456', { delay: 60 });
    await page.waitForTimeout(1500);
    const changes = await page.evaluate(() => (window as unknown as { liveChanges: { changes: number } }).liveChanges.changes);
    expect(changes).toBeGreaterThanOrEqual(1);
    expect(changes).toBeLessThanOrEqual(2);
    await expect(status).toHaveText(tableView(await imagesOf(page), { ...exampleInputs, nodes: 3456 }).summary);
  });

  test('works from the keyboard, and the reset button puts the example back', async ({ page }) => {
    await page.goto(lesson);
    const nodes = page.getByLabel('Nodes that pull each new version');
    await nodes.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Deploys per day')).toBeFocused();
    await page.keyboard.press('Enter'); // must not submit the form and lose the numbers
    await expect(nodes).toHaveValue('50');
    const reset = page.getByRole('button', { name: 'Put back the example inputs' });
    await reset.focus();
    await page.keyboard.press('Enter');
    await expect(nodes).toHaveValue(String(exampleInputs.nodes));
    await expect.poll(() => tableCells(page)).toEqual(tableView(await imagesOf(page), exampleInputs).rows.map((row) => row.cells));
  });
});
