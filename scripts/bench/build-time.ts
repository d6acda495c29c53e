// Times `astro build` in a project copy, with the project's Node (the one running this script).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildTiming {
  /** Wall-clock time: what a learner or CI waits. */
  seconds: number;
  /** CPU time of the build and its child processes (user + system): steadier than wall-clock on a busy machine. */
  cpuSeconds: number;
  pages: number;
}

/** Parses the last two lines of bash's `times` (the children's user and system time, e.g. "1m2.5s 0m3.1s"). */
export function childCpuSeconds(timesOutput: string): number {
  const lines = timesOutput.trim().split('\n');
  const children = lines.at(-1) ?? '';
  const values = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  if (values.length !== 2) throw new Error(`unexpected output of times: ${JSON.stringify(timesOutput)}`);
  return Math.round(((values[0] ?? 0) + (values[1] ?? 0)) * 10) / 10;
}

function countPages(directory: string): number {
  return readdirSync(directory, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

export async function timeBuild(root: string): Promise<BuildTiming> {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const started = performance.now();
  const output: string[] = [];
  const times: string[] = [];
  const exitCode = await new Promise<number>((resolve, reject) => {
    // bash's `times` reports the CPU time of the build once it has finished; it prints to stdout (fd 3 here).
    const script = '"$0" "$1" build >&2; status=$?; times >&3; exit $status';
    const child = spawn('bash', ['-c', script, process.execPath, astro], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stdio[3]?.on('data', (chunk: Buffer) => times.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (exitCode !== 0) throw new Error(`astro build failed in ${root}:\n${output.join('').slice(-3000)}`);
  return { seconds, cpuSeconds: childCpuSeconds(times.join('')), pages: countPages(join(root, 'dist')) };
}
