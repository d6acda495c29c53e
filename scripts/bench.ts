// `npm run bench`: how long the site takes to build as the course grows, and what Lighthouse thinks of
// its pages. Prints a summary and writes bench-results/<date>-<host>.json.
//
//   npm run bench                      build 0, 100 and 300 generated lessons, then Lighthouse
//   npm run bench -- --only build      build times only      (--sizes 100,300 to choose the sizes)
//   npm run bench -- --only lighthouse Lighthouse only (builds the committed site once)
//   --runs N                           Lighthouse runs per page (default 3); the median run is reported
//   --reports DIR                      also write every Lighthouse run's full JSON report there, to read the audits
//   --working-tree                     measure the files on disk (uncommitted edits included) instead of git HEAD
//
// Everything runs in temporary copies of the project (git HEAD unless --working-tree); the working tree is not touched.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { timeBuild } from './bench/build-time.ts';
import type { BuildTiming } from './bench/build-time.ts';
import { bodyOf, writeGeneratedLessons } from './bench/generate-lessons.ts';
import { categories, runLighthouse, startPreview } from './bench/lighthouse.ts';
import type { LighthouseResult } from './bench/lighthouse.ts';
import { chromiumVersion, describeMachine } from './bench/machine.ts';
import { copyProject } from './bench/project-copy.ts';

const repoRoot = join(import.meta.dirname, '..');
const templateLesson = 'content/lessons/01-why-it-matters/01-introduction.mdx';
const goalSecondsFor100 = 60;

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    sizes: { type: 'string', default: '100,300' },
    port: { type: 'string', default: '4399' },
    runs: { type: 'string', default: '3' },
    reports: { type: 'string' },
    'working-tree': { type: 'boolean', default: false },
  },
});
const only = values.only;
if (only !== undefined && only !== 'build' && only !== 'lighthouse') throw new Error('--only is build or lighthouse');
const sizes = values.sizes.split(',').map((size) => Number.parseInt(size, 10));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--sizes is a list of positive whole numbers');
const lighthouseRuns = Number.parseInt(values.runs, 10);
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1) throw new Error('--runs is a positive whole number');

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

interface BuildRow extends BuildTiming {
  generatedLessons: number;
  secondsPerHundredLessons?: number;
}

/** Builds the committed site plus `generated` lessons; keeps the copy when asked (for Lighthouse). */
async function buildWith(generated: number, keep: boolean): Promise<{ row: BuildRow; root: string; remove: () => void; commit: string }> {
  const copy = copyProject(repoRoot, `${generated}`, { workingTree: values['working-tree'] });
  if (generated > 0) writeGeneratedLessons(copy.root, generated, bodyOf(readFileSync(join(copy.root, templateLesson), 'utf8')));
  log(`building with ${generated} generated lessons in ${copy.root}`);
  try {
    const timing = await timeBuild(copy.root);
    log(`  ${timing.seconds.toFixed(1)} s (${timing.cpuSeconds} s CPU), ${timing.pages} pages`);
    if (!keep) copy.remove();
    return { row: { generatedLessons: generated, ...timing }, root: copy.root, remove: copy.remove, commit: copy.commit };
  } catch (error) {
    copy.remove();
    throw error;
  }
}

