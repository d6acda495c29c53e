// A throwaway local registry (Debian's docker-registry, on 127.0.0.1 only) and a second, empty Docker
// Engine to pull into, so push and pull times are cold: nothing is already there to skip.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandExists, run } from './exec.ts';
import { freeLoopbackPort } from './loopback-port.ts';
import { cacheDir, labEngineRoot, labEngineRunDir } from './paths.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LocalRegistry {
  host: string;
  stop: () => Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
}

/** Starts an empty registry listening on 127.0.0.1. */
export async function startRegistry(name: string): Promise<LocalRegistry> {
  if (!(await commandExists('docker-registry'))) {
    throw new Error('docker-registry is missing: install Debian\'s docker-registry package (apt-get install -y docker-registry).');
  }
  const port = await freeLoopbackPort();
  const dir = path.join(cacheDir, 'registry', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'storage'), { recursive: true });
  const config = path.join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error }',
      `storage: { filesystem: { rootdirectory: ${path.join(dir, 'storage')} }, delete: { enabled: true } }`,
      `http: { addr: "127.0.0.1:${port}" }`,
      '',
    ].join('\n'),
  );
  const log = openSync(path.join(dir, 'registry.log'), 'a');
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', log, log] });
  const host = `127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    await sleep(100);
    try {
      const response = await fetch(`http://${host}/v2/`);
      if (response.ok) {
        return {
          host,
          stop: async () => {
            await stopChild(child);
            rmSync(dir, { recursive: true, force: true });
          },
        };
      }
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
  }
  await stopChild(child);
  throw new Error(`docker-registry did not start; see ${path.join(dir, 'registry.log')}`);
}

interface Manifest {
  config: { size: number };
  layers: { size: number }[];
}

/** Bytes the registry stores for an image: its compressed layers plus its config. */
export async function compressedSize(host: string, repository: string, tag: string): Promise<number> {
  const response = await fetch(`http://${host}/v2/${repository}/manifests/${tag}`, {
    headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json' },
  });
  if (!response.ok) throw new Error(`registry answered ${response.status} for ${repository}:${tag}`);
  const manifest = (await response.json()) as Manifest;
  return manifest.config.size + manifest.layers.reduce((total, layer) => total + layer.size, 0);
}

export interface PullEngine {
  env: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
}

/** A second dockerd with an empty image store, used only to time cold pulls (root only). */
export async function startPullEngine(env: NodeJS.ProcessEnv): Promise<PullEngine> {
  if (process.getuid?.() !== 0) {
    throw new Error('Timing cold pulls needs a second, empty Docker Engine, which only root can start.');
  }
  const dataRoot = path.join(labEngineRoot, 'pull-docker');
  const runDir = path.join(labEngineRunDir, 'pull');
  rmSync(dataRoot, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const socket = `unix://${runDir}/docker.sock`;
  const log = openSync(path.join(runDir, 'dockerd.log'), 'a');
  const child = spawn(
    'dockerd',
    ['--bridge=none', '--iptables=false', '--ip6tables=false', `--data-root=${dataRoot}`, `--exec-root=${runDir}/exec`,
      `--pidfile=${runDir}/dockerd.pid`, `--host=${socket}`],
    { stdio: ['ignore', log, log] },
  );
  const pullEnv = { ...env, DOCKER_HOST: socket };
  for (let attempt = 0; attempt < 60; attempt++) {
    await sleep(500);
    const version = await run('docker', ['version', '--format', '{{.Server.Version}}'], { env: pullEnv, check: false });
    if (version.exitCode === 0) {
      return {
        env: pullEnv,
        stop: async () => {
          await stopChild(child);
          rmSync(dataRoot, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode !== null) break;
  }
  await stopChild(child);
  throw new Error(`the pull engine did not start; see ${path.join(runDir, 'dockerd.log')}`);
}
