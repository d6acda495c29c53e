// What the benchmark ran on, stored with its figures: they mean little without it.
import { execFileSync } from 'node:child_process';
import { cpus, hostname, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  host: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  /** 1-minute load average when the benchmark started: other work on the machine slows builds. */
  loadAverageAtStart: number;
}

export function describeMachine(): Machine {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown';
  return {
    host: hostname(),
    cpu,
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
