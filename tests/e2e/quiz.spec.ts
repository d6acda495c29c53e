import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';

// Pages with dozens of questions react slowly when the machine is busy; assertions wait a little longer.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Quizzes in the browser, on the self-check pages (they gather every quiz of a topic). Right answers are
 * read from the page's own answer keys, so the tests hold whatever the lab measured.
 */

type AnswerKey =
  | { type: 'single' | 'pick-line'; correct: number }
  | { type: 'multiple'; correct: number[] }
  | { type: 'numeric'; value: number }
  | { type: 'ordering'; count: number };

/** Each question's fieldset carries its answer key (QuestionView.astro). */
async function answerKeys(page: Page): Promise<{ key: string; answerKey: AnswerKey }[]> {
  return page
    .locator('quiz-form')
    .first()
    .locator('fieldset[data-answer-key]')
    .evaluateAll((fieldsets) =>
      fieldsets.map((fieldset) => ({
        key: (fieldset as HTMLElement).dataset['questionKey'] ?? '',
        answerKey: JSON.parse((fieldset as HTMLElement).dataset['answerKey'] ?? '') as AnswerKey,
      })),
    );
}

const question = (page: Page, key: string) => page.locator(`fieldset[data-question-key="${key}"]`);
const option = (fieldset: Locator, index: number) => fieldset.locator(`[data-option="${index}"] input`);

/** Answers one question rightly (or wrongly), through the controls a learner uses. */
async function answer(page: Page, key: string, answerKey: AnswerKey, right: boolean): Promise<void> {
  const fieldset = question(page, key);
  switch (answerKey.type) {
    case 'single':
    case 'pick-line': {
      const count = await fieldset.locator('[data-option]').count();
      await option(fieldset, right ? answerKey.correct : (answerKey.correct + 1) % count).check();
      return;
    }
    case 'multiple':
      for (const index of answerKey.correct) await option(fieldset, index).check();
      if (!right) {
        const count = await fieldset.locator('[data-option]').count();
        const wrong = [...Array(count).keys()].find((index) => !answerKey.correct.includes(index));
        await option(fieldset, wrong ?? 0).check();
      }
      return;
    case 'numeric':
      await fieldset.getByRole('textbox').fill(String(right ? answerKey.value : answerKey.value * 3 + 10));
      return;
    case 'ordering': {
      // Move each step up into place with the learner's buttons, as a keyboard user would.
      for (let step = 0; step < answerKey.count; step += 1) {
        const item = fieldset.locator(`[data-step="${step}"]`);
        for (;;) {
          const position = await item.evaluate((element) => [...(element.parentElement?.children ?? [])].indexOf(element));
          if (position <= step) break;
          await item.getByRole('button', { name: /^Move up/ }).click();
        }
      }
      if (!right) await fieldset.locator('[data-step="0"]').getByRole('button', { name: /^Move down/ }).click();
    }
  }
}

const status = (page: Page) => page.locator('quiz-form [role="status"]');

async function openSelfCheck(page: Page, topic: 'security' | 'cost'): Promise<void> {
  await page.goto(`/self-check/${topic}/`);
  await expect(page.getByRole('button', { name: 'Check answers' })).toBeVisible();
}

test('a wrong answer shows feedback with the chosen option’s rationale', async ({ page }) => {
  await openSelfCheck(page, 'security');
  const fieldset = page.getByRole('group', { name: /Which user ID does the nonroot user have/ });
  await fieldset.getByRole('radio', { name: '0', exact: true }).check();
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(fieldset.getByText('Not quite.')).toBeVisible();
  await expect(fieldset.getByText('Wrong choice:')).toBeVisible();
  const rationales = fieldset.locator('[data-rationale]');
  await expect(rationales.filter({ hasText: '0 is root, the user the images without the nonroot tag run as.' })).toBeVisible();
  // Only the chosen option's rationale shows: the right one stays hidden until the learner gives up.
  await expect(rationales.filter({ hasText: 'The distroless build defines' })).toBeHidden();
  await expect(fieldset.locator('[data-reveal]')).toBeHidden();
  await expect(status(page)).toContainText('Score: 0 of');
});

test('right answers give a full score, and a reload keeps it', async ({ page }) => {
  // Answers every question of the page through its controls: slow when the machine is busy.
  test.setTimeout(180_000);
  await openSelfCheck(page, 'cost'); // the shortest self-check page
  const keys = await answerKeys(page);
  for (const { key, answerKey } of keys) await answer(page, key, answerKey, true);
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(status(page)).toHaveText(`Score: ${keys.length} of ${keys.length} correct. Well done: every answer is right.`);
  await expect(page.getByText('Correct.', { exact: true })).toHaveCount(keys.length);

  await page.reload();
  await expect(status(page)).toHaveText(`Score: ${keys.length} of ${keys.length} correct. Well done: every answer is right.`);
  await expect(page.getByText('Correct.', { exact: true })).toHaveCount(keys.length);
  // Checked questions are locked (a disabled fieldset disables its controls).
  for (const { key } of keys) await expect(question(page, key).locator('input, button').first()).toBeDisabled();
});

