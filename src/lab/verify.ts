// Entry point of `npm run test:lab`: `npm run lab -- --verify` (needs Docker; writes nothing).
import { parseLabArgs } from './args.ts';
import { runLab } from './lab.ts';
import { workshopKitExitCode } from './workshop-kit.ts';

try {
  process.exitCode = await runLab({ ...parseLabArgs(process.argv.slice(2)), verify: true });
} catch (error) {
  process.stderr.write(`test:lab: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

// The workshop kit: the learner's set-up check passes, and the kit with images loads (src/lab/workshop-kit.ts).
if ((await workshopKitExitCode()) !== 0) process.exitCode = 1;
