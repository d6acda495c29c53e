/**
 * Type-along mode: the learner types the recorded command; a match (ignoring whitespace differences) lets
 * the real output play. After two misses the command is shown as a hint.
 */
export const missesBeforeHint = 2;

/** Trims and collapses runs of whitespace, so `docker  build -t x .` matches `docker build -t x .`. */
export function normalizeCommand(command: string): string {
  return command.trim().replace(/\s+/g, ' ');
}

export type Attempt = 'match' | 'miss' | 'empty';

export class TypeAlong {
  readonly command: string;
  misses = 0;

  constructor(command: string) {
    this.command = command;
  }

  submit(typed: string): Attempt {
    const normalized = normalizeCommand(typed);
    if (normalized === '') return 'empty';
    if (normalized === normalizeCommand(this.command)) return 'match';
    this.misses++;
    return 'miss';
  }

  get showHint(): boolean {
    return this.misses >= missesBeforeHint;
  }
}
