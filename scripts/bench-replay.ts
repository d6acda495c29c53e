// Benchmark: this site's replay against asciinema-player, in headless Chromium, one run each, same file.
//   npm run bench:replay [-- --gzip] [-- --profile] [-- --trace] [-- --runs N]
// `--runs N`: N rounds, ours and asciinema-player alternately in each, each in a fresh page; the table shows
// the medians (and every round's load times), as one run on a shared machine says as much about the neighbours.
// `--trace`: also records a Chromium trace of our load (written next to the recording, opens in DevTools) and
// lists the main thread's longer tasks.
// `--profile`: also records a CPU profile of our load (Chromium's profiler through CDP, unminified bundle),
// writes it next to the recording (.cpuprofile, opens in DevTools) and prints the functions with most self time.
// 1. Load a real ~8 MB / 60,000-line recording (`find /usr -ls | head -n 60000` through `asciinema rec`,
//    made by tests/fixtures/casts/record-large.ts when missing) and show its last frame.
// 2. Seek to the same 20 random points (seeded) in each player.
// Times include fetching from a loopback server (each page makes one small warm-up request first), parsing and
// rendering (up to the next animation frame after the player says it is done). Ours has two times: the last
// frame drawn (from the end of the file when the output is linear, raw-linear.ts) and ready to seek (parsed).
// Our player runs the /replay/ page's own code, mount() from player-ui.ts: the download read for its last frame
// (end-frame-download.ts), shown as text, then the terminal made and the rest parsed (fetchRecording).
// Prints a table and writes JSON next to the recording. Not a test: no thresholds.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { defaultLargeCast, recordLarge } from '../tests/fixtures/casts/record-large.ts';
import { seededRandom } from '../src/lib/seeded-random.ts';

const root = resolve(import.meta.dirname, '..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const { values: flags, positionals } = parseArgs({
  options: { gzip: { type: 'boolean' }, profile: { type: 'boolean' }, trace: { type: 'boolean' }, runs: { type: 'string' } },
  allowPositionals: true,
});
const castPath = positionals[0] ?? defaultLargeCast;
if (!existsSync(castPath)) {
  console.log(`recording ${castPath} with asciinema…`);
  await recordLarge(castPath);
}
const castText = readFileSync(castPath, 'utf8');
const castLines = castText.split('\n').filter((line) => line.startsWith('[')).length;
const outputLines = castText.split('\\r\\n').length - 1;

