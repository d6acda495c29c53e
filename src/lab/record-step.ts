// Records one step of lab.yaml in a pseudo-terminal, checks its expectations and returns the
// asciicast and its meta, ready to be written (or compared, in --verify).
import { writeAsciicastV3 } from './asciicast-writer.ts';
import { run } from './exec.ts';
import { checkExpectation } from './expectations.ts';
import { exerciseDir, stepInputHashes, stepSha256 } from './lab-file.ts';
import type { LabFile, LabStep } from './lab-file.ts';
import { recordSession } from './record.ts';
import type { BaseImage } from './bases.ts';
import type { AnyRecordingMeta, RecordingMeta } from '../schemas/recording-meta.ts';
import { nodeRecordingMetaSchema, recordingMetaSchema } from '../schemas/recording-meta.ts';
import type { Runtime } from './runtime-version.ts';

export interface StepContext {
  lab: LabFile;
  env: NodeJS.ProcessEnv;
  docker: { client: string; server: string };
  /** The exercise's language runtime and its version in the images (go1.24.4, v24.21.0). */
  runtime: { name: Runtime; version: string };
  /** Base images by the name the Dockerfiles use. */
  bases: Map<string, BaseImage>;
  /** Images each variant's build needs (FROM lines), by variant name. */
  variantBases: Map<string, string[]>;
  onCommand?: (command: string) => void;
}

/** The variants a step's commands touch (by their tag), or all of them when none is named. */
function variantsUsed(lab: LabFile, step: LabStep): string[] {
  const named = lab.variants
    .map((variant) => variant.name)
    .filter((name) => step.commands.some((command) => new RegExp(`${lab.exercise}:${name}(?![a-z0-9-])`).test(command.run)));
  return named.length ? named : lab.variants.map((variant) => variant.name);
}

function provenanceOf(base: BaseImage): RecordingMeta['baseImages'][number] {
  const entry: RecordingMeta['baseImages'][number] = { image: base.image, provenance: base.provenance };
  if (base.digest) entry.digest = base.digest;
  if (base.assembledFrom) entry.assembledFrom = base.assembledFrom;
  return entry;
}

/** Removes the step's named containers, if any exist (a run that failed half-way may have left them). */
async function removeContainers(step: LabStep, env: NodeJS.ProcessEnv): Promise<void> {
  if (step.removeContainers.length) await run('docker', ['rm', '--force', ...step.removeContainers], { env, check: false });
}

export async function recordStep(step: LabStep, context: StepContext): Promise<{ cast: string; meta: AnyRecordingMeta }> {
  const { lab } = context;
  await removeContainers(step, context.env);
  let recording;
  try {
    recording = await recordSession(
      step.commands.map((command) => command.run),
      {
        cwd: exerciseDir(lab.exercise),
        cols: lab.terminal.cols,
        rows: lab.terminal.rows,
        env: context.env,
        onCommand: (command) => context.onCommand?.(command),
      },
    );
  } finally {
    await removeContainers(step, context.env);
  }
  for (const [index, command] of step.commands.entries()) {
    const result = recording.commands[index];
    if (!result) throw new Error(`step ${step.id}: command ${index + 1} did not run`);
    const problem = checkExpectation(command.expect, result.exitCode, result.output);
    if (problem) {
      const tail = result.output.split('\n').slice(-12).join('\n');
      throw new Error(`step ${step.id}: \`${command.run}\`: ${problem}\n--- output (end) ---\n${tail}`);
    }
  }
  const images = [...new Set(variantsUsed(lab, step).flatMap((name) => context.variantBases.get(name) ?? []))];
  const fields = {
    exercise: lab.exercise,
    step: step.id,
    title: step.title,
    recordedAt: recording.startedAt.toISOString(),
    terminal: { cols: lab.terminal.cols, rows: lab.terminal.rows },
    docker: { client: context.docker.client, server: context.docker.server, buildkit: context.env['DOCKER_BUILDKIT'] === '1' },
    [context.runtime.name]: context.runtime.version,
    baseImages: images.flatMap((image) => {
      const base = context.bases.get(image);
      return base ? [provenanceOf(base)] : [];
    }),
    inputs: stepInputHashes(lab.exercise, step),
    commands: recording.commands.map((command) => ({ command: command.command, exitCode: command.exitCode })),
    stepsSha256: stepSha256(lab, step),
  };
  // Go exercises record `go`, Node.js ones `node`: each has its schema (src/schemas/recording-meta.ts).
  const meta = context.runtime.name === 'go' ? recordingMetaSchema.parse(fields) : nodeRecordingMetaSchema.parse(fields);
  const cast = writeAsciicastV3(
    {
      cols: lab.terminal.cols,
      rows: lab.terminal.rows,
      timestamp: Math.floor(recording.startedAt.getTime() / 1000),
      title: step.title,
      command: 'bash',
    },
    recording.events,
  );
  return { cast, meta };
}
