// Measures every variant of an exercise into the measurements document (content/measurements/<exercise>.json).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measurementsSchema, measurementsSchemaFor, nodeMeasurementsSchema, variantNamesOf } from '../schemas/measurements.ts';
import type { ExerciseMeasurements, ImageMeasurement, Measurements } from '../schemas/measurements.ts';
import { recordedBase, type BaseImage } from './bases.ts';
import type { LabFile } from './lab-file.ts';
import type { Runtime } from './runtime-version.ts';
import { exerciseDir } from './lab-file.ts';
import { buildSeconds, inspectImage, layerHistory, pushAndPull, runOnce, startSeconds } from './measure.ts';
import { repoRoot } from './paths.ts';
import { startPullEngine, startRegistry } from './registry.ts';

export interface MeasureContext {
  lab: LabFile;
  env: NodeJS.ProcessEnv;
  dockerServer: string;
  /** The exercise's language runtime and its version (go1.24.4, v24.21.0), recorded in the environment. */
  runtime: { name: Runtime; version: string };
  bases: Map<string, BaseImage>;
  tagOf: (variant: string) => string;
  detail: (line: string) => void;
}

export const units: Measurements['units'] = {
  sizeBytes: 'bytes',
  compressedSizeBytes: 'bytes',
  layers: 'count',
  files: 'count',
  executables: 'count',
  setuidFiles: 'count',
  debianPackages: 'count',
  buildSeconds: 's',
  startSeconds: 's',
  pushSeconds: 's',
  pullSeconds: 's',
};


function baseEntry(image: string, bases: Map<string, BaseImage>): ImageMeasurement['base'] {
  if (image === 'scratch') return { image: 'scratch' };
  const base = bases.get(image);
  if (!base) throw new Error(`base image ${image} was not prepared`);
  return { ...recordedBase(base), image };
}

export async function measureExercise(context: MeasureContext): Promise<ExerciseMeasurements> {
  const { lab, env } = context;
  const known = variantNamesOf(lab.exercise);
  if (!known) throw new Error(`exercise ${lab.exercise} has no measurements schema in src/schemas/measurements.ts`);
  const images: Record<string, ImageMeasurement> = {};
  const pullEngine = await startPullEngine(env);
  try {
    for (const variant of lab.variants) {
      if (!known.includes(variant.name)) throw new Error(`variant ${variant.name} is not in the measurements schema`);
      const tag = context.tagOf(variant.name);
      const dir = path.join(exerciseDir(lab.exercise), variant.name);
      context.detail(`${variant.name}: rebuild after an edit`);
      const build = await buildSeconds(variant.name, dir, lab.editFile, env);
      context.detail(`${variant.name}: contents, runs`);
      const facts = await inspectImage(tag, env);
      const first = await runOnce(tag, env);
      if (first.exitCode !== 0 || first.output !== variant.output) {
        throw new Error(`${tag} printed ${JSON.stringify(first.output)} (exit ${first.exitCode}), expected ${JSON.stringify(variant.output)}`);
      }
      const start = await startSeconds(tag, env);
      context.detail(`${variant.name}: push and pull`);
      const registry = await startRegistry(variant.name);
      let transfer;
      try {
        transfer = await pushAndPull(tag, lab.exercise, variant.name, registry, pullEngine, env);
      } finally {
        await registry.stop();
      }
      images[variant.name] = {
        tag,
        dockerfile: path.relative(repoRoot, path.join(dir, 'Dockerfile')),
        base: baseEntry(variant.base, context.bases),
        sizeBytes: facts.sizeBytes,
        compressedSizeBytes: transfer.compressedSizeBytes,
        layers: facts.layers,
        layerHistory: await layerHistory(tag, variant.base, env),
        files: facts.files,
        executables: facts.executables,
        shells: facts.shells,
        packageManagers: facts.packageManagers,
        setuidFiles: facts.setuidFiles,
        debianPackages: facts.debianPackages,
        user: facts.user,
        uid: facts.uid,
        buildSeconds: round(build),
        startSeconds: round(start),
        pushSeconds: round(transfer.pushSeconds),
        pullSeconds: round(transfer.pullSeconds),
        output: first.output,
      };
    }
  } finally {
    await pullEngine.stop();
  }
  const document = {
    exercise: lab.exercise,
    measuredAt: new Date().toISOString(),
    environment: { docker: context.dockerServer, [context.runtime.name]: context.runtime.version, cpus: os.availableParallelism(), kernel: os.release() },
    units,
    images,
  };
  return context.runtime.name === 'go' ? measurementsSchema.parse(document) : nodeMeasurementsSchema.parse(document);
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export function readMeasurements(file: string): Measurements {
  return measurementsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** An exercise's committed measurements, checked with that exercise's schema. */
export function readExerciseMeasurements(exercise: string, file: string): ExerciseMeasurements {
  const schema = measurementsSchemaFor(exercise);
  if (!schema) throw new Error(`exercise ${exercise} has no measurements schema in src/schemas/measurements.ts`);
  return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
