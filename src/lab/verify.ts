// Entry point of `npm run test:lab`: `npm run lab -- --verify` for each exercise (needs Docker; writes nothing), then the site's own
// image built from scratch and served. `npm run test:lab -- site-image` runs only the site image's part.
import { parseLabArgs } from './args.ts';
import { labExercises } from './lab-file.ts';
import { runLab } from './lab.ts';
import { runSiteImageLab, SITE_IMAGE_COMMAND } from './site-image/site-lab.ts';
import { workshopKitExitCode } from './workshop-kit.ts';

const argv = process.argv.slice(2);
const siteOnly = argv[0] === SITE_IMAGE_COMMAND;
const labArgv = siteOnly ? argv.slice(1) : argv;
let failed = false;

// Every exercise with a lab.yaml (go-hello-world, node-hello-world), or only the one named with --exercise.
const exercises = labArgv.some((arg) => arg === '--exercise' || arg.startsWith('--exercise=')) ? [parseLabArgs(labArgv).exercise] : labExercises();
if (!siteOnly) {
  for (const exercise of exercises) {
    try {
      if ((await runLab({ ...parseLabArgs(labArgv), exercise, verify: true })) !== 0) failed = true;
    } catch (error) {
      process.stderr.write(`test:lab (${exercise}): ${error instanceof Error ? error.message : String(error)}\n`);
      failed = true;
    }
  }
}

// The site image (issue #8): runs even when the exercise part failed, so one run reports both.
try {
  if ((await runSiteImageLab(labArgv, 'verify')) !== 0) failed = true;
} catch (error) {
  process.stderr.write(`test:lab (site image): ${error instanceof Error ? error.message : String(error)}\n`);
  failed = true;
}
// The workshop kit (issue #7): the learner's set-up check passes and the kit with images loads (src/lab/workshop-kit.ts).
if (!siteOnly && (await workshopKitExitCode()) !== 0) failed = true;

process.exitCode = failed ? 1 : 0;
