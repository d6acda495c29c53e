import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { distDirectory, htmlFiles } from '../support/site-pages.ts';

const toMinutes = (clock: string): number => {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Every agenda row as { start, end, minutes } read from the page, plus the footer's total and finish. */
async function readAgenda(page: Page) {
  const rows = await page.locator('table.agenda tbody tr').evaluateAll((elements) =>
    elements.map((row) => ({
      start: row.querySelector('.agenda-start')?.textContent ?? '',
      end: row.querySelector('.agenda-end')?.textContent ?? '',
      minutes: Number(row.querySelector('.agenda-minutes')?.textContent),
    })),
  );
  const total = Number(await page.locator('.agenda-total').textContent());
  const finish = (await page.locator('.agenda-finish').textContent()) ?? '';
  return { rows, total, finish };
}

function expectConsistent(agenda: Awaited<ReturnType<typeof readAgenda>>, firstStart: string): void {
  expect(agenda.rows.length).toBeGreaterThan(2);
  expect(agenda.rows[0]?.start).toBe(firstStart);
  let sum = 0;
  agenda.rows.forEach((row, index) => {
    expect(row.minutes).toBeGreaterThan(0);
    expect((toMinutes(row.end) - toMinutes(row.start) + 1440) % 1440).toBe(row.minutes);
    if (index > 0) expect(row.start).toBe(agenda.rows[index - 1]?.end);
    sum += row.minutes;
  });
  expect(agenda.total).toBe(sum);
  expect(agenda.finish).toBe(agenda.rows.at(-1)?.end);
  expect((toMinutes(agenda.finish) - toMinutes(firstStart) + 1440) % 1440).toBe(sum % 1440);
}

test.describe('workshop kit', () => {
  test('instructor mode shows and hides notes, persists, and follows ?instructor', async ({ page }) => {
    await page.goto('/workshops/half-day/');
    const notes = page.locator('.instructor-note');
    expect(await notes.count()).toBeGreaterThan(0);
    await expect(notes.first()).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Instructor mode' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(notes.first()).toBeVisible();
    await page.reload();
    await expect(page.locator('.instructor-note').first()).toBeVisible();
    await page.getByRole('button', { name: 'Instructor mode' }).click();
    await expect(page.locator('.instructor-note').first()).toBeHidden();

    await page.goto('/workshops/full-day/?instructor');
    await expect(page.locator('html')).toHaveAttribute('data-instructor', 'on');
    await expect(page.locator('.instructor-note').first()).toBeVisible();
    await page.goto('/workshops/full-day/?instructor=off');
    await expect(page.locator('.instructor-note').first()).toBeHidden();
    await page.goto('/workshops/full-day/');
    await expect(page.locator('.instructor-note').first()).toBeHidden();
  });

  test('agenda times add up, from the default start, ?start= and the time field', async ({ page }) => {
    await page.goto('/workshops/full-day/');
    expectConsistent(await readAgenda(page), '09:00');
    await page.goto('/workshops/full-day/?start=13:30');
    expectConsistent(await readAgenda(page), '13:30');
    await expect(page.getByLabel('Start time')).toHaveValue('13:30');
    await page.getByLabel('Start time').fill('22:45');
    await page.getByLabel('Start time').dispatchEvent('change');
    expectConsistent(await readAgenda(page), '22:45');
    await expect(page).toHaveURL(/start=22%3A45|start=22:45/);
  });

  test('the agenda lists breaks and what to prepare', async ({ page }) => {
    await page.goto('/workshops/half-day/');
    await expect(page.getByRole('heading', { name: 'Before the day' })).toBeVisible();
    await expect(page.locator('table.agenda tr.agenda-break')).not.toHaveCount(0);
    await expect(page.locator('table.agenda tr.agenda-lesson a').first()).toHaveAttribute('href', /^\/course\//);
  });

  test('the presenter view moves by keyboard', async ({ page }) => {
    test.slow(); // the page holds whole lessons
    await page.goto('/workshops/half-day/present/');
    const current = page.locator('.slide[data-current]');
    const count = await page.locator('.slide').count();
    expect(count).toBeGreaterThan(5);
    const titles = await page.locator('.slide').evaluateAll((slides) => slides.map((slide) => (slide as HTMLElement).dataset['title']));
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute('data-title', titles[0] ?? '');
    await expect(page.locator('.slide:visible')).toHaveCount(1);

    await page.keyboard.press('ArrowRight');
    await expect(current).toHaveAttribute('data-title', titles[1] ?? '');
    await expect(page.locator('.present-counter')).toHaveText(`2 / ${count}`);
    await expect(page).toHaveURL(/#2$/);
    await page.keyboard.press('End');
    await expect(page.locator('.present-counter')).toHaveText(`${count} / ${count}`);
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.present-counter')).toHaveText(`${count} / ${count}`);
    await page.keyboard.press('ArrowLeft');
    await expect(current).toHaveAttribute('data-title', titles[count - 2] ?? '');
    await page.keyboard.press('Home');
    await expect(current).toHaveAttribute('data-title', titles[0] ?? '');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.present-counter')).toHaveText(`1 / ${count}`);

    // A lesson's sections are its own slides, in order: its h2 headings follow its title slide.
    const lessonItem = (await page.locator('.slide-title').first().getAttribute('data-item')) ?? '';
    const firstLessonStart = titles.indexOf(await page.locator('.slide-title').first().getAttribute('data-title') ?? '');
    const firstLesson = await page.locator(`.slide[data-item="${lessonItem}"]`).evaluateAll((slides) => slides.map((slide) => slide.querySelector('h2')?.textContent.trim()));
    expect(firstLesson.length).toBeGreaterThan(1);
    expect(firstLesson.slice(1)).toEqual(titles.slice(firstLessonStart + 1, firstLessonStart + firstLesson.length));

    await page.goto('/workshops/half-day/present/#3');
    await expect(page.locator('.present-counter')).toHaveText(`3 / ${count}`);
  });

  test('terminals in the presenter view pause before each command', async ({ page }) => {
    test.slow();
    await page.goto('/workshops/half-day/present/');
    const number = await page.locator('.slide').evaluateAll((slides) => slides.findIndex((slide) => slide.querySelector('terminal-replay[data-src]')) + 1);
    expect(number, 'the half-day agenda has lessons with terminals').toBeGreaterThan(0);
    await page.goto(`/workshops/half-day/present/#${number}`);
    const player = page.locator('.slide[data-current] terminal-replay').first();
    await expect(player).toHaveAttribute('data-upgraded', 'true', { timeout: 20_000 });
    const commands = await player.locator('.replay-commands button').count();
    expect(commands, 'the test needs a recording with two commands or more').toBeGreaterThan(1);
    await player.locator('[data-action="restart"]').click();
    // It stops at the first command, then at each next one when the presenter presses play.
    for (let command = 0; command < 2; command++) {
      await expect(player.locator(`.replay-commands button[data-marker="${command}"]`)).toHaveAttribute('aria-current', 'step', { timeout: 15_000 });
      await expect(player).toHaveAttribute('data-state', 'paused');
      if (command === 0) await player.locator('[data-action="toggle-play"]').click();
    }
    // Without the setting it plays on past the commands.
    await page.getByLabel('Pause terminals before each command').uncheck();
    await player.locator('[data-action="restart"]').click();
    await expect(player.locator('.replay-commands button[data-marker="1"]')).toHaveAttribute('aria-current', 'step', { timeout: 15_000 });
    await expect(player).toHaveAttribute('data-state', /playing|ended/);
    await player.locator('[data-action="toggle-play"]').click();
  });

  test('the console window follows the presenter and can drive it', async ({ page, context }) => {
    test.slow();
    await page.goto('/workshops/half-day/present/');
    const titles = await page.locator('.slide').evaluateAll((slides) => slides.map((slide) => (slide as HTMLElement).dataset['title']));
    const [consolePage] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open console' }).click()]);
    await consolePage.waitForLoadState();
    await expect(consolePage).toHaveURL(/\/workshops\/half-day\/console\/$/);
    await expect(consolePage.locator('.console-current-title')).toHaveText(titles[0] ?? '');
    await expect(consolePage.locator('.console-next-title')).toHaveText(titles[1] ?? '');
    // The console shows the notes of the slide on screen (the workshop file's notes for the first item).
    const firstNotes = await page.locator('.slide').first().locator('.instructor-note').allTextContents();
    expect(firstNotes.length).toBeGreaterThan(0);
    for (const note of firstNotes) await expect(consolePage.locator('.console-current-notes')).toContainText(note.trim());

    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(consolePage.locator('.console-counter')).toHaveText(`3 / ${titles.length}`);
    await expect(consolePage.locator('.console-current-title')).toHaveText(titles[2] ?? '');
    await expect(consolePage.locator('.console-next-title')).toHaveText(titles[3] ?? '');

    await consolePage.getByRole('button', { name: 'Next →' }).click();
    await expect(page.locator('.present-counter')).toHaveText(`4 / ${titles.length}`);
    await expect(consolePage.locator('.console-current-title')).toHaveText(titles[3] ?? '');

    await consolePage.getByRole('button', { name: 'Start timer' }).click();
    await expect(page.locator('.present-clock')).toContainText(/^0:0\d · /);
    await expect(consolePage.locator('.console-elapsed')).toContainText(/^0:0\d · /);
  });

  test('print shows every terminal as text and never an instructor note', async ({ page }) => {
    // Every page with a terminal, each loaded in full: minutes on two shared cores.
    test.setTimeout(300_000);
    // Pages with terminals: the handouts (every agenda lesson) and every built page that has a player.
    const withTerminals = htmlFiles()
      .filter((file) => readFileSync(join(distDirectory, file), 'utf8').includes('<terminal-replay'))
      .filter((file) => !file.startsWith('replay/')) // the /replay/ page plays a file the reader picks: no terminal until then
      .map((file) => `/${file.replace(/index\.html$/, '')}`);
    const pages = [...new Set(['/workshops/full-day/handout/', '/workshops/half-day/', ...withTerminals])];
    await page.goto('/workshops/half-day/?instructor');
    let terminals = 0;
    for (const path of pages) {
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      const blank = await page.locator('.replay').evaluateAll((players) =>
        players.flatMap((player, index) => {
          const visibleText = (selector: string): string => {
            const element = player.querySelector<HTMLElement>(selector);
            if (!element) return '';
            const style = getComputedStyle(element);
            return style.display === 'none' || style.visibility === 'hidden' ? '' : element.textContent.trim();
          };
          return visibleText('.replay-poster') || visibleText('.replay-transcript pre') ? [] : [`terminal ${index + 1}`];
        }),
      );
      expect(blank, `blank terminals in print on ${path}`).toEqual([]);
      terminals += await page.locator('.replay').count();
      // Instructor notes and quiz answer keys alike.
      const printedNotes = await page.locator('.instructor-only').evaluateAll((notes) => notes.filter((note) => getComputedStyle(note).display !== 'none').length);
      expect(printedNotes, `instructor notes in print on ${path}`).toBe(0);
      await page.emulateMedia({ media: 'screen' });
    }
    test.info().annotations.push({ type: 'terminals checked', description: String(terminals) });
    // On screen in instructor mode the notes are there: the print rule is what hid them.
    await page.goto('/workshops/half-day/');
    await expect(page.locator('.instructor-note').first()).toBeVisible();
    expect(terminals, 'printed pages with terminals were checked').toBeGreaterThan(0);
  });

  test('workshop pages pass axe in instructor mode, notes showing, in both themes', async ({ page }) => {
    // Presenter pages hold whole lessons with their terminals: axe takes a while on two shared cores.
    test.setTimeout(300_000);
    // The site-wide axe spec sees the pages with notes hidden; this one sees what an instructor sees.
    const failures: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // The lesson has instructor notes, tagged blocks and a quiz whose answer keys instructor mode shows.
      for (const path of ['/workshops/', '/workshops/half-day/', '/workshops/half-day/present/', '/workshops/half-day/console/', '/workshops/half-day/answers/', '/course/distroless/the-book-exercise-redone/']) {
        await page.goto(`${path}?instructor`);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        for (const violation of results.violations) {
          failures.push(`${colorScheme} ${path}: ${violation.id} ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
