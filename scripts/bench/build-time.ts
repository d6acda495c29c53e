// Times `astro build` in a project copy, with the project's Node (the one running this script).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildTiming {
  seconds: number;
  pages: number;
}

function countPages(directory: string): number {
  return readdirSync(directory, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

export async function timeBuild(root: string): Promise<BuildTiming> {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const started = performance.now();
  const output: string[] = [];
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (exitCode !== 0) throw new Error(`astro build failed in ${root}:\n${output.join('').slice(-3000)}`);
  return { seconds, pages: countPages(join(root, 'dist')) };
}