// Our player, bundled the way the site uses it (player UI, parser, driver, xterm sink, xterm CSS).
const work = mkdtempSync(join(tmpdir(), 'bench-replay-'));
const entry = join(work, 'ours-entry.ts');
writeFileSync(
  entry,
  `import { mount } from ${JSON.stringify(join(root, 'src/components/internal/replay/player-ui.ts'))};
import { requestTail } from ${JSON.stringify(join(root, 'src/lib/replay/tail-request.ts'))};
const frames = () => new Promise((done) => requestAnimationFrame(done));
let player, mounted;
const root = document.querySelector('.replay');
const terminalText = () => {
  const rows = [...root.querySelectorAll('.xterm-rows > div')].map((row) => row.textContent.trimEnd());
  while (rows.length > 0 && rows.at(-1) === '') rows.pop();
  return rows.join('\\n');
};
// The /replay/ page's own code (open-recording.ts, player-ui.ts): the download is read for a long linear
// recording's last frame, from the end of the file (end-frame-download.ts); the page shows it as text, then
// makes the terminal and parses the rest. Timed: the last frame on screen (the next animation frame after it
// is put in), and ready to seek (the player loaded).
window.benchLoad = async (url) => {
  const start = performance.now();
  let endFrameAt, endFrameText, endFrameKind, confirmedAt;
  const shown = new MutationObserver(() => {
    if (root.dataset.endFrame === 'confirmed') confirmedAt ??= performance.now();
    const frame = root.querySelector('.replay-end-frame');
    if (!frame || endFrameText !== undefined) return;
    endFrameText = frame.textContent.replace(/\\n+$/, '');
    endFrameKind = root.dataset.endFrame;
    requestAnimationFrame(() => (endFrameAt ??= performance.now()));
  });
  shown.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-end-frame'] });
  // As open-recording.ts starts them: the end of the file first, then the whole file.
  const tail = requestTail(url);
  mounted = await mount(root, { name: url, tail, started: fetch(url) });
  shown.disconnect();
  player = mounted.player;
  await frames();
  const ready = performance.now();
  return {
    ms: (endFrameAt ?? ready) - start,
    readyMs: ready - start,
    endFrameMatches: endFrameAt === undefined ? undefined : endFrameText === terminalText(),
    durationSeconds: player.durationMs / 1000, keyframes: player.keyframeCount,
    ...(endFrameAt === undefined ? {} : { phases: { [\`end frame drawn (\${endFrameKind})\`]: endFrameAt - start, ...(confirmedAt === undefined ? {} : { 'confirmed by the whole file': confirmedAt - start }), 'ready to seek': ready - start } }),
  };
};
window.benchSeek = async (seconds) => {
  const start = performance.now();
  await player.seek(seconds * 1000);
  await frames();
  return performance.now() - start;
};
window.benchLastLine = () => terminalText().split('\\n').at(-1).trim();
`,
);
const profile = flags.profile === true;
// The site's bundler (Vite) turns `file.css?inline` into the file's text; esbuild needs telling.
const cssAsText: Plugin = {
  name: 'css-as-text',
  setup(bundler) {
    bundler.onResolve({ filter: /\.css\?inline$/ }, ({ path }) => ({ path: requireFromRoot.resolve(path.replace(/\?inline$/, '')), namespace: 'css-as-text' }));
    bundler.onLoad({ filter: /.*/, namespace: 'css-as-text' }, ({ path }) => ({ contents: readFileSync(path, 'utf8'), loader: 'text' }));
  },
};
await build({ entryPoints: [entry], bundle: true, minify: !profile, format: 'esm', outdir: work, entryNames: 'ours', logLevel: 'error', plugins: [cssAsText] });

