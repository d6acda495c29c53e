// Entry point of `npm run lab` (see args.ts for the options).
import { parseLabArgs, usage } from './args.ts';
import { EngineError } from './engine.ts';
import { runLab } from './lab.ts';

try {
  const options = parseLabArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${usage}\n`);
  } else {
    process.exitCode = await runLab(options);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof EngineError ? 'Docker: ' : 'lab: '}${message}\n`);
  process.exitCode = 1;
}
