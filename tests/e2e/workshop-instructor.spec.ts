// What instructor mode adds to the course's own lessons: instructor notes in every chapter, and each quiz
// question's answer key inline (CSS only: hidden for learners, never printed, never on the projected slide,
// listed in the presenter console).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { distDirectory, htmlFiles } from '../support/site-pages.ts';

const repoRoot = join(import.meta.dirname, '../..');
const lessonWithQuiz = '/course/distroless/the-book-exercise-redone/';
const quizId = 'book-exercise-redone';

interface QuizFile {
  questions: {
    id: string;
    type: string;
    options?: { text: string; correct?: boolean }[];
    steps?: { text: string }[];
    explanation: string;
  }[];
}

/** Quiz text as the page shows it: `inline code` loses its backticks. */
const plain = (text: string): string => text.replace(/`/g, '');

test.describe('instructor mode in the lessons', () => {
  test('every chapter has instructor notes in its built lessons', () => {
    const chapters = readdirSync(join(repoRoot, 'content/lessons'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name.replace(/^\d+-/, ''));
    expect(chapters.length).toBeGreaterThan(8);
    const lessonPages = htmlFiles().filter((file) => file.startsWith('course/'));
    const withoutNotes = chapters.filter(
      (chapter) =>
        !lessonPages
          .filter((file) => file.startsWith(`course/${chapter}/`))
          .some((file) => readFileSync(join(distDirectory, file), 'utf8').includes('class="instructor-note instructor-only')),
    );
    expect(withoutNotes).toEqual([]);
  });

  test('a quiz shows its answer keys inline in instructor mode only, and never in print', async ({ page }) => {
    const quiz = parse(readFileSync(join(repoRoot, 'content/quizzes', `${quizId}.yaml`), 'utf8')) as QuizFile;
    await page.goto(lessonWithQuiz);
    const keys = page.locator('.quiz-answer-key');
    await expect(keys).toHaveCount(quiz.questions.length);
    // A learner sees no key, and no instructor note either.
    for (const key of await keys.all()) await expect(key).toBeHidden();
    await expect(page.locator('.instructor-note').first()).toBeHidden();

    await page.goto(`${lessonWithQuiz}?instructor`);
    for (const question of quiz.questions) {
      const key = page.locator(`fieldset[data-question-key="${quizId}/${question.id}"] .quiz-answer-key`);
      await expect(key).toBeVisible();
      await expect(key).toHaveAccessibleName('Answer key');
      const text = (await key.textContent()) ?? '';
      expect(text).toContain(plain(question.explanation));
      for (const option of question.options ?? []) {
        if (option.correct) expect(text, `${question.id}: right option shown`).toContain(plain(option.text));
        else expect(text, `${question.id}: wrong option not in the key`).not.toContain(plain(option.text));
      }
      if (question.type === 'numeric') expect(text).toMatch(/Answer: [\d.,]+ /);
      if (question.steps) {
        const order = await key.locator('ol > li').allTextContents();
        expect(order.map((step) => step.trim())).toEqual(question.steps.map((step) => plain(step.text)));
      }
    }
    await expect(page.locator('.instructor-note').first()).toBeVisible();

    // The keys are server-rendered, so they are there before any script could have run, and print hides them.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('.instructor-only').evaluateAll((elements) => elements.filter((element) => getComputedStyle(element).display !== 'none').length);
    expect(printed).toBe(0);
  });

  test('the projected slides never show answer keys; the presenter console lists them', async ({ page }) => {
    test.slow(); // the presenter page holds whole lessons
    await page.goto('/workshops/half-day/present/?instructor');
    const keys = page.locator('.present .quiz-answer-key');
    const keyCount = await keys.count();
    expect(keyCount).toBeGreaterThan(0);
    const shown = await keys.evaluateAll((elements) => elements.filter((element) => getComputedStyle(element).display !== 'none').length);
    expect(shown).toBe(0);

    await page.goto('/workshops/half-day/console/');
    const inConsole = page.locator('.console-notes [data-answer-key]');
    expect(await inConsole.count()).toBe(keyCount);
  });
});
