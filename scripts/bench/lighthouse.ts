// Lighthouse against pages of a built site served by `astro preview` on 127.0.0.1, in Debian's Chromium.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { launch } from 'chrome-launcher';

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseResult {
  path: string;
  scores: Record<(typeof categories)[number], number>;
  /** Audits that scored below 1, with Lighthouse's title: what to fix. */
  findings: string[];
  metrics: {
    firstContentfulPaintMs: number;
    largestContentfulPaintMs: number;
    totalBlockingTimeMs: number;
    cumulativeLayoutShift: number;
    /**
     * When this (unthrottled) browser really painted first. The simulated metrics count every request and task
     * before it, so a late first paint (headless Chromium can hold frames back for a second while a page keeps
     * the main thread busy) inflates them: compare it with the DOMContentLoaded time beside it.
     */
    observedFirstContentfulPaintMs: number;
    observedDomContentLoadedMs: number;
  };
  /**
   * Every run's performance score and the machine's 1-minute load average when it started. The scores and
   * findings above are those of the median run by performance score: on a shared machine one run says more
   * about the neighbours than about the page.
   */
  runs: { performance: number; loadAverage: number }[];
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

/** The run with the median performance score (the lower middle one for an even count). */
function medianRun(reports: Result[]): Result {
  const sorted = [...reports].sort((a, b) => (a.categories['performance']?.score ?? 0) - (b.categories['performance']?.score ?? 0));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('no Lighthouse run to choose from');
  return median;
}

export async function runLighthouse(
  baseUrl: string,
  paths: string[],
  runsPerPage = 1,
  reportsDir?: string,
): Promise<{ results: LighthouseResult[]; version: string; browser: string }> {
  const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: chromiumFlags });
  try {
    const results: LighthouseResult[] = [];
    let version = '';
    let browser = '';
    for (const path of paths) {
      const runs: { lhr: Result; loadAverage: number }[] = [];
      for (let run = 0; run < runsPerPage; run += 1) {
        const loadAverage = Math.round((loadavg()[0] ?? 0) * 100) / 100;
        const runner = await lighthouse(`${baseUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
        if (!runner) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (runner.lhr.runtimeError) throw new Error(`Lighthouse could not test ${path}: ${runner.lhr.runtimeError.message}`);
        runs.push({ lhr: runner.lhr, loadAverage });
        if (reportsDir !== undefined) {
          // One file per run, named after the page, so the audits behind a score can be read afterwards.
          mkdirSync(reportsDir, { recursive: true });
          const name = `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'index'}.run${run + 1}.json`;
          writeFileSync(resolve(reportsDir, name), JSON.stringify(runner.lhr));
        }
      }
      const lhr = medianRun(runs.map((run) => run.lhr));
      version = lhr.lighthouseVersion;
      browser = lhr.environment.hostUserAgent;
      const scoreOf = (report: Result, category: (typeof categories)[number]): number => Math.round((report.categories[category]?.score ?? 0) * 100);
      const score = (category: (typeof categories)[number]): number => scoreOf(lhr, category);
      const findings = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'manual')
        .map((audit) => `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      const observedMetrics = (lhr.audits['metrics']?.details as { items?: Record<string, number>[] } | undefined)?.items?.[0] ?? {};
      const observed = (name: string): number => Math.round(observedMetrics[name] ?? Number.NaN);
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
          observedFirstContentfulPaintMs: observed('observedFirstContentfulPaint'),
          observedDomContentLoadedMs: observed('observedDomContentLoaded'),
        },
        runs: runs.map((run) => ({ performance: scoreOf(run.lhr, 'performance'), loadAverage: run.loadAverage })),
      });
    }
    return { results, version, browser };
  } finally {
    chrome.kill();
  }
}
