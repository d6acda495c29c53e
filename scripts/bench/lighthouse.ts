// Lighthouse against pages of a built site served by `astro preview` on 127.0.0.1, in Debian's Chromium.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseResult {
  path: string;
  scores: Record<(typeof categories)[number], number>;
  /** Audits that scored below 1, with Lighthouse's title: what to fix. */
  findings: string[];
  metrics: { firstContentfulPaintMs: number; largestContentfulPaintMs: number; totalBlockingTimeMs: number; cumulativeLayoutShift: number };
}

const chromiumFlags = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts `astro preview` for the copy's dist/ and resolves once it answers. */
export async function startPreview(root: string, port: number): Promise<{ url: string; stop(): void }> {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child: ChildProcess = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`astro preview did not answer on ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, stop: () => child.kill() };
}

export async function runLighthouse(baseUrl: string, paths: string[]): Promise<{ results: LighthouseResult[]; version: string; browser: string }> {
  const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: chromiumFlags });
  try {
    const results: LighthouseResult[] = [];
    let version = '';
    let browser = '';
    for (const path of paths) {
      const runner = await lighthouse(`${baseUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      if (!runner) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = runner;
      version = lhr.lighthouseVersion;
      browser = lhr.environment.hostUserAgent;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not test ${path}: ${lhr.runtimeError.message}`);
      const score = (category: (typeof categories)[number]): number => Math.round((lhr.categories[category]?.score ?? 0) * 100);
      const findings = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'manual')
        .map((audit) => `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      const numeric = (id: string): number => Math.round((lhr.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
      results.push({
        path,
        scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
        findings,
        metrics: {
          firstContentfulPaintMs: numeric('first-contentful-paint'),
          largestContentfulPaintMs: numeric('largest-contentful-paint'),
          totalBlockingTimeMs: numeric('total-blocking-time'),
          cumulativeLayoutShift: numeric('cumulative-layout-shift'),
        },
      });
    }
    return { results, version, browser };
  } finally {
    chrome.kill();
  }
}
