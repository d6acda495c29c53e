import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page, type Request } from '@playwright/test';

// The grader arrives over a loaded machine's preview server; assertions wait a little longer.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * The quiz's grader (quiz-form.ts) is fetched on demand by quiz-loader.ts: not on load when the quiz is far
 * down the page, but as it comes near; a form submitted before it arrives is graded when it does; and it
 * shares the page's progress store, so the frame's own saves keep the quiz's answers.
 */

const STORAGE_KEY = 'lean-containers-workshop:progress';
const isGrader = (url: string): boolean => /\/_astro\/quiz-form-[\w-]+\.js$/.test(url);
const storedRecord = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { answers: Record<string, { correct: boolean }>; scores: Record<string, unknown> } | null, STORAGE_KEY);

/** A chapter 1 lesson whose quiz sits several screens below the top. */
const longLesson = '/course/why-it-matters/inside-a-distro-image/';

test('a lesson fetches the grader only when its quiz comes near the viewport', async ({ page }) => {
  const graderRequests: Request[] = [];
  page.on('request', (request) => {
    if (isGrader(request.url())) graderRequests.push(request);
  });
  await page.goto(longLesson, { waitUntil: 'load' });
  const quiz = page.locator('quiz-form');
  const distance = await quiz.evaluate((element) => element.getBoundingClientRect().top / window.innerHeight);
  expect(distance, 'the quiz starts more than two screens down (else this test proves nothing)').toBeGreaterThan(2);
  // Give a wrongly eager loader time to show itself.
  await page.waitForTimeout(1000);
  expect(graderRequests).toHaveLength(0);
  await expect(quiz.getByRole('button', { name: 'Check answers' })).toBeHidden();

  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.getByRole('button', { name: 'Check answers' })).toBeVisible();
  expect(graderRequests).toHaveLength(1);
  // Without the grader each question offers "Show answer"; with it, the answers wait for a check.
  await expect(quiz.locator('[data-reveal]').first()).toBeHidden();
});

test('an answer submitted before the grader arrives is graded when it does', async ({ page }) => {
  let releaseGrader = (): void => undefined;
  const graderHeld = new Promise<void>((resolve) => {
    releaseGrader = resolve;
  });
  let graderRequested = false;
  await page.route((url) => isGrader(url.href), async (route) => {
    graderRequested = true;
    await graderHeld;
    await route.continue();
  });
  await page.goto('/self-check/security/');
  const fieldset = page.locator('fieldset[data-type="numeric"]').first();
  const key = await fieldset.getAttribute('data-question-key');
  const answerKey = JSON.parse((await fieldset.getAttribute('data-answer-key')) ?? '{}') as { value: number };
  // The quiz is at the top of the page: the grader has been asked for, and is held back.
  await expect.poll(() => graderRequested).toBe(true);
  await expect(page.getByRole('button', { name: 'Check answers' })).toBeHidden();

  await fieldset.getByRole('textbox').fill(String(answerKey.value));
  await fieldset.getByRole('textbox').press('Enter');
  // Held, not sent: no page load with the answers in the address, and nothing graded yet.
  await expect(page.locator('quiz-form')).toHaveAttribute('data-check-pending', '');
  expect(new URL(page.url()).search).toBe('');
  await expect(fieldset.getByText('Correct.')).toBeHidden();

  releaseGrader();
  await expect(fieldset.getByText('Correct.')).toBeVisible();
  await expect(page.locator('quiz-form [role="status"]')).toContainText('Score: 1 of');
  await expect(page.locator('quiz-form')).not.toHaveAttribute('data-check-pending');
  const record = await storedRecord(page);
  expect(record?.answers[key ?? '']?.correct).toBe(true);
  expect(record?.scores['self-check/security']).toMatchObject({ correct: 1 });
});

test('the grader shares the page’s progress store: completing the lesson keeps the quiz’s answers', async ({ page }) => {
  await page.goto(longLesson);
  const quiz = page.locator('quiz-form');
  await quiz.scrollIntoViewIfNeeded();
  const fieldset = quiz.locator('fieldset[data-type="single"]').first();
  const key = (await fieldset.getAttribute('data-question-key')) ?? '';
  await fieldset.getByRole('radio').first().check();
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.locator('[role="status"]')).toContainText('Score:');
  expect((await storedRecord(page))?.answers[key]).toBeDefined();

  // The frame's checkbox saves through its store: a second, stale store would drop the answer here.
  await page.getByRole('checkbox', { name: 'I have completed this lesson' }).check();
  const record = await storedRecord(page);
  expect(record?.answers[key]).toBeDefined();
  expect(record?.scores['01-why-it-matters/02-inside-a-distro-image/inside-a-distro-image']).toBeDefined();

  // A returning learner finds the checked question as they left it once the quiz is near, and the record
  // reads back whole (no "could not be read" notice, no backup of an unreadable record).
  await page.reload();
  await expect(page.getByText('could not be read')).toBeHidden();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((name) => name.includes(':backup:')))).toEqual([]);
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator('[role="status"]')).toContainText('Score:');
  await expect(fieldset.getByText(/^(Correct\.|Not quite\.)$/)).toBeVisible();
  await expect(fieldset.locator('input').first()).toBeDisabled();
});

test('the introduction’s quiz: answered right, checked, recorded in progress, and shown again on return', async ({ page }) => {
  await page.goto('/course/why-it-matters/introduction/');
  const quiz = page.locator('quiz-form');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.getByRole('button', { name: 'Check answers' })).toBeVisible();
  const fieldsets = quiz.locator('fieldset[data-answer-key]');
  const count = await fieldsets.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let index = 0; index < count; index += 1) {
    const fieldset = fieldsets.nth(index);
    const answerKey = JSON.parse((await fieldset.getAttribute('data-answer-key')) ?? '{}') as
      | { type: 'single'; correct: number }
      | { type: 'multiple'; correct: number[] }
      | { type: 'numeric'; value: number };
    if (answerKey.type === 'numeric') await fieldset.getByRole('textbox').fill(answerKey.value.toFixed(1));
    else for (const option of [answerKey.correct].flat()) await fieldset.locator(`[data-option="${option}"] input`).check();
  }
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  const full = `Score: ${count} of ${count} correct. Well done: every answer is right.`;
  await expect(quiz.locator('[role="status"]')).toHaveText(full);
  const record = await storedRecord(page);
  expect(record?.scores['01-why-it-matters/01-introduction/why-size-matters']).toMatchObject({ correct: count, total: count });
  expect(Object.keys(record?.answers ?? {}).filter((key) => key.startsWith('why-size-matters/'))).toHaveLength(count);
  // The lesson with its checked quiz, feedback on screen, still passes axe (the sitemap crawl sees it unchecked).
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);

  await page.reload();
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator('[role="status"]')).toHaveText(full);
  await expect(quiz.getByText('Correct.', { exact: true })).toHaveCount(count);
});
