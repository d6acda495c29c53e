// One line per piece of work: "[3/20 0:42] Recording build-single-stage", plus indented details.
export interface Progress {
  start: (title: string) => void;
  detail: (line: string) => void;
  elapsedSeconds: () => number;
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function createProgress(total: number, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Progress {
  const started = performance.now();
  let current = 0;
  const elapsedSeconds = () => (performance.now() - started) / 1000;
  return {
    start(title) {
      current = Math.min(current + 1, total);
      write(`[${current}/${total} ${clock(elapsedSeconds())}] ${title}`);
    },
    detail(line) {
      write(`        ${line}`);
    },
    elapsedSeconds,
  };
}