const asciinemaDir = join(root, 'node_modules/asciinema-player/dist/bundle');
const asciinemaVersion = (JSON.parse(readFileSync(join(root, 'node_modules/asciinema-player/package.json'), 'utf8')) as { version: string }).version;
const pages: Record<string, string> = {
  // The player's markup as PlayerShell.astro renders it on /replay/ (the parts the player's code looks for).
  '/ours.html': `<!doctype html><meta charset="utf-8"><div class="replay" style="--cols: 80"><div class="replay-screen" tabindex="0"></div><div class="replay-controls" hidden></div></div><script type="module" src="/ours.js"></script>`,
  '/asciinema.html': `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/asciinema-player.css"><div id="player"></div>
<script src="/asciinema-player.min.js"></script>
<script>
const frames = () => new Promise((done) => requestAnimationFrame(done));
let player;
window.benchLoad = async (url) => {
  const start = performance.now();
  player = AsciinemaPlayer.create(url, document.getElementById('player'), { preload: true, cursorMode: 'steady' });
  await player.seek('100%');
  await frames();
  // Its last frame and its readiness to seek are the same moment.
  return { ms: performance.now() - start, readyMs: performance.now() - start, durationSeconds: player.getDuration() };
};
window.benchSeek = async (seconds) => {
  const start = performance.now();
  await player.seek(seconds);
  await frames();
  return performance.now() - start;
};
window.benchLastLine = () => {
  const lines = [...document.querySelectorAll('.ap-line')].map((line) => line.textContent.trim()).filter(Boolean);
  return lines.at(-1) ?? '';
};
</script>`,
};
// The floor: the same download read to its end and nothing else, in its own fresh page. Neither player can
// show the last frame sooner than this (both need the whole file), so it puts the ratio in context.
pages['/download.html'] = `<!doctype html><meta charset="utf-8"><script>
window.benchDownload = async (url) => {
  const start = performance.now();
  const reader = (await fetch(url)).body.getReader();
  for (;;) if ((await reader.read()).done) break;
  return performance.now() - start;
};
</script>`;
const files: Record<string, string> = {
  '/ours.js': join(work, 'ours.js'),
  '/asciinema-player.min.js': join(asciinemaDir, 'asciinema-player.min.js'),
  '/asciinema-player.css': join(asciinemaDir, 'asciinema-player.css'),
  '/recording.cast': castPath,
};
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.cast': 'application/x-asciicast' };
// `--gzip`: serve the recording gzip-compressed, as static hosts and CDNs serve text; both players get the same
// bytes. Without it, the recording goes out as is (8 MB through the browser's network stack for both).
const gzipped = flags.gzip === true ? gzipSync(readFileSync(castPath)) : undefined;
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const page = pages[path];
  const file = files[path];
  if (path === '/recording.cast' && gzipped && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
    response.writeHead(200, { 'content-type': types['.cast'] ?? '', 'content-encoding': 'gzip', 'content-length': gzipped.length }).end(gzipped);
  } else if (path === '/warm-up') response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  else if (page) response.writeHead(200, { 'content-type': 'text/html' }).end(page);
  else if (file && existsSync(file)) {
    // As static hosts serve files: with their length (Node would otherwise send them chunked), a validator, and
    // byte ranges (`Range: bytes=first-last`, `first-` or `-suffix`, honoured when `If-Range` is absent or matches).
    const body = readFileSync(file);
    const etag = `"${body.length}-${statSync(file).mtimeMs}"`;
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes', etag };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    const ifRange = request.headers['if-range'];
    const [first, last] = !range
      ? [0, -1]
      : range[1] === '' // a suffix: the last N bytes
        ? [Math.max(0, body.length - Number(range[2])), body.length - 1]
        : [Number(range[1]), range[2] === '' ? body.length - 1 : Math.min(Number(range[2]), body.length - 1)];
    if (range && (ifRange === undefined || ifRange === etag) && first <= last) {
      const part = body.subarray(first, last + 1);
      response.writeHead(206, { ...headers, 'content-range': `bytes ${first}-${last}/${body.length}`, 'content-length': part.length }).end(part);
    } else response.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
  }
  else response.writeHead(404).end();
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;


