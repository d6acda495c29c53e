import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { afterABuild, longLinear } from '../fixtures/casts/downloads.ts';

// The terminal replay against the built site: the example player on /replay/ (a real node-pty recording from
// tests/fixtures/casts, published as /replay/casts/samples/…), ?src=, drop, a malformed file, and budgets.

const fixturesDir = join(process.cwd(), 'tests', 'fixtures', 'casts');
const distDir = process.env['REPLAY_DIST'] ?? join(process.cwd(), 'dist');

/** The example player: the lesson component on /replay/. */
function example(page: Page): Locator {
  return page.getByRole('region', { name: 'Colours, a listing and a failing command', exact: true });
}

async function openExample(page: Page): Promise<Locator> {
  await page.goto('/replay/');
  const player = example(page);
  await player.scrollIntoViewIfNeeded();
  await expect(player).toHaveAttribute('data-upgraded', 'true');
  await expect(player).not.toHaveAttribute('data-state', 'loading');
  return player;
}

const slider = (player: Locator): Locator => player.getByRole('slider', { name: 'Position' });
const seconds = async (player: Locator): Promise<number> => Number(await slider(player).getAttribute('aria-valuenow'));

test.describe('poster without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows the chosen frame as real text, the commands, and a transcript', async ({ page }) => {
    await page.goto('/replay/');
    const player = example(page);
    const poster = player.locator('.replay-poster');
    await expect(poster).toContainText('Hello, World!');
    await expect(poster).not.toContainText('No such file'); // poster={2}: the end of the third command
    await expect(poster.locator('.t-fg-4.t-bold').first()).toHaveText('learner');
    await expect(player.getByRole('list', { name: 'Commands in this recording' }).getByRole('listitem')).toHaveCount(5);
    await expect(player.getByText('exit 2')).toBeVisible();
    await expect(player.locator('.replay-controls')).toBeHidden();
    await player.getByText('Transcript').click();
    await expect(player.getByLabel('Transcript')).toContainText("ls: cannot access '/no/such/path': No such file or directory");
  });
});