test('retry reopens only the wrong questions', async ({ page }) => {
  // Answers every question of the page through its controls: slow when the machine is busy.
  test.setTimeout(180_000);
  await openSelfCheck(page, 'cost'); // the shortest self-check page
  const keys = await answerKeys(page);
  const [first, second, ...rest] = keys;
  if (!first || !second) throw new Error('the security quiz needs at least two questions');
  await answer(page, first.key, first.answerKey, false);
  await answer(page, second.key, second.answerKey, true);
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(status(page)).toContainText(`Score: 1 of ${keys.length} correct.`);

  await page.getByRole('button', { name: 'Retry wrong questions' }).click();
  await expect(question(page, first.key).locator('input, button').first()).toBeEnabled();
  await expect(question(page, first.key).getByText('Not quite.')).toBeHidden();
  await expect(question(page, second.key).locator('input, button').first()).toBeDisabled();
  await expect(question(page, second.key).getByText('Correct.')).toBeVisible();

  await answer(page, first.key, first.answerKey, true);
  for (const { key, answerKey } of rest) await answer(page, key, answerKey, true);
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(status(page)).toContainText(`Score: ${keys.length} of ${keys.length} correct.`);
});

test('a numeric answer outside the tolerance says which way it is off', async ({ page }) => {
  await openSelfCheck(page, 'security');
  const keys = await answerKeys(page);
  const numeric = keys.find((entry) => entry.answerKey.type === 'numeric');
  expect(numeric, 'the security self-check has numeric questions from the measurements').toBeDefined();
  if (!numeric) return;
  await answer(page, numeric.key, numeric.answerKey, false);
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(question(page, numeric.key).getByText('Your answer is too high.')).toBeVisible();
});

test('checking with nothing answered records nothing', async ({ page }) => {
  await openSelfCheck(page, 'security');
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(status(page)).toHaveText('Answer at least one question, then check your answers.');
  const stored = await page.evaluate(() => localStorage.getItem('lean-containers-workshop:progress'));
  expect(JSON.parse(stored ?? '{}')).toMatchObject({ answers: {}, scores: {} });
});

test('giving up shows every correct answer with its rationale', async ({ page }) => {
  await openSelfCheck(page, 'security');
  await page.getByRole('group', { name: /Which user ID does the nonroot user have/ }).getByRole('radio', { name: '1000', exact: true }).check();
  await page.getByRole('button', { name: 'Check answers' }).click();
  await page.getByRole('button', { name: 'Show correct answers' }).click();
  const fieldset = page.getByRole('group', { name: /Which user ID does the nonroot user have/ });
  await expect(fieldset.locator('[data-reveal]').getByText('The distroless build defines NONROOT = 65532')).toBeVisible();
  await expect(fieldset.locator('[data-reveal]').getByText('Correct:')).toBeVisible();
  await expect(status(page)).toHaveText('The correct answers are shown below each question.');
});

test('options keep the learner’s shuffled order across visits', async ({ page }) => {
  await openSelfCheck(page, 'security');
  const labels = () => page.getByRole('group', { name: /Which user ID does the nonroot user have/ }).getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  const before = await labels();
  await page.reload();
  expect(await labels()).toEqual(before);
  // A True/False question is never shuffled.
  const trueFalse = page.getByRole('group', { name: /docker exec -it/ }).getByRole('radio');
  await expect(trueFalse.first()).toHaveAccessibleName('True');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each question still reveals its answer and rationale on demand', async ({ page }) => {
    await page.goto('/self-check/security/');
    await expect(page.getByRole('button', { name: 'Check answers' })).toBeHidden();
    const fieldset = page.getByRole('group', { name: /Which user ID does the nonroot user have/ });
    await expect(fieldset.locator('[data-reveal]').getByText('The distroless build defines NONROOT = 65532')).toBeHidden();
    await fieldset.getByText('Show answer').click();
    await expect(fieldset.locator('[data-reveal]').getByText('The distroless build defines NONROOT = 65532')).toBeVisible();
    await expect(fieldset.locator('[data-reveal]').getByText('Correct:')).toBeVisible();
  });
});

for (const path of ['/self-check/', '/self-check/performance/', '/self-check/security/', '/self-check/cost/']) {
  test(`axe finds no WCAG 2.2 AA violations on ${path}`, async ({ page }) => {
    // axe over a page of several hundred elements is slow on a shared two-core machine.
    test.setTimeout(240_000);
    await page.goto(path);
    const before = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(before.violations).toEqual([]);
    if (path === '/self-check/') return;
    // Again with feedback and revealed answers on screen.
    await page.locator('fieldset input[type="radio"]').first().check();
    await page.getByRole('button', { name: 'Check answers' }).click();
    await page.getByRole('button', { name: 'Show correct answers' }).click();
    const after = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(after.violations).toEqual([]);
  });
}