const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
interface Result { loadMs: number; readyMs: number; endFrameMatches?: boolean | undefined; durationSeconds: number; seeksMs: number[]; lastLine: string; keyframes?: number }
async function run(name: 'ours' | 'asciinema', points?: number[]): Promise<Result & { points: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => console.error(`${name}: ${error.message}`));
  await page.goto(`${base}/${name}.html`);
  // The same small request first in both pages, so neither pays for a cold connection in the timed load
  // (ours used to run first in a fresh browser and paid for it alone).
  await page.evaluate(async (url) => (await fetch(url)).text(), `${base}/warm-up`);
  const profiler = profile && name === 'ours' ? await page.context().newCDPSession(page) : undefined;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
    await profiler.send('Profiler.start');
  }
  const tracing = flags.trace === true && name === 'ours';
  if (tracing) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'] });
  const loaded = await page.evaluate((url) => (window as unknown as { benchLoad(url: string): Promise<{ ms: number; readyMs: number; endFrameMatches?: boolean; durationSeconds: number; keyframes?: number; phases?: Record<string, number> }> }).benchLoad(url), `${base}/recording.cast`);
  if (profiler) printProfile((await profiler.send('Profiler.stop')).profile);
  if (tracing) printTrace(JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] });
  if (loaded.phases) console.log(`${name} phases: ${Object.entries(loaded.phases).map(([phase, value]) => `${phase} ${value.toFixed(1)} ms`).join(', ')}`);
  const lastLine = await page.evaluate(() => (window as unknown as { benchLastLine(): string }).benchLastLine());
  const random = seededRandom(20261127); // the same 20 points for both players, and for every run
  const targets = points ?? Array.from({ length: 20 }, () => Math.round(random() * loaded.durationSeconds * 1000) / 1000);
  const seeksMs: number[] = [];
  for (const seconds of targets) seeksMs.push(await page.evaluate((at) => (window as unknown as { benchSeek(at: number): Promise<number> }).benchSeek(at), seconds));
  await page.close();
  return { loadMs: loaded.ms, readyMs: loaded.readyMs, endFrameMatches: loaded.endFrameMatches, durationSeconds: loaded.durationSeconds, seeksMs, lastLine, points: targets, ...(loaded.keyframes === undefined ? {} : { keyframes: loaded.keyframes }) };
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
/** Self time per function (sampled), the top 25, and the whole profile written beside the recording. */
function printProfile(data: { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] }): void {
  writeFileSync(`${castPath}.cpuprofile`, JSON.stringify(data));
  const byNode = new Map(data.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = data.samples ?? [];
  samples.forEach((id, index) => {
    const node = byNode.get(id);
    if (!node) return;
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (data.timeDeltas?.[index + 1] ?? 0) / 1000);
  });
  const total = (data.endTime - data.startTime) / 1000;
  console.log(`profile (${total.toFixed(0)} ms sampled, ${castPath}.cpuprofile):`);
  for (const [key, value] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${value.toFixed(1).padStart(7)} ms  ${key}`);
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { data?: { url?: string; functionName?: string } } }
/** `--trace`: the renderer main thread's tasks of 3 ms or more during our load, in order, with what ran longest inside each. */
function printTrace(trace: { traceEvents: TraceEvent[] }): void {
  writeFileSync(`${castPath}.trace.json`, JSON.stringify(trace));
  const events = trace.traceEvents;
  const main = events.find((event) => event.name === 'thread_name' && (event.args as { name?: string } | undefined)?.name === 'CrRendererMain');
  const onMain = events.filter((event) => main && event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined);
  const tasks = onMain.filter((event) => event.name === 'RunTask' && (event.dur ?? 0) >= 3000);
  const start = tasks[0]?.ts ?? 0;
  console.log(`trace (${castPath}.trace.json): main-thread tasks of 3 ms or more`);
  for (const task of tasks) {
    const inside = onMain.filter((event) => event !== task && event.ts >= task.ts && event.ts < task.ts + (task.dur ?? 0) && event.name !== 'RunTask');
    const top = inside.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 3).map((event) => `${event.name}${event.args?.data?.functionName ? `(${event.args.data.functionName})` : ''} ${((event.dur ?? 0) / 1000).toFixed(1)}`);
    console.log(`  +${((task.ts - start) / 1000).toFixed(0).padStart(4)} ms  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${top.join(', ')}`);
  }
}

async function downloadAlone(): Promise<number> {
  const page = await browser.newPage();
  await page.goto(`${base}/download.html`);
  await page.evaluate(async (url) => (await fetch(url)).text(), `${base}/warm-up`);
  const ms = await page.evaluate((url) => (window as unknown as { benchDownload(url: string): Promise<number> }).benchDownload(url), `${base}/recording.cast`);
  await page.close();
  return ms;
}

const rounds = Math.max(1, Math.floor(Number(flags.runs ?? 1)) || 1);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const downloads: number[] = [];
const oursRounds: Awaited<ReturnType<typeof run>>[] = [];
const theirRounds: Awaited<ReturnType<typeof run>>[] = [];
for (let round = 0; round < rounds; round++) {
  downloads.push(await downloadAlone());
  const oursNow = await run('ours');
  oursRounds.push(oursNow);
  theirRounds.push(await run('asciinema', oursNow.points));
  if (rounds > 1) console.log(`round ${round + 1}: last frame ours ${(oursNow.loadMs).toFixed(1)} ms, asciinema-player ${(theirRounds.at(-1)?.loadMs ?? NaN).toFixed(1)} ms`);
}
await browser.close();
server.close();
const downloadMs = median(downloads);
/** The round whose load time is the median, with the medians of every round's times. */
const summarised = (results: typeof oursRounds): (typeof oursRounds)[number] => {
  const loadMs = median(results.map((result) => result.loadMs));
  const middle = [...results].sort((a, b) => Math.abs(a.loadMs - loadMs) - Math.abs(b.loadMs - loadMs))[0] as (typeof results)[number];
  return { ...middle, loadMs, readyMs: median(results.map((result) => result.readyMs)), seeksMs: middle.seeksMs };
};
const ours = summarised(oursRounds);
const theirs = summarised(theirRounds);

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, mean: values.reduce((a, b) => a + b, 0) / values.length };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const oursSeeks = stats(ours.seeksMs);
const theirSeeks = stats(theirs.seeksMs);
const summary = {
  recording: { path: castPath, bytes: statSync(castPath).size, events: castLines, outputLines, durationSeconds: ours.durationSeconds, servedGzipBytes: gzipped?.length },
  chromium: browser.version(),
  asciinemaPlayer: asciinemaVersion,
  rounds: { count: rounds, oursLastFrameMs: oursRounds.map((result) => result.loadMs), asciinemaMs: theirRounds.map((result) => result.loadMs), oursReadyMs: oursRounds.map((result) => result.readyMs), downloadAloneMs: downloads },
  lastFrame: {
    downloadAloneMs: downloadMs, oursMs: ours.loadMs, asciinemaMs: theirs.loadMs, speedup: theirs.loadMs / ours.loadMs,
    oursShownFromTheEnd: ours.endFrameMatches !== undefined, oursEndFrameMatchesLoaded: ours.endFrameMatches,
    oursLastLine: ours.lastLine, asciinemaLastLine: theirs.lastLine,
  },
  readyToSeek: { oursMs: ours.readyMs, asciinemaMs: theirs.readyMs, speedup: theirs.readyMs / ours.readyMs },
  seeks: { points: ours.points, oursMs: ours.seeksMs, asciinemaMs: theirs.seeksMs, ours: oursSeeks, asciinema: theirSeeks, oursUnder50: ours.seeksMs.filter((value) => value < 50).length },
  keyframes: ours.keyframes,
};
writeFileSync(`${castPath}${gzipped ? '.gzip' : ''}.bench.json`, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`recording: ${summary.recording.bytes} bytes, ${castLines} events, ${outputLines} output lines, ${ours.durationSeconds.toFixed(2)} s; served ${gzipped ? `gzip-compressed (${gzipped.length} bytes)` : 'uncompressed'}`);
console.log(`Chromium ${summary.chromium}; asciinema-player ${asciinemaVersion}; our keyframes: ${ours.keyframes}`);
console.log(`${rounds > 1 ? `medians of ${rounds} rounds; ` : ""}last frame:  ours ${ms(ours.loadMs)}   asciinema-player ${ms(theirs.loadMs)}   → ${summary.lastFrame.speedup.toFixed(2)}× faster`);
if (ours.endFrameMatches !== undefined) {
  console.log(`  ours drawn from the end of the file while the rest was parsed; same screen as after the full load: ${ours.endFrameMatches ? 'yes' : 'NO'}`);
}
console.log(`ready to seek: ours ${ms(ours.readyMs)}   asciinema-player ${ms(theirs.readyMs)}   → ${summary.readyToSeek.speedup.toFixed(2)}× faster`);
console.log(`  the download alone (same file, nothing done with it): ${ms(downloadMs)}`);
console.log(`  last line, ours:      ${ours.lastLine}`);
console.log(`  last line, asciinema: ${theirs.lastLine}`);
console.log(`20 seeks:    ours median ${ms(oursSeeks.median)}, p95 ${ms(oursSeeks.p95)}, max ${ms(oursSeeks.max)}   asciinema-player median ${ms(theirSeeks.median)}, p95 ${ms(theirSeeks.p95)}, max ${ms(theirSeeks.max)}`);
console.log(`             ratio of means ${(theirSeeks.mean / oursSeeks.mean).toFixed(2)}×; ours under 50 ms: ${summary.seeks.oursUnder50}/20`);
console.log(`details: ${castPath}${gzipped ? '.gzip' : ''}.bench.json`);
