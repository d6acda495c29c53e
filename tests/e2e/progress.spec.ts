import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// Pages with dozens of questions react slowly when the machine is busy; assertions wait a little longer.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Progress in the browser: export and import between browser contexts (as between machines), refused
 * files, corrupted, full and disabled storage, and per-chapter reset.
 */

const STORAGE_KEY = 'lean-containers-workshop:progress';
const question = /Which user ID does the nonroot user have/;

/** Answers the distroless uid question on the security self-check and checks it. */
async function answerOneQuestion(page: Page, choice: string): Promise<void> {
  await page.goto('/self-check/security/');
  await page.getByRole('group', { name: question }).getByRole('radio', { name: choice, exact: true }).check();
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(page.locator('quiz-form [role="status"]')).toContainText('Score:');
}

const storedRecord = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, Record<string, unknown>> | null, STORAGE_KEY);

test('export, then import into a fresh browser, restores answers and review', async ({ page, browser }) => {
  await answerOneQuestion(page, '65532');
  await page.goto('/review/');
  await expect(page.getByRole('heading', { name: question })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^lean-containers-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { record: { answers: Record<string, unknown> } };
  expect(Object.keys(exported.record.answers)).toContain('attack-surface/nonroot-uid');

  // A new context shares nothing with the first: another machine, as far as the site can tell.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/review/');
  await expect(other.getByText('No answers yet.')).toBeVisible();
  await other.getByLabel('Import a progress file').setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 new answer');
  await expect(other.getByRole('heading', { name: question })).toBeVisible();
  await expect(other.getByText('You answered correctly.')).toBeVisible();

  await other.goto('/self-check/security/');
  const fieldset = other.getByRole('group', { name: question });
  await expect(fieldset.getByRole('radio', { name: '65532', exact: true })).toBeChecked();
  await expect(fieldset.getByText('Correct.')).toBeVisible();
  await fresh.close();
});

test('a file dropped on the import area is imported', async ({ page }) => {
  await page.goto('/review/');
  const record = {
    version: 2,
    seed: 'abc',
    lessons: {},
    answers: { 'attack-surface/nonroot-uid': { hash: 'stale', response: 0, correct: false, attempts: 1, at: '2026-01-01T00:00:00.000Z' } },
    scores: {},
    exercises: {},
  };
  const text = JSON.stringify({ format: 'lean-containers-workshop/progress', exportedAt: '2026-01-01T00:00:00.000Z', record });
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'progress.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.locator('[data-drop-zone]').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('status').filter({ hasText: 'Imported progress.json' })).toBeVisible();
  // The answer was to an older version of the question (another hash), so it is kept but not shown.
  expect((await storedRecord(page))?.['answers']).toHaveProperty(['attack-surface/nonroot-uid']);
  await expect(page.getByText('No answers yet.')).toBeVisible();
});

test('a bad file is refused with a clear message and changes nothing', async ({ page }) => {
  await answerOneQuestion(page, '0');
  await page.goto('/review/');
  const before = await storedRecord(page);
  await page.getByLabel('Import a progress file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "not progress"}') });
  await expect(page.getByRole('status').filter({ hasText: 'was not imported' })).toHaveText(
    'This file was not imported: it is not a progress export of this course. Your progress is unchanged.',
  );
  expect(await storedRecord(page)).toEqual(before);
  await expect(page.getByText('Your answer was wrong.')).toBeVisible();
});

test('corrupted storage still loads, with a notice, and the old data is kept', async ({ page }) => {
  await page.goto('/self-check/');
  await page.evaluate((key) => localStorage.setItem(key, '{"version": 2, "lessons": {'), STORAGE_KEY);
  await page.goto('/self-check/security/');
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('a fresh record was started');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(':backup:')));
  expect(backups).toHaveLength(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), backups[0] ?? '')).toBe('{"version": 2, "lessons": {');
  // The quiz works on the fresh record.
  await page.getByRole('group', { name: question }).getByRole('radio', { name: '65532', exact: true }).check();
  await page.getByRole('button', { name: 'Check answers' }).click();
  await expect(page.getByRole('group', { name: question }).getByText('Correct.')).toBeVisible();
  // And the next visit is quiet.
  await page.reload();
  await expect(page.getByText('could not be read')).toBeHidden();
});

test('disabled storage: quizzes work in memory and say so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await answerOneQuestion(page, '65532');
  await expect(page.getByRole('status').filter({ hasText: 'does not let the site store data' })).toBeVisible();
  await expect(page.getByRole('group', { name: question }).getByText('Correct.')).toBeVisible();
});

