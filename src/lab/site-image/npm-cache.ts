// The npm cache the site image's build reads with `npm ci --offline` (the build runs with --network=none).
// It is made on the host by npm itself: `npm ci` of the project's package.json and package-lock.json in a scratch
// folder with `--cache` pointed at a fresh folder, so the cache holds exactly the tarballs this lockfile installs
// on Linux x64 and nothing else. It lands in .npm-cache/ (git-ignored) in the build context, with a stamp naming
// the lockfile it was made for; a changed lockfile remakes it.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../exec.ts';
import { sha256 } from '../hash.ts';
import { cacheDir, repoRoot } from '../paths.ts';

export const NPM_CACHE_DIR = path.join(repoRoot, '.npm-cache');
const STAMP = 'package-lock.sha256';

/** What the stamp holds: the lockfile's sha256. */
export function cacheStamp(lockfileText: string): string {
  return `${sha256(lockfileText)}\n`;
}

export function isCacheCurrent(stampText: string | undefined, lockfileText: string, hasContent: boolean): boolean {
  return hasContent && stampText === cacheStamp(lockfileText);
}

/** The host `npm ci` that fills a cache: no install scripts (nothing runs), no audit or funding calls. */
export function fillArgs(cache: string): string[] {
  return ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--cache', cache];
}

/** Makes .npm-cache/ match package-lock.json; returns whether it had to be remade. */
export async function ensureNpmCache(log: (line: string) => void): Promise<boolean> {
  const lockfile = readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8');
  const stampFile = path.join(NPM_CACHE_DIR, STAMP);
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : undefined;
  if (isCacheCurrent(stamp, lockfile, existsSync(path.join(NPM_CACHE_DIR, '_cacache')))) return false;

  log('preparing .npm-cache/ for the offline build: npm ci of package-lock.json into a fresh cache (needs the npm registry once)');
  const scratch = path.join(cacheDir, 'npm-cache-fill');
  const freshCache = path.join(scratch, 'cache');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(repoRoot, file), path.join(scratch, file));
  try {
    await run('npm', fillArgs(freshCache), { cwd: scratch, timeoutMs: 900_000 });
    rmSync(NPM_CACHE_DIR, { recursive: true, force: true });
    mkdirSync(NPM_CACHE_DIR, { recursive: true });
    renameSync(path.join(freshCache, '_cacache'), path.join(NPM_CACHE_DIR, '_cacache'));
    writeFileSync(stampFile, cacheStamp(lockfile));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return true;
}
