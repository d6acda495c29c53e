import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against the built site served by `astro preview` on loopback. Debian's Chromium is used
 * where it is installed (browser downloads are not possible on the course's build machines); elsewhere
 * Playwright's own Chromium.
 */
const debianChromium = '/usr/bin/chromium';
const port = Number(process.env['PREVIEW_PORT'] ?? 4327);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'dist/**/*.spec.ts'],
  fullyParallel: true,
  // Two workers match the two cores of the CI machine.
  ...(process.env['CI'] ? { workers: 2 } : {}),
  forbidOnly: Boolean(process.env['CI']),
  // One retry on CI only: a few replay tests depend on animation timing that a loaded 2-core machine can
  // stretch. Playwright still lists a test that needed the retry as flaky, so it stays visible.
  retries: process.env['CI'] ? 1 : 0,
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
      // Without these Chromium keeps trying to reach Google's services, which a closed network refuses.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // --ignore-lock: run in the foreground even when another preview of this folder is up (Astro otherwise
    // refuses, or backgrounds itself when it detects an automated caller).
    command: `npx astro preview --host 127.0.0.1 --port ${port} --ignore-lock`,
    url: baseURL,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