test('a full storage: the answer stays in memory and the learner is told', async ({ page }) => {
  await page.addInitScript((key) => {
    const original = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')?.value as (this: Storage, name: string, value: string) => void;
    Storage.prototype.setItem = function (this: Storage, name: string, value: string) {
      if (name === key) throw new DOMException('full', 'QuotaExceededError');
      original.call(this, name, value);
    };
  }, STORAGE_KEY);
  await answerOneQuestion(page, '65532');
  await expect(page.getByRole('status').filter({ hasText: 'storage is full' })).toBeVisible();
  await expect(page.getByRole('group', { name: question }).getByText('Correct.')).toBeVisible();
});

test('resetting a chapter forgets only that chapter', async ({ page }) => {
  await page.goto('/review/');
  const resetButtons = page.getByRole('button', { name: /^Reset chapter/ });
  const first = resetButtons.first();
  const chapterId = await first.getAttribute('data-reset-chapter');
  expect(chapterId, 'the review page should offer a reset per chapter').toBeTruthy();
  await page.evaluate(
    ({ key, chapter }) => {
      const at = '2026-01-01T00:00:00.000Z';
      const record = {
        version: 2,
        seed: 'abc',
        lessons: { [`${chapter}/01-lesson`]: { status: 'completed', at }, 'zz-other/01-lesson': { status: 'read', at } },
        answers: { 'quiz/a': { hash: 'h', response: 0, correct: true, attempts: 1, at, lessonId: `${chapter}/01-lesson` } },
        scores: {},
        exercises: {},
      };
      localStorage.setItem(key, JSON.stringify(record));
    },
    { key: STORAGE_KEY, chapter: chapterId },
  );
  await page.reload();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: /^Reset chapter/ }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'was reset' })).toBeVisible();
  const record = await storedRecord(page);
  expect(Object.keys(record?.['lessons'] ?? {})).toEqual(['zz-other/01-lesson']);
  expect(record?.['answers']).toEqual({});
});

test('axe finds no WCAG 2.2 AA violations on the review page with answers shown', async ({ page }) => {
  test.setTimeout(120_000);
  await answerOneQuestion(page, '0');
  await page.goto('/review/');
  await expect(page.getByRole('heading', { name: question })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations).toEqual([]);
});

test('a lesson marked completed shows in the sidebar and the course progress bar', async ({ page }) => {
  await page.goto('/course/');
  const firstLesson = page.locator('a[data-lesson-id]').first();
  const lessonId = await firstLesson.getAttribute('data-lesson-id');
  expect(lessonId, 'the sidebar should link lessons with their ids').toBeTruthy();
  await page.goto((await firstLesson.getAttribute('href')) ?? '/');
  const completed = page.getByRole('checkbox', { name: 'I have completed this lesson' });
  await expect(page.locator('lesson-progress'), 'every lesson page has exactly one <lesson-progress>').toHaveCount(1);
  const link = page.locator(`a[data-lesson-id="${lessonId}"]`).first();
  // Opening the lesson marks it read.
  await expect(link).toHaveAttribute('data-progress', 'read');
  await completed.check();
  await expect(link).toHaveAttribute('data-progress', 'completed');
  await expect(link).toContainText('(completed)');
  const bar = page.locator('course-progress progress').first();
  await expect(bar).toHaveAttribute('value', '1');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'I have completed this lesson' })).toBeChecked();
  await expect(page.locator('course-progress [data-progress-summary]').first()).toHaveText(/^1 of \d+ lessons completed$/);
});

test('the review page marks lessons read or completed and shows the course progress bar', async ({ page }) => {
  await page.goto('/review/');
  const links = page.locator('a[data-lesson-id]');
  expect(await links.count(), 'the course has many lessons').toBeGreaterThanOrEqual(2);
  const [completedId, readId] = await links.evaluateAll((elements) => elements.slice(0, 2).map((element) => (element as HTMLElement).dataset['lessonId']));
  await page.evaluate(
    ({ key, completed, read }) => {
      const at = '2026-01-01T00:00:00.000Z';
      const lessons = { [completed ?? '']: { status: 'completed', at }, [read ?? '']: { status: 'read', at }, 'gone/lesson': { status: 'completed', at } };
      localStorage.setItem(key, JSON.stringify({ version: 2, seed: 'abc', lessons, answers: {}, scores: {}, exercises: {} }));
    },
    { key: STORAGE_KEY, completed: completedId, read: readId },
  );
  await page.reload();
  await expect(page.locator(`a[data-lesson-id="${completedId}"]`)).toHaveAttribute('data-progress', 'completed');
  await expect(page.locator(`a[data-lesson-id="${completedId}"]`)).toContainText('(completed)');
  await expect(page.locator(`a[data-lesson-id="${readId}"]`)).toContainText('(read)');
  // The lesson that no longer exists does not count.
  const total = ((await page.locator('course-progress').first().getAttribute('data-lesson-ids')) ?? '').split(' ').length;
  await expect(page.locator('course-progress [data-progress-summary]').first()).toHaveText(`1 of ${total} lessons completed`);
  await expect(page.getByRole('progressbar', { name: 'Lessons completed' }).first()).toHaveAttribute('value', '1');
});