test.describe('player', () => {
  test('loads xterm only when scrolled into view, then replaces the poster', async ({ page }) => {
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.url());
    });
    await page.setViewportSize({ width: 1000, height: 300 });
    await page.goto('/replay/');
    await page.waitForLoadState('networkidle');
    const player = example(page);
    await expect(player).not.toHaveAttribute('data-upgraded', 'true');
    const before = scripts.length;
    await player.scrollIntoViewIfNeeded();
    await expect(player).toHaveAttribute('data-upgraded', 'true');
    await expect(player.locator('.xterm-rows')).toContainText('Hello, World!');
    await expect(player.locator('.replay-poster')).toBeHidden();
    expect(scripts.length).toBeGreaterThan(before);
  });

  test('plays, pauses and restarts', async ({ page }) => {
    // Waits on the player's state and position, never on wall time: a loaded machine may take longer to play
    // a second of recording, but the same things must happen in the same order.
    const player = await openExample(page);
    await slider(player).focus();
    await page.keyboard.press('Home');
    await expect(slider(player)).toHaveAttribute('aria-valuenow', '0');
    await player.getByRole('button', { name: 'Play' }).click();
    await expect(player).toHaveAttribute('data-state', 'playing');
    await expect.poll(() => seconds(player), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await player.getByRole('button', { name: 'Pause' }).click();
    await expect(player).toHaveAttribute('data-state', 'paused');
    const paused = await seconds(player);
    expect(paused).toBeGreaterThanOrEqual(1);
    // Paused means the position stays, however long we look: three animation frames and half a second.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
    await page.waitForTimeout(500);
    expect(await seconds(player)).toBe(paused);
    await expect(player).toHaveAttribute('data-state', 'paused');
    // Restart goes back to 0 and plays: every position the slider shows from now on is recorded, so the
    // check holds even when the machine is slow enough for playback to pass 1 s before we look.
    await slider(player).evaluate((element) => {
      const seen: string[] = [];
      (window as unknown as { seenPositions: string[] }).seenPositions = seen;
      new MutationObserver(() => seen.push(element.getAttribute('aria-valuenow') ?? '')).observe(element, { attributeFilter: ['aria-valuenow'] });
    });
    await player.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { seenPositions: string[] }).seenPositions[0])).toBe('0');
    await expect(player).toHaveAttribute('data-state', 'playing');
  });

  test('seeks with the slider, which speaks its time', async ({ page }) => {
    const player = await openExample(page);
    const seek = slider(player);
    await seek.focus();
    await page.keyboard.press('Home');
    await expect(seek).toHaveAttribute('aria-valuetext', /^0 seconds of \d+ seconds$/);
    await expect(player.locator('.xterm-rows')).not.toContainText('learner');
    await page.keyboard.press('ArrowRight');
    await expect(seek).toHaveAttribute('aria-valuenow', '5');
    await expect(seek).toHaveAttribute('aria-valuetext', /^5 seconds of/);
    await expect(player.locator('.xterm-rows')).toContainText('learner');
    await page.keyboard.press('End');
    await expect(player).toHaveAttribute('data-state', 'ended');
    await expect(player.locator('.xterm-rows')).toContainText('line 3');
    // A click on the bar seeks to that point.
    const box = (await seek.boundingBox())!;
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    await expect(seek).toHaveAttribute('aria-valuenow', '0');
  });

  test('steps through commands and frames from the keyboard', async ({ page }) => {
    const player = await openExample(page);
    const screen = player.getByRole('group', { name: /Terminal/ });
    await screen.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press(']');
    await expect(player.locator('button[data-marker="0"]')).toHaveAttribute('aria-current', 'step');
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await expect(player.locator('button[data-marker="2"]')).toHaveAttribute('aria-current', 'step');
    await expect(player.locator('.xterm-rows')).not.toContainText('echo');
    await page.keyboard.press('[');
    await expect(player.locator('button[data-marker="1"]')).toHaveAttribute('aria-current', 'step');
    // Frame steps: each '.' shows one more keystroke of the `ls` command being typed.
    const rows = player.locator('.xterm-rows');
    await page.keyboard.press('.');
    await expect(rows).toContainText('$ l');
    await page.keyboard.press('.');
    await expect(rows).toContainText('$ ls');
    await page.keyboard.press(',');
    await expect(rows).not.toContainText('$ ls');
    await expect(rows).toContainText('$ l');
    // Clicking a command in the list jumps there.
    await player.getByRole('button', { name: 'ls /no/such/path' }).click();
    await expect(player.locator('button[data-marker="3"]')).toHaveAttribute('aria-current', 'step');
  });

  test('space plays and pauses, ? opens the shortcuts, Tab leaves the terminal', async ({ page }) => {
    const player = await openExample(page);
    const screen = player.getByRole('group', { name: /Terminal/ });
    await screen.focus();
    await page.keyboard.press(' ');
    await expect(player).toHaveAttribute('data-state', 'playing');
    await page.keyboard.press(' ');
    await expect(player).toHaveAttribute('data-state', 'paused');
    await page.keyboard.press('?');
    const sheet = player.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText('Previous or next command');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await screen.focus();
    await page.keyboard.press('Tab');
    await expect(player.getByRole('button', { name: 'Play' })).toBeFocused();
  });

  test('plays faster at a higher speed', async ({ page }) => {
    const player = await openExample(page);
    await player.getByLabel('Speed').selectOption('4');
    await slider(player).focus();
    await page.keyboard.press('Home');
    const started = Date.now();
    await player.getByRole('button', { name: 'Play' }).click();
    // At 1× two seconds of recording take two seconds of wall time, however fast the machine; at 4× half a
    // second. Waiting for the position (not for a fixed time) keeps a busy machine's start-up delay out of it.
    await expect.poll(() => seconds(player), { timeout: 10_000, intervals: [50] }).toBeGreaterThanOrEqual(2);
    const wallMs = Date.now() - started;
    await player.getByRole('button', { name: 'Pause' }).click();
    expect(wallMs).toBeLessThan(2000);
  });

  test('shows the whole output as a transcript', async ({ page }) => {
    const player = await openExample(page);
    await player.getByText('Transcript').click();
    const transcript = player.getByLabel('Transcript');
    await expect(transcript).toContainText('learner:/$ echo "Hello, World!"\nHello, World!');
    await expect(transcript).toContainText('line 1\nline 2\nline 3');
  });

  test('copies the current command', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const player = await openExample(page);
    await player.getByRole('button', { name: 'echo "Hello, World!"' }).click();
    await player.getByRole('button', { name: 'Copy command' }).click();
    await expect(player.getByRole('status')).toHaveText('Copied: echo "Hello, World!"');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('echo "Hello, World!"');
  });

  test('type-along: misses, a hint, a match that plays the real output, and "show me"', async ({ page }) => {
    const player = await openExample(page);
    await slider(player).focus();
    await page.keyboard.press('Home');
    await player.getByLabel('Speed').selectOption('4'); // the recorded typing is real-time; spare the test
    await player.getByRole('button', { name: 'Type along' }).click();
    await expect(player.getByRole('button', { name: 'Type along' })).toHaveAttribute('aria-pressed', 'true');
    const input = player.getByLabel('Type the next command, then press Enter');
    await expect(input).toBeFocused();
    await input.fill('printf hello');
    await input.press('Enter');
    await expect(player.getByRole('status')).toHaveText('Not quite, try again.');
    await expect(player.locator('.replay-hint')).toBeHidden();
    await input.fill('printf again');
    await input.press('Enter');
    await expect(player.locator('.replay-hint')).toHaveText(/^Hint: printf '\\033\[1;32mgreen bold/);
    // "Show me" types the command and runs it: the real output plays, then it waits at the next command.
    await player.getByRole('button', { name: 'Show me' }).click();
    // Typing the command into the field and replaying its recorded keystrokes take seconds by design: wait
    // for the player to stop at the next command (a state), then check what it showed on the way.
    await expect(player.locator('button[data-marker="1"]')).toHaveAttribute('aria-current', 'step', { timeout: 30_000 });
    await expect(player).toHaveAttribute('data-state', 'paused');
    await expect(player.locator('.xterm-rows')).toContainText('green bold red underlined blue');
    await expect(input).toHaveValue('');
    // Whitespace differences do not matter.
    await input.fill('  ls   --color=always -l /usr/share/doc/bash /etc/hostname /usr/bin/env ');
    await input.press('Enter');
    await expect(player.getByRole('status')).toHaveText('Right. Here is what it printed.');
    // The recorded keystrokes and output play in real time (at 4×); wait for the player to stop at the next
    // command, however long a busy machine takes, then check what it showed.
    await expect(player.locator('button[data-marker="2"]')).toHaveAttribute('aria-current', 'step', { timeout: 30_000 });
    await expect(player).toHaveAttribute('data-state', 'paused');
    await expect(player.locator('.xterm-rows')).toContainText('README.Debian.gz');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the terminal scrolls sideways instead of shrinking text below 11 px', async ({ page }) => {
    await page.goto('/replay/');
    const player = example(page);
    const screen = player.getByRole('group', { name: /Terminal/ });
    const posterSize = await player.locator('.replay-poster').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(posterSize).toBeGreaterThanOrEqual(11);
    await player.scrollIntoViewIfNeeded();
    await expect(player).toHaveAttribute('data-upgraded', 'true');
    const rowsSize = await player.locator('.xterm-rows').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(rowsSize).toBeGreaterThanOrEqual(11);
    const overflow = await screen.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeGreaterThan(0); // 80 columns at 11 px do not fit in 360 px: it scrolls
  });
});

