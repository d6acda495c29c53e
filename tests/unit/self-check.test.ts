/**
 * The learner's self-check script (exercises/go-hello-world/checks/check-image.sh), run for real with
 * /bin/sh, against a fake `docker` on PATH that replays outputs captured from the lab's images by
 * tests/fixtures/self-check/capture.sh. No Docker needed; the script's own logic is what is tested.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const script = join(root, 'exercises', 'go-hello-world', 'checks', 'check-image.sh');
const captured = join(root, 'tests', 'fixtures', 'self-check');

/** The listing is already what `tar -tvf -` printed when it was captured, so the fake tar passes it on. */
const fakeTar = '#!/bin/sh\ncat\n';

let work: string;
let withDocker: string;
let withoutDocker: string;
let fixtures: string;

/** Links the real tools the script needs into a folder, so PATH can offer them with or without docker. */
function toolFolder(path: string, extra: Record<string, string>): void {
  mkdirSync(path);
  for (const tool of ['sh', 'awk', 'grep', 'sed', 'sort', 'tr', 'head', 'mktemp', 'rm', 'cat', 'dirname']) {
    const found = ['/usr/bin', '/bin'].map((folder) => join(folder, tool)).find((candidate) => existsSync(candidate));
    if (!found) throw new Error(`the test needs ${tool}`);
    symlinkSync(found, join(path, tool));
  }
  for (const [name, body] of Object.entries(extra)) {
    writeFileSync(join(path, name), body);
    chmodSync(join(path, name), 0o755);
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'self-check-'));
  fixtures = join(work, 'fixtures');
  mkdirSync(fixtures);
  for (const entry of readdirSync(captured, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.sh')) continue;
    if (entry.isFile()) {
      writeFileSync(join(fixtures, entry.name), readFileSync(join(captured, entry.name)));
      continue;
    }
    mkdirSync(join(fixtures, entry.name));
    for (const file of readdirSync(join(captured, entry.name))) {
      const data = readFileSync(join(captured, entry.name, file));
      if (file.endsWith('.gz')) writeFileSync(join(fixtures, entry.name, file.slice(0, -3)), gunzipSync(data));
      else writeFileSync(join(fixtures, entry.name, file), data);
    }
  }
  withDocker = join(work, 'bin-with-docker');
  withoutDocker = join(work, 'bin-without-docker');
  toolFolder(withDocker, { docker: readFileSync(join(captured, 'fake-docker.sh'), 'utf8'), tar: fakeTar });
  toolFolder(withoutDocker, {});
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function check(args: string[], options: { path?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(join(options.path ?? withDocker, 'sh'), [script, ...args], {
    encoding: 'utf8',
    env: { PATH: options.path ?? withDocker, FAKE_DOCKER_DIR: fixtures, TMPDIR: work, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The PASS/FAIL word of each named check. */
function verdicts(stdout: string): Record<string, string> {
  return Object.fromEntries(
    [...stdout.matchAll(/^(PASS|FAIL|SKIP) {2}(\w+):/gm)].map((match): [string, string] => [match[2] ?? '', match[1] ?? '']),
  );
}

describe('check-image.sh against images captured from the lab', () => {
  it('passes the scratch image on every check', () => {
    const { status, stdout } = check(['go-hello-world:scratch', '--max-mb', '10']);
    expect(verdicts(stdout)).toEqual({ size: 'PASS', shell: 'PASS', packages: 'PASS', user: 'PASS', output: 'PASS', setuid: 'PASS' });
    expect(stdout).toContain('user: 65532:65532 (not root)');
    expect(status).toBe(0);
  });

  it('passes the static nonroot image on every check', () => {
    const { status, stdout } = check(['go-hello-world:distroless-static-nonroot', '--max-mb', '10']);
    expect(verdicts(stdout)).toEqual({ size: 'PASS', shell: 'PASS', packages: 'PASS', user: 'PASS', output: 'PASS', setuid: 'PASS' });
    expect(stdout).toContain('user: 65532 (not root)');
    expect(stdout).toContain('6 passed, 0 failed');
    expect(status).toBe(0);
  });

  it('fails the single-stage image, saying what to fix for each failure', () => {
    const { status, stdout } = check(['go-hello-world:single-stage']);
    expect(verdicts(stdout)).toEqual({ size: 'FAIL', shell: 'FAIL', packages: 'FAIL', user: 'FAIL', output: 'PASS', setuid: 'FAIL' });
    expect(stdout).toMatch(/FAIL {2}shell: docker run --entrypoint sh works \(found [^)]*\/usr\/bin\/sh/);
    expect(stdout).toMatch(/FAIL {2}packages: package manager found: [^\n]*\/usr\/bin\/apt/);
    expect(stdout).toMatch(/FAIL {2}user: not set, so the program runs as root/);
    expect(stdout).toMatch(/FAIL {2}setuid: \d+ setuid\/setgid files, e\.g\. \//);
    const fixes = stdout.split('\n').filter((line) => line.startsWith('      fix: '));
    expect(fixes).toHaveLength(5);
    expect(status).toBe(1);
  });

  it('fails the debug image on its busybox shell and its dpkg and rpm applets', () => {
    const { status, stdout } = check(['go-hello-world:debug', '--max-mb', '10']);
    expect(verdicts(stdout)).toEqual({ size: 'PASS', shell: 'FAIL', packages: 'FAIL', user: 'PASS', output: 'PASS', setuid: 'PASS' });
    expect(stdout).toMatch(/FAIL {2}shell: docker run --entrypoint sh works \(found [^)]*\/busybox\/sh/);
    expect(stdout).toMatch(/FAIL {2}packages: package manager found: \/busybox\/dpkg \/busybox\/rpm/);
    expect(status).toBe(1);
  });

  it('fails the size check when the image is over the limit, and accepts decimals', () => {
    const { status, stdout } = check(['go-hello-world:distroless-static-nonroot', '--max-mb=0.5']);
    expect(stdout).toMatch(/FAIL {2}size: [\d.]+ MB, over the limit of 0\.5 MB/);
    expect(status).toBe(1);
  });

  it('fails the output check when the program does not print the expected text, and can skip it', () => {
    const wrong = check(['go-hello-world:distroless-static-nonroot', '--expect', 'Goodbye']);
    expect(verdicts(wrong.stdout)['output']).toBe('FAIL');
    expect(wrong.stdout).toContain('printed: Hello, World!');
    const skipped = check(['go-hello-world:distroless-static-nonroot', '--expect', '']);
    expect(skipped.stdout).toContain("SKIP  output: not checked (--expect '')");
    expect(skipped.status).toBe(0);
  });
});

describe('check-image.sh when it cannot check', () => {
  it('says docker is missing, with exit status 2', () => {
    const { status, stderr, stdout } = check(['go-hello-world:distroless-static-nonroot'], { path: withoutDocker });
    expect(stderr).toContain('error: docker is not installed or not on your PATH');
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });

  it('says the daemon is unreachable, quoting docker', () => {
    const { status, stderr } = check(['go-hello-world:distroless-static-nonroot'], { env: { FAKE_DOCKER_DAEMON_DOWN: '1' } });
    expect(stderr).toContain('error: cannot reach the Docker daemon');
    expect(stderr).toContain('Is the docker daemon running?');
    expect(status).toBe(2);
  });

  it('says the image does not exist and how to build it', () => {
    const { status, stderr } = check(['myapp:nope']);
    expect(stderr).toContain("error: there is no image 'myapp:nope' here. Build it first (docker build -t myapp:nope .)");
    expect(status).toBe(2);
  });

  it('refuses bad arguments with a usage line', () => {
    for (const args of [[], ['--max-mb', '-3', 'x'], ['x', '--max-mb', 'ten'], ['x', '--max-mb', '0'], ['x', 'y'], ['x', '--bogus']]) {
      const { status, stderr } = check(args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(/^(usage|error):/m);
    }
  });
});
