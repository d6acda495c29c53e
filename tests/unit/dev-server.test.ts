import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The README's first command is `npm run dev`: the development server must render every kind of page,
// including lessons whose replay posters are computed with xterm's (CommonJS) headless terminal.
const root = join(import.meta.dirname, '../..');
const port = 4398 + Math.floor(Math.random() * 100);
const pages = ['/', '/course/anatomy-of-an-image/layers-and-base-images/', '/self-check/security/'];

/** Fetches once the server answers; while it starts it refuses connections, then answers 404 until its routes are ready. */
async function fetchWhenUp(url: string, deadline: number): Promise<Response> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status !== 404 || Date.now() > deadline) return response;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

it('npm run dev serves the landing page, a lesson with a replay and a quiz page', async () => {
  // --ignore-lock keeps Astro in the foreground (it backgrounds itself when it detects an automated caller).
  // process.execPath: the project's Node 24 that runs the tests (the astro launcher would take the first `node` on PATH).
  const server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: root,
    stdio: 'ignore',
    // Without vitest's own variables: Astro and Vite behave differently when they think a test runner hosts them.
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST')),
  });
  try {
    const deadline = Date.now() + 90_000;
    for (const page of pages) {
      const response = await fetchWhenUp(`http://127.0.0.1:${port}${page}`, deadline);
      const html = await response.text();
      expect(response.status, page).toBe(200);
      expect(html, page).toContain('<main');
    }
  } finally {
    server.kill();
  }
}, 150_000);
