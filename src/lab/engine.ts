// Finds a Docker Engine to talk to, or starts one (root on Debian only), and picks a docker client
// that builds with BuildKit, because learners see BuildKit's output.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, statfsSync, symlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run, commandExists } from './exec.ts';
import { cacheDir, labEngineRoot, labEngineRunDir, labEngineSocket } from './paths.ts';

export interface Engine {
  /** Environment for every docker command: DOCKER_HOST, DOCKER_BUILDKIT, PATH with the chosen client first. */
  env: NodeJS.ProcessEnv;
  clientVersion: string;
  serverVersion: string;
  /** PID of a dockerd this run started, to stop it (and only it) at the end. */
  startedPid: number | undefined;
}

export class EngineError extends Error {}

const MIN_FREE_BYTES = 6 * 1024 ** 3;

/** Candidate docker clients on PATH, in PATH order, plus Debian's own client. */
function dockerClients(): string[] {
  // The lab's own shim (see clientShim) may already be first on PATH, e.g. when a second check in the same
  // process connects again: skip it, or the shim would be re-linked to itself (spawn fails with ELOOP).
  const shimDir = path.join(cacheDir, 'bin');
  const dirs = (process.env['PATH'] ?? '').split(':').filter((dir) => dir && path.resolve(dir) !== shimDir);
  const found = dirs.map((dir) => path.join(dir, 'docker')).filter((file) => existsSync(file));
  if (existsSync('/usr/bin/docker')) found.push('/usr/bin/docker');
  return [...new Set(found)];
}

/** A client builds with BuildKit if it has the buildx plugin, or is older than 23 (built-in BuildKit). */
async function pickClient(): Promise<{ file: string; version: string }> {
  const clients = dockerClients();
  if (clients.length === 0) {
    throw new EngineError('No docker client found. Install Docker (on Debian: apt-get install -y docker.io).');
  }
  for (const file of clients) {
    const version = await run(file, ['version', '--format', '{{.Client.Version}}'], { check: false });
    const clientVersion = version.stdout.trim();
    if (!clientVersion) continue;
    const buildx = await run(file, ['buildx', 'version'], { check: false });
    const major = Number.parseInt(clientVersion, 10);
    if (buildx.exitCode === 0 || major < 23) return { file, version: clientVersion };
  }
  throw new EngineError(
    `None of the docker clients (${clients.join(', ')}) builds with BuildKit: install the buildx plugin ` +
      '(docker-buildx) or Debian\'s docker.io client.',
  );
}

/** Puts the chosen client first on PATH as `docker`, so recorded shells run the same client. */
function clientShim(clientFile: string): string {
  const binDir = path.join(cacheDir, 'bin');
  mkdirSync(binDir, { recursive: true });
  const shim = path.join(binDir, 'docker');
  rmSync(shim, { force: true });
  symlinkSync(clientFile, shim);
  return binDir;
}

async function serverVersion(env: NodeJS.ProcessEnv): Promise<{ version?: string; error: string }> {
  const result = await run('docker', ['version', '--format', '{{.Server.Version}}'], { env, check: false, timeoutMs: 20_000 });
  const version = result.stdout.trim();
  return version && result.exitCode === 0 ? { version, error: '' } : { error: result.stderr.trim() };
}

function isDebianRoot(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version');
}

function checkDisk(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  if (free < MIN_FREE_BYTES) {
    throw new EngineError(
      `Only ${(free / 1024 ** 3).toFixed(1)} GB free under ${dir}; the lab needs about ${MIN_FREE_BYTES / 1024 ** 3} GB ` +
        '(base images, builds, a local registry). Free some space (docker image prune) and retry.',
    );
  }
}

async function startDockerd(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  if (!(await commandExists('dockerd'))) {
    log('dockerd is missing: installing Debian\'s docker.io');
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'docker.io'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  mkdirSync(labEngineRunDir, { recursive: true });
  const dataRoot = path.join(labEngineRoot, 'docker');
  checkDisk(labEngineRoot);
  const logFile = openSync(path.join(labEngineRunDir, 'dockerd.log'), 'a');
  // No bridge and no iptables: nothing the lab runs gets a network, and the host's firewall is untouched.
  const child = spawn(
    'dockerd',
    [
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      `--data-root=${dataRoot}`,
      `--exec-root=${path.join(labEngineRunDir, 'exec')}`,
      `--pidfile=${path.join(labEngineRunDir, 'dockerd.pid')}`,
      `--host=${labEngineSocket}`,
    ],
    { detached: true, stdio: ['ignore', logFile, logFile] },
  );
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new EngineError('dockerd did not start');
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if ((await serverVersion(env)).version) return pid;
    if (child.exitCode !== null) break;
  }
  throw new EngineError(`dockerd did not come up; see ${path.join(labEngineRunDir, 'dockerd.log')}`);
}

/** Connects to a running engine, or starts the lab's own one when allowed. */
export async function connectEngine(log: (line: string) => void): Promise<Engine> {
  const client = await pickClient();
  const binDir = clientShim(client.file);
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${binDir}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    DOCKER_BUILDKIT: '1',
  };
  // 1. The engine the user already points at (DOCKER_HOST or the default socket).
  const current = await serverVersion(baseEnv);
  if (current.version) {
    return { env: baseEnv, clientVersion: client.version, serverVersion: current.version, startedPid: undefined };
  }
  // 2. The lab's own engine, if one is still running from an earlier run.
  const labEnv = { ...baseEnv, DOCKER_HOST: labEngineSocket };
  const running = await serverVersion(labEnv);
  if (running.version) {
    return { env: labEnv, clientVersion: client.version, serverVersion: running.version, startedPid: undefined };
  }
  if (/permission denied/i.test(current.error)) {
    throw new EngineError(
      `Docker refused the connection (${current.error}). Add your user to the docker group ` +
        '(sudo usermod -aG docker $USER, then log in again) or run the lab as root.',
    );
  }
  // 3. Start one: only as root on Debian, where we know how to install and run it.
  if (!isDebianRoot()) {
    throw new EngineError(
      `No Docker Engine answers (${current.error || 'no server'}). Start Docker (systemctl start docker) ` +
        'or run the lab as root on Debian, where it starts its own engine.',
    );
  }
  log('no Docker Engine answers: starting dockerd --bridge=none --iptables=false');
  const pid = await startDockerd(labEnv, log);
  const started = await serverVersion(labEnv);
  return { env: labEnv, clientVersion: client.version, serverVersion: started.version ?? '', startedPid: pid };
}

/** Stops the dockerd this run started (by its PID), waiting for it to exit. */
export async function stopEngine(engine: Engine): Promise<void> {
  const pid = engine.startedPid;
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}

/** Fails early with a clear message when the disk under the engine's data root is short. */
export async function checkEngineDisk(engine: Engine): Promise<void> {
  const info = await run('docker', ['info', '--format', '{{.DockerRootDir}}'], { env: engine.env, check: false });
  const root = info.stdout.trim();
  if (root && existsSync(root)) checkDisk(root);
}
