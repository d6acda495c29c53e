// The lab's steps are data: exercises/<exercise>/lab.yaml, validated here. This module also computes
// the fingerprints stored in each recording's meta (sha256 of input files and of the step definition),
// so a unit test can tell when a recording no longer matches its exercise.
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { canonicalJson, sha256, sha256File } from './hash.ts';
import { exercisesDir, repoRoot } from './paths.ts';

const expectSchema = z
  .strictObject({
    exitCode: z.number().int().default(0).describe('Exit status the command must end with (default 0).'),
    output: z.string().optional().describe('Text the output must contain, colours and cursor movement removed.'),
  })
  .describe('What a command must produce, checked on every run.');

const commandSchema = z
  .strictObject({
    run: z.string().min(1).describe('The command, typed into the recorded shell exactly as written.'),
    expect: expectSchema.default({ exitCode: 0 }).describe('Expected exit status and output.'),
  })
  .describe('One command of a step.');

const stepSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/).describe('File name of the recording: content/recordings/<exercise>/<id>.cast.'),
    title: z.string().min(1).describe('Title shown above the terminal.'),
    inputs: z
      .array(z.string())
      .describe('Files (globs relative to the exercise folder) the recording depends on; their sha256 go in the meta.'),
    commands: z.array(commandSchema).min(1).describe('Commands typed one after another in one shell.'),
    removeContainers: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9_.-]+$/))
      .default([])
      .describe('Names of containers the step creates; the lab removes them (unrecorded) before and after the step, so a failed run cannot block the next. Default: none.'),
  })
  .describe('One recorded step.');

const variantSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9-]+$/).describe('Folder under the exercise holding the Dockerfile and the program (the sourceFiles).'),
    base: z.string().min(1).describe('The runtime base image the Dockerfile names (scratch for none).'),
    output: z.string().describe('What the container prints when run, compared exactly.'),
  })
  .describe('One image variant that is built and measured.');

export const labFileSchema = z
  .strictObject({
    exercise: z.string().regex(/^[a-z0-9-]+$/).describe('Exercise folder name under exercises/.'),
    title: z.string().describe('Human title of the exercise.'),
    runtime: z
      .enum(['go', 'node'])
      .default('go')
      .describe('Language runtime of the program: the lab records its version (`go version` or `node --version`) in metas and measurements. Default: go.'),
    sourceFiles: z
      .array(z.string().min(1))
      .min(1)
      .default(['Dockerfile', 'go.mod', 'main.go'])
      .describe('Files of each variant folder the measurements depend on. Default: Dockerfile, go.mod, main.go.'),
    editFile: z
      .string()
      .min(1)
      .default('main.go')
      .describe('Source file of each variant the build-time measurement appends a comment line to (an edit that rebuilds from COPY on). Default: main.go.'),
    terminal: z
      .strictObject({
        cols: z.number().int().min(40).max(300).describe('Terminal columns for every recording.'),
        rows: z.number().int().min(10).max(100).describe('Terminal rows for every recording.'),
      })
      .describe('Size of the recorded terminal.'),
    variants: z.array(variantSchema).min(1).describe('Images to build and measure.'),
    steps: z.array(stepSchema).min(1).describe('Steps to record, in order.'),
  })
  .describe('exercises/<exercise>/lab.yaml');

export type LabFile = z.infer<typeof labFileSchema>;
export type LabStep = LabFile['steps'][number];
export type LabVariant = LabFile['variants'][number];

/** Exercises with a lab.yaml, in name order: what `npm run test:lab` and the recording checks cover. */
export function labExercises(): string[] {
  return globSync('*/lab.yaml', { cwd: exercisesDir }).map((file) => path.dirname(file)).sort();
}

export function exerciseDir(exercise: string): string {
  return path.join(exercisesDir, exercise);
}

export function loadLabFile(exercise: string): LabFile {
  const file = path.join(exerciseDir(exercise), 'lab.yaml');
  const result = labFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`${path.relative(repoRoot, file)} is invalid:\n${issues}`);
  }
  return result.data;
}

/** Input files of a step, as repository-relative paths, sorted. */
export function stepInputFiles(exercise: string, step: LabStep): string[] {
  const dir = exerciseDir(exercise);
  const files = step.inputs.flatMap((pattern) => globSync(pattern, { cwd: dir }));
  return [...new Set(files)].map((file) => path.relative(repoRoot, path.join(dir, file))).sort();
}

/** sha256 of every input file, keyed by repository-relative path (the meta's `inputs`). */
export function stepInputHashes(exercise: string, step: LabStep): Record<string, string> {
  return Object.fromEntries(stepInputFiles(exercise, step).map((file) => [file, sha256File(path.join(repoRoot, file))]));
}

/** sha256 of the step's definition: any change to its commands, expectations or terminal re-records it. */
export function stepSha256(lab: LabFile, step: LabStep): string {
  // A step without containers to remove hashes as before that field existed, so adding it re-recorded nothing.
  const { removeContainers, ...definition } = step;
  return sha256(canonicalJson({ exercise: lab.exercise, terminal: lab.terminal, step: removeContainers.length ? step : definition }));
}
