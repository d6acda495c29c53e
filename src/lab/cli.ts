// Entry point of `npm run lab` (see args.ts for the options).
import { parseLabArgs, usage } from './args.ts';
import { EngineError } from './engine.ts';
import { runLab } from './lab.ts';
import { runSiteImageLab, SITE_IMAGE_COMMAND } from './site-image/site-lab.ts';

try {
  const argv = process.argv.slice(2);
  // `npm run lab -- site-image [--bases …]`: the site's own image (issue #8), apart from the exercise.
  if (argv[0] === SITE_IMAGE_COMMAND) {
    process.exitCode = await runSiteImageLab(argv.slice(1), 'measure');
  } else {
    const options = parseLabArgs(argv);
    if (options.help) {
      process.stdout.write(`${usage}\n\n  npm run lab -- ${SITE_IMAGE_COMMAND} [--bases <mode>]   build, check and measure the site's own image\n`);
    } else {
      process.exitCode = await runLab(options);
    }
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof EngineError ? 'Docker: ' : 'lab: '}${message}\n`);
  process.exitCode = 1;
}
