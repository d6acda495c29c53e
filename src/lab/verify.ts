// Entry point of `npm run test:lab`: `npm run lab -- --verify` (needs Docker; writes nothing).
import { parseLabArgs } from './args.ts';
import { runLab } from './lab.ts';

try {
  process.exitCode = await runLab({ ...parseLabArgs(process.argv.slice(2)), verify: true });
} catch (error) {
  process.stderr.write(`test:lab: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