test.describe('reduced motion', () => {
  test('does not autoplay and nothing animates', async ({ browser }) => {
    const src = '/replay/?src=/replay/casts/samples/resize-and-clear.cast';
    const still = await browser.newContext({ reducedMotion: 'reduce' });
    const stillPage = await still.newPage();
    await stillPage.goto(src);
    const stillPlayer = stillPage.locator('#opened-player terminal-replay');
    await expect(stillPlayer).toHaveAttribute('data-state', 'ended');
    await stillPage.waitForTimeout(500);
    await expect(stillPlayer).toHaveAttribute('data-state', 'ended');
    // Nothing in the player animates: no blinking cursor, no transitions.
    const animations = await stillPlayer.evaluate((element) => element.getAnimations({ subtree: true }).length);
    expect(animations).toBe(0);
    await still.close();

    const moving = await browser.newContext({ reducedMotion: 'no-preference' });
    const movingPage = await moving.newPage();
    await movingPage.goto(src);
    const movingPlayer = movingPage.locator('#opened-player terminal-replay');
    await expect(movingPlayer).toHaveAttribute('data-state', 'playing');
    await moving.close();
  });
});

test.describe('/replay/ page', () => {
  test('opens a same-origin ?src= recording (v3, with a resize)', async ({ page }) => {
    await page.goto('/replay/?src=/replay/casts/samples/listing.cast');
    const player = page.locator('#opened-player terminal-replay');
    await expect(player.locator('.replay-title')).toHaveText('A long coloured listing (/replay/casts/samples/listing.cast)');
    await player.getByRole('slider', { name: 'Position' }).focus();
    await page.keyboard.press('End');
    await expect(player.locator('.xterm-rows')).toContainText('done');
    await expect(player.getByRole('button', { name: 'echo done' })).toBeVisible();
  });

  test('shows a long linear recording\'s last frame as text as soon as it is downloaded, then the same screen in the terminal', async ({ page }) => {
    const long = longLinear(); // a real recording (the lab's), its events repeated past 2 MB
    // Served without byte ranges (the page's request for the end of the file gets the whole file, and drops it):
    // the frame comes from the whole download.
    await page.route((url) => url.pathname === '/replay/casts/samples/long-listing.cast', (route) => route.fulfill({ body: long, contentType: 'application/x-asciicast' }));
    // What the page showed when the frame went in, before the player had loaded.
    await page.addInitScript(() => {
      const seen: { frame?: string; terminalMade?: boolean; state?: string } = {};
      (window as unknown as { endFrameSeen: typeof seen }).endFrameSeen = seen;
      new MutationObserver(() => {
        const frame = document.querySelector('#opened-player .replay-end-frame');
        if (!frame || seen.frame !== undefined) return;
        seen.frame = frame.textContent;
        seen.terminalMade = document.querySelector('#opened-player .xterm') !== null;
        seen.state = document.querySelector<HTMLElement>('#opened-player terminal-replay')?.dataset['state'] ?? '';
      }).observe(document, { childList: true, subtree: true });
    });
    await page.emulateMedia({ reducedMotion: 'reduce' }); // no autoplay: the loaded player stays at the end
    await page.goto('/replay/?src=/replay/casts/samples/long-listing.cast');
    const player = page.locator('#opened-player terminal-replay');
    await expect(player).toHaveAttribute('data-upgraded', 'true', { timeout: 20_000 });
    await expect(player).not.toHaveAttribute('data-state', 'loading');
    const seen = await page.evaluate(() => (window as unknown as { endFrameSeen: { frame?: string; terminalMade?: boolean; state?: string } }).endFrameSeen);
    expect(seen.state).toBe('loading');
    expect(seen.terminalMade, 'the terminal is made after the frame shows, not while the download goes on').toBe(false);
    // Once loaded, the terminal shows the same screen and the frame is gone.
    await expect(player.locator('.replay-end-frame')).toBeHidden();
    const terminalRows = (await player.locator('.xterm-rows > div').allTextContents()).map((row) => row.replace(/\u00a0/g, ' ').trimEnd());
    while (terminalRows.at(-1) === '') terminalRows.pop();
    const frameRows = (seen.frame ?? '').split('\n').map((row) => row.trimEnd());
    expect(frameRows.length).toBeGreaterThan(5);
    expect(frameRows).toEqual(terminalRows.slice(-frameRows.length));
  });

  /** Serves `text` at `path` as static hosts do: with its length, and its end for `Range: bytes=-N`. */
  async function serveWithRanges(page: Page, path: string, text: string): Promise<void> {
    const bytes = Buffer.from(text);
    await page.route((url) => url.pathname === path, (route) => {
      const suffix = /^bytes=-(\d+)$/.exec(route.request().headers()['range'] ?? '');
      const first = suffix ? Math.max(0, bytes.length - Number(suffix[1])) : 0;
      const headers = { 'content-type': 'application/x-asciicast', 'accept-ranges': 'bytes', 'content-length': String(bytes.length - first) };
      if (!suffix) return route.fulfill({ body: bytes, headers });
      return route.fulfill({ status: 206, body: bytes.subarray(first), headers: { ...headers, 'content-range': `bytes ${first}-${bytes.length - 1}/${bytes.length}` } });
    });
  }

  /**
   * Records each change of the /replay/ player's frame from the start: its kind ('provisional', 'confirmed', or
   * 'none' when there is no frame) and its text.
   */
  async function recordEndFrames(page: Page): Promise<() => Promise<{ kinds: string[]; texts: string[] }>> {
    await page.addInitScript(() => {
      const seen = { kinds: [] as string[], texts: [] as string[] };
      (window as unknown as { endFrames: typeof seen }).endFrames = seen;
      new MutationObserver(() => {
        const player = document.querySelector<HTMLElement>('#opened-player terminal-replay');
        const frame = player?.querySelector('.replay-end-frame');
        if (!player) return;
        const kind = frame instanceof HTMLElement && !frame.hidden ? (player.dataset['endFrame'] ?? '?') : 'none';
        const text = kind === 'none' ? '' : (frame?.textContent ?? '');
        if (kind === (seen.kinds.at(-1) ?? 'none') && text === (seen.texts.at(-1) ?? '')) return;
        seen.kinds.push(kind);
        seen.texts.push(text);
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-end-frame'] });
    });
    return () => page.evaluate(() => (window as unknown as { endFrames: { kinds: string[]; texts: string[] } }).endFrames);
  }

  test('shows the last frame from the end of the file (a Range request) before the whole file is in; the whole file confirms it', async ({ page }) => {
    const long = longLinear();
    await serveWithRanges(page, '/replay/casts/samples/long-listing.cast', long);
    const endFrames = await recordEndFrames(page);
    await page.emulateMedia({ reducedMotion: 'reduce' }); // no autoplay: the loaded player stays at the end
    await page.goto('/replay/?src=/replay/casts/samples/long-listing.cast');
    const player = page.locator('#opened-player terminal-replay');
    await expect(player).toHaveAttribute('data-upgraded', 'true', { timeout: 20_000 });
    await expect(player).not.toHaveAttribute('data-state', 'loading');
    const { kinds, texts } = await endFrames();
    expect(kinds).toEqual(['provisional', 'confirmed', 'none']);
    expect(texts[1], 'the whole file gave the same frame').toBe(texts[0]);
    // And the loaded terminal shows the same screen.
    const terminalRows = (await player.locator('.xterm-rows > div').allTextContents()).map((row) => row.replace(/\u00a0/g, ' ').trimEnd());
    while (terminalRows.at(-1) === '') terminalRows.pop();
    const frameRows = (texts[0] ?? '').replace(/\n+$/, '').split('\n').map((row) => row.trimEnd());
    expect(frameRows.length).toBeGreaterThan(5);
    expect(frameRows).toEqual(terminalRows.slice(-frameRows.length));
  });

  test('takes the frame from the end back when the start of the file turns out not to be linear', async ({ page }) => {
    // A BuildKit build first, then linear events past 600 kB (a frame is read from the end of files over 256 kB:
    // endFrameAfterChars).
    const text = afterABuild(longLinear(600_000));
    await serveWithRanges(page, '/replay/casts/samples/mixed.cast', text);
    const endFrames = await recordEndFrames(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/replay/?src=/replay/casts/samples/mixed.cast');
    const player = page.locator('#opened-player terminal-replay');
    await expect(player).toHaveAttribute('data-upgraded', 'true', { timeout: 20_000 });
    await expect(player).not.toHaveAttribute('data-state', 'loading', { timeout: 20_000 });
    expect((await endFrames()).kinds).toEqual(['provisional', 'none']);
    await expect(player.locator('.replay-end-frame')).toHaveCount(0);
  });

  test('refuses ?src= on another origin and reports a missing file', async ({ page }) => {
    await page.goto('/replay/?src=https://example.org/evil.cast');
    await expect(page.locator('#opened-player').getByRole('alert')).toHaveText(/only opens same-origin URLs/);
    await page.goto('/replay/?src=/replay/casts/samples/no-such.cast');
    await expect(page.locator('#opened-player').getByRole('alert')).toHaveText('Could not load the recording /replay/casts/samples/no-such.cast: HTTP 404.');
    // The example player on the same page still works.
    const player = example(page);
    await player.scrollIntoViewIfNeeded();
    await expect(player).toHaveAttribute('data-upgraded', 'true');
  });

  test('opens a dropped file without uploading it', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.method()));
    await page.goto('/replay/');
    const text = readFileSync(join(fixturesDir, 'hostile.cast'), 'utf8');
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'hostile.cast', { type: 'application/x-asciicast' }));
      return transfer;
    }, text);
    await page.locator('#cast-drop').dispatchEvent('drop', { dataTransfer });
    const player = page.locator('#opened-player terminal-replay');
    await expect(player.locator('.replay-title')).toHaveText('Escape sequences a replay must neutralise (hostile.cast)');
    await player.getByRole('slider', { name: 'Position' }).focus();
    await page.keyboard.press('End');
    await expect(player.locator('.xterm-rows')).toContainText('clipboard');
    // The https link survives as a link; the file: link does not.
    await expect(player.locator('.xterm-rows')).toContainText('web file');
    expect(requests.filter((method) => method !== 'GET')).toEqual([]);
  });

  test('shows a malformed file\'s problem with its line number', async ({ page }) => {
    await page.goto('/replay/');
    const real = readFileSync(join(fixturesDir, 'colours.cast'), 'utf8').split('\n');
    // A real recording cut off in the middle of its fifth line, as an interrupted download would leave it.
    const broken = [...real.slice(0, 4), (real[4] ?? '').slice(0, 12)].join('\n');
    await page.locator('#cast-file').setInputFiles({ name: 'cut.cast', mimeType: 'text/plain', buffer: Buffer.from(broken) });
    await expect(page.locator('#opened-player').getByRole('alert')).toHaveText('cut.cast is not a valid asciicast recording: line 5: not valid JSON.');
  });
});

