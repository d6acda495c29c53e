// Measures one built image: size, compressed size, layers, contents, user, and build, start, push and
// pull times. Every number comes from running Docker; nothing is estimated.
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from './paths.ts';
import { run } from './exec.ts';
import { analyseContents, FILES_TO_READ, resolveUid } from './image-contents.ts';
import type { ImageContents } from './image-contents.ts';
import { markBaseEntries, parseDockerHistory } from './layer-history.ts';
import type { LayerEntry } from '../schemas/measurements.ts';
import { readTar } from './tar-reader.ts';
import { compressedSize } from './registry.ts';
import type { LocalRegistry, PullEngine } from './registry.ts';

/** Keep in step with the startSeconds description in src/schemas/measurements.ts. */
export const START_RUNS = 5;

export interface ImageFacts extends ImageContents {
  sizeBytes: number;
  layers: number;
  user: string;
  uid: number;
}

interface InspectedImage {
  Size: number;
  RootFS: { Layers?: string[] };
  Config: { User?: string };
}

/** Size, layers and user from `docker image inspect`; contents from `docker export` of a created container. */
export async function inspectImage(tag: string, env: NodeJS.ProcessEnv): Promise<ImageFacts> {
  const inspected = (JSON.parse((await run('docker', ['image', 'inspect', tag], { env })).stdout) as InspectedImage[])[0];
  if (!inspected) throw new Error(`no image ${tag}`);
  const created = await run('docker', ['create', '--network=none', tag], { env });
  const container = created.stdout.trim();
  try {
    const exporter = spawn('docker', ['export', container], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const { entries, contents } = await readTar(exporter.stdout, (file) => FILES_TO_READ.includes(file));
    const user = inspected.Config.User ?? '';
    const uid = resolveUid(user, contents.get('/etc/passwd')?.toString('utf8'));
    if (uid === undefined) throw new Error(`${tag}: user ${user} is not in /etc/passwd`);
    return {
      sizeBytes: inspected.Size,
      layers: inspected.RootFS.Layers?.length ?? 0,
      user: user === '' ? 'root' : user,
      uid,
      ...analyseContents(entries, contents),
    };
  } finally {
    await run('docker', ['rm', '--force', container], { env, check: false });
  }
}

async function historyOf(image: string, env: NodeJS.ProcessEnv) {
  const printed = await run('docker', ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', image], { env });
  return parseDockerHistory(printed.stdout);
}

/** The image's history in build order, each entry marked as inherited from `base` or added on top of it. */
export async function layerHistory(tag: string, base: string, env: NodeJS.ProcessEnv): Promise<LayerEntry[]> {
  return markBaseEntries(await historyOf(tag, env), base === 'scratch' ? undefined : await historyOf(base, env));
}

/** Runs the image once and returns what it printed (stdout, trimmed) and its exit status. */
export async function runOnce(tag: string, env: NodeJS.ProcessEnv): Promise<{ output: string; exitCode: number; seconds: number }> {
  const result = await run('docker', ['run', '--rm', '--network=none', tag], { env, check: false });
  return { output: result.stdout.trim(), exitCode: result.exitCode, seconds: result.seconds };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Median wall time of `docker run --rm` (create, start, run to exit, remove) over several runs. */
export async function startSeconds(tag: string, env: NodeJS.ProcessEnv): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < START_RUNS; index++) times.push((await runOnce(tag, env)).seconds);
  return median(times);
}

/**
 * Wall time of the edit-build loop: `docker build` of a copy of the variant whose source file (main.go, index.js)
 * gained a comment, so every step from its COPY on runs again while the base image, earlier layers and Go's build
 * cache are warm. (BuildKit's --no-cache would also drop the Go build cache mount and time only the Go toolchain.)
 */
export async function buildSeconds(variant: string, contextDir: string, editFile: string, env: NodeJS.ProcessEnv): Promise<number> {
  // One folder per exercise and variant: two exercises may share a variant name.
  const copy = path.join(cacheDir, 'build-time', path.basename(path.dirname(contextDir)), variant);
  rmSync(copy, { recursive: true, force: true });
  cpSync(contextDir, copy, { recursive: true });
  appendFileSync(path.join(copy, editFile), `// edited ${new Date().toISOString()}\n`);
  const tag = `lab-build-time:${variant}`;
  try {
    const result = await run('docker', ['build', '--network=none', '--progress=plain', '-t', tag, copy], { env });
    return result.seconds;
  } finally {
    await run('docker', ['rmi', tag], { env, check: false });
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Pushes to an empty local registry and pulls into an empty engine; returns both times and the stored size. */
export async function pushAndPull(
  tag: string,
  repository: string,
  name: string,
  registry: LocalRegistry,
  pullEngine: PullEngine,
  env: NodeJS.ProcessEnv,
): Promise<{ pushSeconds: number; pullSeconds: number; compressedSizeBytes: number }> {
  const remote = `${registry.host}/${repository}:${name}`;
  await run('docker', ['tag', tag, remote], { env });
  try {
    const pushed = await run('docker', ['push', remote], { env });
    const compressedSizeBytes = await compressedSize(registry.host, repository, name);
    const pulled = await run('docker', ['pull', remote], { env: pullEngine.env });
    await run('docker', ['rmi', remote], { env: pullEngine.env });
    return { pushSeconds: pushed.seconds, pullSeconds: pulled.seconds, compressedSizeBytes };
  } finally {
    await run('docker', ['rmi', remote], { env, check: false });
  }
}
