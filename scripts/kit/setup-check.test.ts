// The learner's set-up check on a machine that is not ready: each failure must tell the learner what to do.
// (The success path needs a Docker Engine: `npm run test:lab` runs it, src/lab/workshop-kit.ts.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'setup-check.sh');

/** Where a program is on this machine's PATH, or undefined. */
function which(program: string): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', program], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

// By absolute path: one test runs with a PATH that has no shell on it.
const shell = which('sh') ?? '/bin/sh';

function runCheck(env: NodeJS.ProcessEnv) {
  return spawnSync(shell, [script], { encoding: 'utf8', env, timeout: 60_000 });
}

describe('setup-check.sh when Docker is missing', () => {
  it('says to install Docker when there is no docker command, and fails', () => {
    // A PATH with only what the script needs before it looks for docker.
    const bin = mkdtempSync(join(tmpdir(), 'setup-check-bin-'));
    for (const program of ['dirname']) symlinkSync(which(program) ?? `/usr/bin/${program}`, join(bin, program));
    const result = runCheck({ PATH: bin, HOME: tmpdir() });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}docker {2}docker is not installed: install Docker Desktop \(macOS, Windows\) or Docker Engine \(Linux\), then run this again\.$/m);
    expect(result.stdout).not.toContain('PASS');
  });

  // Needs the docker command (not an engine): it is there wherever the lab runs.
  it.skipIf(which('docker') === undefined)('says to start Docker when no engine answers, and stops there', () => {
    const socket = join(mkdtempSync(join(tmpdir(), 'setup-check-sock-')), 'no-engine.sock');
    const result = runCheck({ ...process.env, DOCKER_HOST: `unix://${socket}`, DOCKER_CONTEXT: '' });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^PASS {2}docker {2}Docker version /);
    expect(lines[1]).toMatch(/^FAIL {2}engine {2}no Docker Engine answers: start Docker Desktop, or run 'sudo systemctl start docker'\. \(.+\)$/);
    // It names the cause docker gave, and checks nothing that needs an engine.
    expect(lines[1]).toContain(socket);
    expect(lines).toHaveLength(2);
  });
});