test.describe('accessibility', () => {
  test('the /replay/ page passes axe with the example upgraded and a file open', async ({ page }) => {
    await page.goto('/replay/?src=/replay/casts/samples/colours.cast');
    await expect(page.locator('#opened-player terminal-replay')).toHaveAttribute('data-upgraded', 'true');
    await openExampleOnPage(page);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('the /replay/ page passes axe in the dark theme, poster and player', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/replay/');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    let results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await openExampleOnPage(page);
    results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});

// One test per built page that holds a player (found in dist/ when the spec loads), so they run in parallel.
// A recording's colours are what axe's contrast rule judges, so every recording is checked once, on the first
// page (lessons before workshop pages) that shows it. Aggregate pages such as the 23-terminal handout repeat
// the lessons' recordings; they check their first player (their own markup around it) and any recording no
// lesson shows, which keeps the run from timing out on a busy machine without losing coverage.
test.describe('accessibility of every page with a player', () => {
  const pagesWithPlayer = existsSync(distDir)
    ? htmlFiles(distDir)
        .map((file) => ({ file, sources: [...readFileSync(file, 'utf8').matchAll(/<terminal-replay[^>]*data-src="([^"]+)"/g)].map((match) => match[1]!) }))
        .filter((page) => page.sources.length > 0)
        .sort((a, b) => Number(a.file.includes('/workshops/')) - Number(b.file.includes('/workshops/')))
    : [];
  const seen = new Set<string>();
  const planned = pagesWithPlayer.map(({ file, sources }) => {
    const fresh = sources.filter((source, index) => index === 0 || !seen.has(source));
    for (const source of sources) seen.add(source);
    return { path: `/${relative(distDir, file).replace(/index\.html$/, '')}`, check: [...new Set(fresh)] };
  });
  test('the built site has pages with players', () => {
    test.skip(!existsSync(distDir), `no built site at ${distDir}`);
    expect(pagesWithPlayer.length).toBeGreaterThan(0);
  });
  for (const { path, check } of planned) {
    test(`${path} passes axe with its players upgraded`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(path);
      // A presenter view shows one slide at a time: open the first slide that holds a terminal.
      const slideWithPlayer = await page.locator('.slide').evaluateAll((slides) => slides.findIndex((slide) => slide.querySelector('terminal-replay[data-src]')) + 1);
      if (slideWithPlayer > 0) await page.goto(`${path}#${String(slideWithPlayer)}`);
      let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
      let checked = 0;
      for (const source of check) {
        const selector = `terminal-replay[data-src="${source}"]`;
        for (const player of await page.locator(selector).all()) {
          if (!(await player.isVisible())) continue; // e.g. on a presenter's slide not shown yet
          await player.scrollIntoViewIfNeeded();
          await expect(player).toHaveAttribute('data-upgraded', 'true', { timeout: 20_000 });
          await expect(player).not.toHaveAttribute('data-state', 'loading', { timeout: 20_000 });
          await expect(player.getByRole('alert')).toBeHidden();
          checked += 1;
        }
        axe = axe.include(selector);
      }
      expect(checked, 'at least one player on the page was upgraded and checked').toBeGreaterThan(0);
      const results = await axe.analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});

async function openExampleOnPage(page: Page): Promise<void> {
  const player = example(page);
  await player.scrollIntoViewIfNeeded();
  await expect(player).toHaveAttribute('data-upgraded', 'true');
}

test.describe('keyframes', () => {
  test('a long build log loads xterm\'s serializer for its keyframes, and seeks back into them', async ({ page }) => {
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) scripts.push(response.url());
    });
    await page.goto('/course/the-single-stage-build/build-and-run/');
    const player = page.locator('terminal-replay[data-src$="go-hello-world/build-single-stage.cast"]').first();
    await player.scrollIntoViewIfNeeded();
    await expect(player).toHaveAttribute('data-upgraded', 'true');
    await expect(player).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
    // BuildKit's progress display moves the cursor: not linear, and over a megabyte, so keyframes are taken.
    expect(scripts.some((url) => /addon-serialize/.test(url))).toBe(true);
    // The start of the third command is the end of the build: a moment restored from a keyframe.
    await player.locator('.replay-commands button[data-marker="2"]').click();
    await expect(player).not.toHaveAttribute('data-state', 'error');
    await expect(player.locator('.xterm-rows')).toContainText('naming to docker.io/library/go-hello-world:single-stage');
  });
});

test.describe('budget', () => {
  test('the replay\'s JS, xterm included, is at most 100 kB gzipped', async ({ page }) => {
    const bodies = new Map<string, Buffer>();
    page.on('response', async (response) => {
      if (response.url().endsWith('.js')) bodies.set(response.url(), await response.body());
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const frame = new Set(bodies.keys());
    await page.goto('/replay/?src=/replay/casts/samples/colours.cast');
    await expect(page.locator('#opened-player terminal-replay')).toHaveAttribute('data-upgraded', 'true');
    await openExampleOnPage(page);
    await page.waitForLoadState('networkidle');
    const replay = [...bodies].filter(([url]) => !frame.has(url));
    const gzipped = replay.reduce((sum, [, body]) => sum + gzipSync(body, { level: 9 }).length, 0);
    test.info().annotations.push({ type: 'replay JS gzipped', description: `${gzipped} bytes in ${replay.length} files` });
    console.log(`replay JS: ${gzipped} bytes gzipped in ${replay.length} files (${replay.map(([url]) => url.split('/').at(-1)).join(', ')})`);
    expect(replay.some(([, body]) => body.includes('xterm'))).toBe(true);
    expect(gzipped).toBeLessThanOrEqual(100_000); // 100 kB; xterm's serializer, for keyframes, comes later if needed
  });

  test('pages without a terminal load none of it', () => {
    test.skip(!existsSync(distDir), `no built site at ${distDir}`);
    const pages = htmlFiles(distDir);
    const withoutTerminal = pages.filter((file) => !readFileSync(file, 'utf8').includes('<terminal-replay'));
    expect(withoutTerminal.length).toBeGreaterThan(0);
    for (const file of withoutTerminal) {
      for (const script of scriptsOf(file)) {
        const code = readFileSync(script, 'utf8');
        // The player's own code: xterm.js, or the element's definition (other scripts may merely name the tag).
        const isReplay = code.includes('xterm') || /customElements\.define\(\s*[`'"]terminal-replay/.test(code);
        expect(isReplay, `${relative(distDir, file)} loads ${relative(distDir, script)}`).toBe(false);
      }
    }
  });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).map((name) => join(dir, name));
}

/** Every JS file a page loads: its module scripts and, recursively, what they import. */
function scriptsOf(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const found = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]+src="(\/[^"]+\.js)"/g), ...html.matchAll(/import\s*(?:[^'"]*from\s*)?["'](\/[^"']+\.js)["']/g)].map((match) => join(distDir, match[1] ?? ''));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (found.has(file) || !existsSync(file)) continue;
    found.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: dynamic import() is what keeps xterm off the page until a player needs it.
    for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{},*\s$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(join(file, '..', match[1] ?? ''));
    }
  }
  return [...found];
}
