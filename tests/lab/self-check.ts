/**
 * The learner's self-check script run against real images, for `npm run test:lab`. verifyLab (src/lab/verify-lab.ts)
 * can call selfCheckProblems(tagOf, env) with its freshly built throwaway tags before it removes them: the good
 * image must pass every check, the bad ones must fail the checks they should.
 *
 * Also runnable on its own against the tags `npm run lab` leaves behind:
 *   DOCKER_HOST=unix:///run/lean-containers-lab/docker.sock ./node_modules/.bin/node tests/lab/self-check.ts
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const checkScript = join(process.cwd(), 'exercises', 'go-hello-world', 'checks', 'check-image.sh');

export interface CheckRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** PASS/FAIL/SKIP per check name, from the script's output. */
  verdicts: Record<string, string>;
}

/**
 * What each variant must get from the script: the `failing` checks must fail, the `either` checks may go
 * either way, every other check must pass.
 */
export const expectedVerdicts: Record<string, { exitCode: number; failing: string[]; either?: string[]; args: string[] }> = {
  'distroless-static-nonroot': { exitCode: 0, failing: [], args: ['--max-mb', '10'] },
  scratch: { exitCode: 0, failing: [], args: ['--max-mb', '10'] },
  // Debian's busybox (in the lab's assembled debug image) has dpkg and rpm applets; another busybox build may not.
  debug: { exitCode: 1, failing: ['shell'], either: ['packages'], args: ['--max-mb', '10'] },
  'single-stage': { exitCode: 1, failing: ['size', 'shell', 'packages', 'user', 'setuid'], args: [] },
};

export function runCheck(image: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CheckRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', [checkScript, image, ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const verdicts = Object.fromEntries(
        [...stdout.matchAll(/^(PASS|FAIL|SKIP) {2}(\w+):/gm)].map((match): [string, string] => [match[2] ?? '', match[1] ?? '']),
      );
      resolve({ exitCode: code ?? -1, stdout, stderr, verdicts });
    });
  });
}

/** Problems, one line each (empty when the script judged every image as it should). */
export async function selfCheckProblems(tagOf: (variant: string) => string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const problems: string[] = [];
  for (const [variant, expected] of Object.entries(expectedVerdicts)) {
    const result = await runCheck(tagOf(variant), expected.args, env);
    const either = expected.either ?? [];
    const failing = Object.entries(result.verdicts)
      .filter(([name, verdict]) => verdict === 'FAIL' && !either.includes(name))
      .map(([name]) => name)
      .sort();
    const checks = Object.keys(result.verdicts).length;
    if (result.exitCode !== expected.exitCode || failing.join(' ') !== [...expected.failing].sort().join(' ') || checks !== 6) {
      problems.push(
        `self-check on ${variant}: exit ${result.exitCode} (want ${expected.exitCode}), failing [${failing.join(', ')}] ` +
          `(want [${expected.failing.join(', ')}])\n${result.stdout}${result.stderr}`,
      );
    }
  }
  return problems;
}

// Run directly: check the tags `npm run lab` built (go-hello-world:<variant>).
if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await selfCheckProblems((variant) => `go-hello-world:${variant}`, process.env);
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.stdout.write(problems.length === 0 ? 'self-check: every image judged as expected\n' : '');
  process.exitCode = problems.length === 0 ? 0 : 1;
}