/** Landing page, the first lesson without a replay, and the first with one (or /replay/ if none has). */
function lighthousePaths(dist: string): { label: string; path: string }[] {
  const lessons = readdirSync(join(dist, 'course'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /^[^/]+\/[^/]+\/index\.html$/.test(file))
    .sort();
  const hasReplay = (file: string): boolean => readFileSync(join(dist, 'course', file), 'utf8').includes('<terminal-replay');
  const text = lessons.find((file) => !hasReplay(file));
  const replay = lessons.find(hasReplay);
  const toPath = (file: string): string => `/course/${file.replace(/index\.html$/, '')}`;
  return [
    { label: 'landing page', path: '/' },
    ...(text ? [{ label: 'text lesson', path: toPath(text) }] : []),
    replay ? { label: 'lesson with a replay', path: toPath(replay) } : { label: 'replay page (no lesson has a replay yet)', path: '/replay/' },
  ];
}

const machine = describeMachine();
const startedAt = new Date();
log(`${machine.cores} × ${machine.cpu}, load ${machine.loadAverageAtStart}`);

const builds: BuildRow[] = [];
let lighthouseReport: { version: string; browser: string; chromium: string; pages: (LighthouseResult & { label: string })[] } | undefined;
let commit = '';

if (only !== 'lighthouse') {
  // The committed course as it is, then with generated lessons; the baseline is kept for Lighthouse.
  const baseline = await buildWith(0, only === undefined);
  commit = baseline.commit;
  builds.push(baseline.row);
  for (const size of sizes) builds.push((await buildWith(size, false)).row);
  for (const row of builds) {
    if (row.generatedLessons > 0) row.secondsPerHundredLessons = Math.round(((row.seconds - (builds[0]?.seconds ?? 0)) / row.generatedLessons) * 100 * 10) / 10;
  }
  if (only === undefined) lighthouseReport = await lighthouseOn(baseline.root, baseline.remove);
} else {
  const baseline = await buildWith(0, true);
  commit = baseline.commit;
  lighthouseReport = await lighthouseOn(baseline.root, baseline.remove);
}

async function lighthouseOn(root: string, remove: () => void): Promise<NonNullable<typeof lighthouseReport>> {
  const preview = await startPreview(root, Number(values.port));
  try {
    const pages = lighthousePaths(join(root, 'dist'));
    log(`Lighthouse on ${pages.map((page) => page.path).join(', ')}, ${lighthouseRuns} runs each`);
    const { results, version, browser } = await runLighthouse(preview.url, pages.map((page) => page.path), lighthouseRuns, values.reports);
    return { version, browser, chromium: chromiumVersion(), pages: results.map((result, index) => ({ label: pages[index]?.label ?? '', ...result })) };
  } finally {
    preview.stop();
    remove();
  }
}

// ---- report
const lines: string[] = [`Benchmark of ${commit.replace(/^([0-9a-f]{12})[0-9a-f]*/, '$1')} on ${machine.cores} × ${machine.cpu} (${machine.memoryGiB} GiB, load ${machine.loadAverageAtStart} at start), Node ${machine.node}`];
if (builds.length) {
  lines.push('', 'Build time (astro build, cold, in a copy of the committed project; wall-clock depends on other load):');
  for (const row of builds) {
    const extra = row.secondsPerHundredLessons === undefined ? '' : `  (+${row.secondsPerHundredLessons} s per 100 lessons over the committed course)`;
    lines.push(`  ${String(row.generatedLessons).padStart(4)} generated lessons: ${row.seconds.toFixed(1).padStart(6)} s wall, ${row.cpuSeconds.toFixed(1).padStart(6)} s CPU, ${row.pages} pages${extra}`);
  }
  const hundred = builds.find((row) => row.generatedLessons === 100);
  if (hundred) lines.push(`  goal: 100 lessons under ${goalSecondsFor100} s on 2 cores: ${hundred.seconds < goalSecondsFor100 ? 'met' : 'NOT met'}`);
}
if (lighthouseReport) {
  lines.push('', `Lighthouse ${lighthouseReport.version} (${lighthouseReport.chromium}, default mobile profile, simulated throttling; median of ${lighthouseRuns} runs):`);
  for (const page of lighthouseReport.pages) {
    lines.push(`  ${page.label} ${page.path}: ${categories.map((category) => `${category} ${page.scores[category]}`).join(', ')}`);
    const { firstContentfulPaintMs, largestContentfulPaintMs, totalBlockingTimeMs, cumulativeLayoutShift, observedFirstContentfulPaintMs, observedDomContentLoadedMs } = page.metrics;
    lines.push(`    FCP ${Math.round(firstContentfulPaintMs)} ms, LCP ${Math.round(largestContentfulPaintMs)} ms, TBT ${Math.round(totalBlockingTimeMs)} ms, CLS ${cumulativeLayoutShift}`);
    lines.push(`    observed without throttling: first paint ${observedFirstContentfulPaintMs} ms, DOMContentLoaded ${observedDomContentLoadedMs} ms`);
    lines.push(`    performance per run: ${page.runs.map((run) => `${run.performance} (load ${run.loadAverage})`).join(', ')}`);
    for (const finding of page.findings) lines.push(`    - ${finding}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);

const resultsDir = join(repoRoot, 'bench-results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${startedAt.toISOString().slice(0, 16).replace(/[:T]/g, '-')}-${machine.host}.json`);
writeFileSync(file, `${JSON.stringify({ date: startedAt.toISOString(), commit, machine, builds, lighthouse: lighthouseReport }, null, 2)}\n`);
log(`wrote ${file}`);
