// Records commands typed into a real interactive bash in a pseudo-terminal (node-pty). The shell
// reports each command's exit status through PROMPT_COMMAND into a side file, so nothing extra
// appears on the terminal. Every byte the terminal printed is kept as it came, with its timing.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pty from 'node-pty';
import type { CastEvent } from './asciicast-writer.ts';
import { cacheDir } from './paths.ts';

export interface RecordedCommand {
  command: string;
  exitCode: number;
  /** Output between typing the command and its exit, as the terminal printed it. */
  output: string;
  seconds: number;
}

export interface Recording {
  startedAt: Date;
  events: CastEvent[];
  commands: RecordedCommand[];
}

export interface RecordOptions {
  cwd: string;
  cols: number;
  rows: number;
  env: NodeJS.ProcessEnv;
  /** Called with each command before it is typed (for the progress display). */
  onCommand?: (command: string, index: number) => void;
  /** Give up on one command after this long. */
  commandTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain prompt, so learners see `$ command` as in any tutorial. */
const PROMPT = '\\[\\e[1;32m\\]$\\[\\e[0m\\] ';
/** What that prompt prints. */
const PROMPT_TEXT = '\x1b[1;32m$\x1b[0m ';

export async function recordSession(commands: readonly string[], options: RecordOptions): Promise<Recording> {
  mkdirSync(cacheDir, { recursive: true });
  const statusFile = path.join(cacheDir, `status-${process.pid}`);
  const home = path.join(cacheDir, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(statusFile, '');
  const env: Record<string, string> = {
    PATH: options.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    PS1: PROMPT,
    HISTFILE: '/dev/null',
    LAB_STATUS_FILE: statusFile,
    PROMPT_COMMAND: 'printf "%s\\n" "$?" >> "$LAB_STATUS_FILE"',
  };
  for (const key of ['DOCKER_HOST', 'DOCKER_BUILDKIT']) {
    const value = options.env[key];
    if (value) env[key] = value;
  }

  const startedAt = new Date();
  const started = performance.now();
  const now = () => performance.now() - started;
  const events: CastEvent[] = [];
  const shell = pty.spawn('bash', ['--noprofile', '--norc', '-i'], {
    name: 'xterm-256color',
    cols: options.cols,
    rows: options.rows,
    cwd: options.cwd,
    env,
  });
  let exited = false;
  shell.onData((data) => {
    events.push({ timeMs: now(), code: 'o', data });
  });
  shell.onExit(() => {
    exited = true;
  });

  const statusLines = () => readFileSync(statusFile, 'utf8').split('\n').filter(Boolean);
  async function waitForStatus(count: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const lines = statusLines();
      if (lines.length >= count) return Number.parseInt(lines[count - 1] ?? '1', 10);
      if (exited) throw new Error('the recorded shell exited unexpectedly');
      await sleep(25);
    }
    throw new Error(`a recorded command took longer than ${timeoutMs / 1000} s`);
  }
  async function waitForQuiet(quietMs: number): Promise<void> {
    let last = events.length;
    for (;;) {
      await sleep(quietMs);
      if (events.length === last) return;
      last = events.length;
    }
  }

  const recorded: RecordedCommand[] = [];
  try {
    await waitForStatus(1, 10_000); // the first prompt
    await waitForQuiet(150);
    for (const [index, command] of commands.entries()) {
      options.onCommand?.(command, index);
      await sleep(400); // a beat before typing, so replays do not run commands into each other
      const begin = now();
      events.push({ timeMs: begin, code: 'm', data: command });
      events.push({ timeMs: now(), code: 'i', data: `${command}\r` });
      const inputIndex = events.length - 1;
      shell.write(`${command}\r`);
      const exitCode = await waitForStatus(index + 2, options.commandTimeoutMs ?? 600_000);
      await waitForQuiet(150); // let the last output and the next prompt arrive
      // The exit event goes right before the next prompt, after everything the command printed.
      const promptIndex = events.findLastIndex((event, at) => at > inputIndex && event.code === 'o' && event.data.includes(PROMPT_TEXT));
      let exitIndex = events.length;
      let exitTime = now();
      const promptEvent = events[promptIndex];
      if (promptEvent) {
        // Output and prompt often arrive in one chunk: split it where the prompt starts (same bytes,
        // same time), so the exit event sits between them.
        const at = promptEvent.data.lastIndexOf(PROMPT_TEXT);
        exitTime = promptEvent.timeMs;
        exitIndex = promptIndex;
        if (at > 0) {
          events.splice(promptIndex, 1,
            { timeMs: exitTime, code: 'o', data: promptEvent.data.slice(0, at) },
            { timeMs: exitTime, code: 'o', data: promptEvent.data.slice(at) });
          exitIndex = promptIndex + 1;
        }
      }
      events.splice(exitIndex, 0, { timeMs: exitTime, code: 'x', data: String(exitCode) });
      const printed = events
        .slice(inputIndex + 1, exitIndex)
        .filter((event) => event.code === 'o')
        .map((event) => event.data)
        .join('');
      recorded.push({ command, exitCode, output: printed, seconds: (exitTime - begin) / 1000 });
    }
    await sleep(600);
  } finally {
    shell.kill();
    if (existsSync(statusFile)) rmSync(statusFile);
  }
  return { startedAt, events, commands: recorded };
}
