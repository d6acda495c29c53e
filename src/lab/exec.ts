// Small wrappers around child processes: run a command, capture its output, time it.
import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text written to the child's stdin, then closed. */
  input?: string | Buffer;
  /** Throw when the exit code is not 0 (default true). */
  check?: boolean;
  /** Kill the child after this many milliseconds. */
  timeoutMs?: number;
}

export class CommandError extends Error {
  readonly result: RunResult;
  constructor(command: string, result: RunResult) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-8).join('\n');
    super(`\`${command}\` failed with exit code ${result.exitCode}\n${detail}`);
    this.result = result;
  }
}

/** Runs `file args…` without a shell and resolves with its output and duration. */
export function run(file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const spawnOptions: SpawnOptions = { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' };
  if (options.timeoutMs !== undefined) spawnOptions.timeout = options.timeoutMs;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, spawnOptions);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const result: RunResult = {
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        seconds: (performance.now() - started) / 1000,
      };
      if ((options.check ?? true) && result.exitCode !== 0) {
        reject(new CommandError([file, ...args].join(' '), result));
      } else {
        resolve(result);
      }
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** True when `file` can be found on PATH (or is an existing absolute path). */
export async function commandExists(file: string): Promise<boolean> {
  const result = await run('sh', ['-c', 'command -v "$1"', 'sh', file], { check: false });
  return result.exitCode === 0;
}
