// Checks a command's exit status and output against the step's `expect`.
/** Terminal output as plain text: escape sequences and carriage returns removed. */
export function plainText(output: string): string {
  return output
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>78DEHMc]/g, '')
    .replace(/\r/g, '');
}

export interface Expectation {
  exitCode: number;
  output?: string | undefined;
}

/** Returns a description of what differs, or undefined when the command did what was expected. */
export function checkExpectation(expectation: Expectation, exitCode: number, output: string): string | undefined {
  const problems: string[] = [];
  if (exitCode !== expectation.exitCode) problems.push(`exit status ${exitCode}, expected ${expectation.exitCode}`);
  if (expectation.output !== undefined && !plainText(output).includes(expectation.output)) {
    problems.push(`output does not contain ${JSON.stringify(expectation.output)}`);
  }
  return problems.length ? problems.join('; ') : undefined;
}
