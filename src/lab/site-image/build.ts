// Building the site image from the top-level Dockerfile, with no network: the npm cache is in the context.
// The lab builds the committed sources (a `git archive HEAD` copy plus the npm cache, hard-linked), so the
// measurements describe a commit, not whatever happens to be half-edited in the working tree.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run } from '../exec.ts';
import { cacheDir, repoRoot } from '../paths.ts';
import { NPM_CACHE_DIR } from './npm-cache.ts';

export const SITE_TAG = 'lean-containers-site:latest';

export interface SiteBuildOptions {
  tag: string;
  /** Rebuild every step (the lab measures a from-scratch build); base images are never pulled by the build. */
  noCache: boolean;
  context: string;
}

export function siteBuildArgs(options: SiteBuildOptions): string[] {
  return [
    'build',
    '--network=none',
    '--progress=plain',
    ...(options.noCache ? ['--no-cache'] : []),
    '-t',
    options.tag,
    options.context,
  ];
}

/**
 * A build context of the commit HEAD plus .npm-cache/; returns its folder and the commit. One folder per run, so
 * two lab runs at once (test:lab and lab) do not delete each other's context.
 */
export async function committedContext(): Promise<{ dir: string; commit: string }> {
  const commit = (await run('git', ['rev-parse', 'HEAD'], { cwd: repoRoot })).stdout.trim();
  const dir = path.join(cacheDir, `site-context-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  await run('bash', ['-c', 'set -o pipefail; git archive --format=tar "$1" | tar -x -C "$2"', 'bash', commit, dir], { cwd: repoRoot });
  await run('cp', ['-al', NPM_CACHE_DIR, path.join(dir, '.npm-cache')]);
  return { dir, commit };
}

export function removeContext(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Builds the image; returns the wall time of the build in seconds and BuildKit's log. */
export async function buildSiteImage(options: SiteBuildOptions, env: NodeJS.ProcessEnv): Promise<{ seconds: number; log: string }> {
  const result = await run('docker', siteBuildArgs(options), { env, timeoutMs: 40 * 60_000, check: false });
  if (result.exitCode !== 0) {
    const tail = result.stderr.trim().split('\n').slice(-25).join('\n');
    throw new Error(`docker build of the site image failed (exit ${result.exitCode}):\n${tail}`);
  }
  return { seconds: result.seconds, log: result.stderr };
}
