// Builds the site's own image (the top-level Dockerfile) and checks it the way a learner would use it: it
// serves the landing page and a lesson over 127.0.0.1 with the security headers, answers 404 with the site's
// page, runs as nonroot and has no shell. For the lab (`npm run lab` / `test:lab`) to call, and runnable alone:
//
//   node deploy/site-image.ts [--tag lean-containers-site:latest] [--no-build] [--port 18080]
//
// Uses the docker client and DOCKER_HOST of the environment. The build runs with --network=host because
// `npm ci` needs the npm registry (an engine started with --bridge=none has no other network to offer).
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { run } from '../src/lab/exec.ts';

export interface SiteImageReport {
  tag: string;
  sizeBytes: number;
  user: string;
  buildSeconds?: number;
  fetched: string[];
  problems: string[];
}

const repoRoot = join(import.meta.dirname, '..');

export async function buildSiteImage(tag: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const result = await run('docker', ['build', '--network=host', '-t', tag, repoRoot], { env, timeoutMs: 30 * 60_000 });
  return Math.round(result.seconds * 10) / 10;
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Problems with one response: status, type and the headers every response must carry. */
export function responseProblems(path: string, response: { status: number; headers: Headers }, wantStatus: number, wantType: string): string[] {
  const problems: string[] = [];
  const header = (name: string): string => response.headers.get(name) ?? '';
  if (response.status !== wantStatus) problems.push(`${path}: status ${response.status}, want ${wantStatus}`);
  if (!header('content-type').startsWith(wantType)) problems.push(`${path}: Content-Type "${header('content-type')}", want ${wantType}`);
  if (header('x-content-type-options') !== 'nosniff') problems.push(`${path}: no X-Content-Type-Options: nosniff`);
  if (!header('content-security-policy').includes("frame-ancestors 'none'")) problems.push(`${path}: no CSP frame-ancestors 'none'`);
  if (!header('strict-transport-security').startsWith('max-age=')) problems.push(`${path}: no Strict-Transport-Security`);
  if (!header('referrer-policy')) problems.push(`${path}: no Referrer-Policy`);
  if (!header('permissions-policy')) problems.push(`${path}: no Permissions-Policy`);
  return problems;
}

export async function checkSiteImage(tag: string, port: number, env: NodeJS.ProcessEnv = process.env): Promise<SiteImageReport> {
  const problems: string[] = [];
  const fetched: string[] = [];
  const [inspected] = JSON.parse((await run('docker', ['image', 'inspect', tag], { env })).stdout) as { Size: number; Config: { User?: string } }[];
  if (!inspected) throw new Error(`no image ${tag}`);
  const user = inspected.Config.User ?? '';
  if (user !== '65532' && user !== 'nonroot' && user !== '65532:65532') problems.push(`runs as "${user || 'root'}", want nonroot (65532)`);

  const shell = await run('docker', ['run', '--rm', '--network=none', '--entrypoint', 'sh', tag], { env, check: false });
  if (shell.exitCode === 0) problems.push('the image has a shell (sh ran)');

  // Host networking and a loopback address: works on engines without a bridge, and nothing listens outside.
  const base = `http://127.0.0.1:${port}`;
  const started = await run('docker', ['run', '-d', '--rm', '--network=host', tag, '-addr', `127.0.0.1:${port}`], { env });
  const container = started.stdout.trim();
  try {
    await waitForServer(`${base}/`, 20_000);
    const get = async (path: string, wantStatus: number, wantType: string): Promise<string> => {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' });
      fetched.push(`${path} ${response.status}`);
      problems.push(...responseProblems(path, response, wantStatus, wantType));
      return response.text();
    };
    const landing = await get('/', 200, 'text/html');
    if (!landing.includes('http-equiv="content-security-policy"')) problems.push('/: no CSP meta element');
    const sitemap = await get('/sitemap-0.xml', 200, 'application/xml');
    const lesson = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '/').pathname).find((path) => /^\/course\/[^/]+\/[^/]+\/$/.test(path));
    if (!lesson) problems.push('the sitemap lists no lesson');
    else if (!(await get(lesson, 200, 'text/html')).includes('<main')) problems.push(`${lesson}: no <main>`);
    const missing = await get('/no/such/page/', 404, 'text/html');
    if (!/not found/i.test(missing)) problems.push('/no/such/page/: not the site\'s 404 page');
    await get('/pagefind/pagefind.js', 200, 'text/javascript');
    await get('/_headers', 404, 'text/html');
  } finally {
    await run('docker', ['stop', '--time', '2', container], { env, check: false });
  }
  return { tag, sizeBytes: inspected.Size, user, fetched, problems };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { tag: { type: 'string', default: 'lean-containers-site:latest' }, 'no-build': { type: 'boolean', default: false }, port: { type: 'string', default: '18080' } } });
  const buildSeconds = values['no-build'] ? undefined : await buildSiteImage(values.tag);
  const report = await checkSiteImage(values.tag, Number(values.port));
  process.stdout.write(`${JSON.stringify({ ...report, ...(buildSeconds === undefined ? {} : { buildSeconds }) }, null, 2)}\n`);
  process.exitCode = report.problems.length ? 1 : 0;
}
