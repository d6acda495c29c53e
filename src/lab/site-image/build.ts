// Building the site image from the top-level Dockerfile, with no network: the npm cache is in the context.
// The lab builds the committed sources (a `git archive HEAD` copy plus the npm cache, hard-linked), so the
// measurements describe a commit, not whatever happens to be half-edited in the working tree.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run } from '../exec.ts';
import { cacheDir, repoRoot } from '../paths.ts';
import { NPM_CACHE_DIR } from './npm-cache.ts';

export const SITE_TAG = 'lean-containers-site:latest';
const CONTEXT_DIR = path.join(cacheDir, 'site-context');

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

/** A build context of the commit HEAD plus .npm-cache/; returns its folder and the commit. */
export async function committedContext(): Promise<{ dir: string; commit: string }> {
  const commit = (await run('git', ['rev-parse', 'HEAD'], { cwd: repoRoot })).stdout.trim();
  rmSync(CONTEXT_DIR, { recursive: true, force: true });
  mkdirSync(CONTEXT_DIR, { recursive: true });
  await run('bash', ['-c', 'set -o pipefail; git archive --format=tar "$1" | tar -x -C "$2"', 'bash', commit, CONTEXT_DIR], { cwd: repoRoot });
  await run('cp', ['-al', NPM_CACHE_DIR, path.join(CONTEXT_DIR, '.npm-cache')]);
  return { dir: CONTEXT_DIR, commit };
}

export function removeContext(): void {
  rmSync(CONTEXT_DIR, { recursive: true, force: true });
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
