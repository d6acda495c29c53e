// Checks the site image the way a learner uses it: it runs as nonroot with no shell, serves the landing page and
// a lesson over 127.0.0.1 with the security headers, answers 404 with the site's page, and hides _headers.
import { randomBytes } from 'node:crypto';
import { run } from '../exec.ts';
import { freeLoopbackPort } from '../loopback-port.ts';

export interface SiteImageCheck {
  /** "path status" of every request made. */
  fetched: string[];
  problems: string[];
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

/** The first lesson page (/course/<chapter>/<lesson>/) a sitemap lists, as a path. */
export function firstLessonPath(sitemapXml: string): string | undefined {
  return [...sitemapXml.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((match) => new URL(match[1] ?? '/', 'http://localhost/').pathname)
    .find((path) => /^\/course\/[^/]+\/[^/]+\/$/.test(path));
}

/** A problem when the configured user is not distroless's nonroot (65532). */
export function userProblem(user: string): string | undefined {
  return ['65532', 'nonroot', '65532:65532', 'nonroot:nonroot'].includes(user) ? undefined : `runs as "${user || 'root'}", want nonroot (65532)`;
}

/** `docker run` of the server on the host's network, listening on a loopback address only. */
export function serveArgs(tag: string, name: string, port: number): string[] {
  return ['run', '--detach', '--name', name, '--network=host', tag, '-addr', `127.0.0.1:${port}`];
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

/** Runs the checks; starts one container and removes it (by the name it gave it) whatever happens. */
export async function checkSiteImage(tag: string, env: NodeJS.ProcessEnv, port?: number): Promise<SiteImageCheck> {
  const problems: string[] = [];
  const fetched: string[] = [];
  const [inspected] = JSON.parse((await run('docker', ['image', 'inspect', tag], { env })).stdout) as { Config: { User?: string } }[];
  if (!inspected) throw new Error(`no image ${tag}`);
  const user = userProblem(inspected.Config.User ?? '');
  if (user) problems.push(user);

  const shell = await run('docker', ['run', '--rm', '--network=none', '--entrypoint', 'sh', tag], { env, check: false });
  if (shell.exitCode !== 127 || !shell.stderr.includes('executable file not found')) {
    problems.push(`running sh should fail with exit 127 "executable file not found", got ${shell.exitCode}: ${shell.stderr.trim()}`);
  }

  const listen = port ?? (await freeLoopbackPort());
  const base = `http://127.0.0.1:${listen}`;
  const name = `lean-site-check-${randomBytes(4).toString('hex')}`;
  await run('docker', serveArgs(tag, name, listen), { env });
  try {
    await waitForServer(`${base}/`, 20_000);
    const get = async (path: string, wantStatus: number, wantType: string): Promise<string> => {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' });
      fetched.push(`${path} ${response.status}`);
      problems.push(...responseProblems(path, response, wantStatus, wantType));
      return response.text();
    };
    const landing = await get('/', 200, 'text/html');
    if (!/<title>[^<]*Lean Containers/i.test(landing)) problems.push('/: no <title> naming Lean Containers');
    if (!landing.includes('http-equiv="content-security-policy"')) problems.push('/: no CSP meta element');
    const sitemap = await get('/sitemap-0.xml', 200, 'application/xml');
    const lesson = firstLessonPath(sitemap);
    if (!lesson) problems.push('the sitemap lists no lesson');
    else {
      const body = await get(lesson, 200, 'text/html');
      if (!body.includes('<main')) problems.push(`${lesson}: no <main>`);
      if (!/<h1[^>]*>/.test(body)) problems.push(`${lesson}: no <h1>`);
    }
    const missing = await get('/no/such/page/', 404, 'text/html');
    if (!/not found/i.test(missing)) problems.push('/no/such/page/: not the site\'s 404 page');
    await get('/pagefind/pagefind.js', 200, 'text/javascript');
    await get('/_headers', 404, 'text/html');
  } finally {
    await run('docker', ['rm', '--force', name], { env, check: false });
  }
  return { fetched, problems };
}
