// Command-line options of `npm run lab`.
import { parseArgs } from 'node:util';
import type { BasesMode } from './bases.ts';

export interface LabOptions {
  exercise: string;
  only: string[];
  bases: BasesMode;
  verify: boolean;
  force: boolean;
  help: boolean;
}

export const usage = `Usage: npm run lab -- [options]

Builds the exercise's images for real, records each step in a terminal and measures every image.
Writes content/recordings/<exercise>/*.cast (+ .meta.json) and content/measurements/<exercise>.json.

  --only <step>        record only this step (repeatable or comma-separated); "measure" re-measures
  --bases <mode>       base images: pull, assemble (from Debian packages) or auto (default: auto)
  --verify             rebuild from scratch under throwaway tags and compare with the committed
                       measurements; writes nothing (this is npm run test:lab)
  --force              re-record and re-measure even what is up to date
  --exercise <name>    exercise folder under exercises/ (default: go-hello-world)
  -h, --help           show this help`;

export function parseLabArgs(argv: readonly string[]): LabOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      only: { type: 'string', multiple: true },
      bases: { type: 'string', default: 'auto' },
      verify: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      exercise: { type: 'string', default: 'go-hello-world' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const bases = values.bases;
  if (bases !== 'pull' && bases !== 'assemble' && bases !== 'auto') {
    throw new Error(`--bases must be pull, assemble or auto (got ${bases})`);
  }
  return {
    exercise: values.exercise,
    only: (values.only ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean),
    bases,
    verify: values.verify,
    force: values.force,
    help: values.help,
  };
}
