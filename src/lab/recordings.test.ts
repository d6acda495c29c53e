// Fast checks (no Docker) that the committed lab output still matches the exercise: every step has a
// recording that parses as asciicast v3 with one marker and exit status per command, every meta's
// hashes match the current files and step, and the measurements pass their schema.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsciicast } from '../lib/asciicast/parse.ts';
import { exerciseMeasurementsSchemas, measurementsSchema, measurementsSchemaFor, nodeMeasurementsSchema } from '../schemas/measurements.ts';
import { castPath, readMeta, staleReasons } from './freshness.ts';
import { labExercises, loadLabFile } from './lab-file.ts';
import type { LabFile } from './lab-file.ts';
import { measurementsDir, recordingsDir } from './paths.ts';
import { sizeRatioProblem } from './verify-lab.ts';

it('covers every exercise with a lab.yaml, each with its measurements schema', () => {
  expect(labExercises()).toEqual(Object.keys(exerciseMeasurementsSchemas).sort());
});

describe.each(labExercises().map((exercise) => [exercise, loadLabFile(exercise)] as const))('recordings of %s', (_exercise, lab: LabFile) => {
  it.each(lab.steps.map((step) => [step.id, step] as const))('%s is current', (id, step) => {
    const reasons = staleReasons(lab, step, readMeta(lab.exercise, id));
    expect(reasons, `content/recordings/${lab.exercise}/${id} is stale (${reasons.join('; ')}): run npm run lab -- --only ${id}`).toEqual([]);
  });

  it.each(lab.steps.map((step) => [step.id, step] as const))('%s parses as asciicast v3 with one marker and exit status per command', (id, step) => {
    const recording = parseAsciicast(readFileSync(castPath(lab.exercise, id), 'utf8'));
    const meta = readMeta(lab.exercise, id);
    expect(recording.version).toBe(3);
    expect({ cols: recording.cols, rows: recording.rows }).toEqual(lab.terminal);
    expect(recording.markers.map((marker) => marker.label)).toEqual(step.commands.map((command) => command.run));
    expect(recording.markers.map((marker) => marker.exitStatus)).toEqual(meta?.commands.map((command) => String(command.exitCode)));
    expect(recording.markers.map((marker) => Number(marker.exitStatus))).toEqual(step.commands.map((command) => command.expect.exitCode));
    expect(recording.events.filter(([, code]) => code === 'o').length).toBeGreaterThan(step.commands.length);
    expect(meta !== undefined && lab.runtime in meta, `the meta records the ${lab.runtime} version`).toBe(true);
  });

  it('has no recordings left over from removed steps', () => {
    const dir = path.join(recordingsDir, lab.exercise);
    const ids = new Set(lab.steps.map((step) => step.id));
    const orphans = readdirSync(dir).filter((file) => !ids.has(file.replace(/\.(cast|meta\.json)$/, '')));
    expect(orphans).toEqual([]);
  });
});

describe.each(labExercises().map((exercise) => [exercise, loadLabFile(exercise)] as const))('measurements of %s', (exercise, lab: LabFile) => {
  const file = path.join(measurementsDir, `${exercise}.json`);
  const schema = measurementsSchemaFor(exercise);

  it('exist and pass their schema', () => {
    expect(existsSync(file), `${file} is missing: run npm run lab -- --exercise ${exercise}`).toBe(true);
    if (!schema) throw new Error(`no measurements schema for ${exercise} in src/schemas/measurements.ts`);
    const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('cover every variant of lab.yaml, with the output it expects and the runtime it records', () => {
    if (!schema) throw new Error(`no measurements schema for ${exercise} in src/schemas/measurements.ts`);
    const measurements = schema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const images = measurements.images as Record<string, { output: string; dockerfile: string }>;
    for (const variant of lab.variants) {
      const image = images[variant.name];
      expect(image?.output, variant.name).toBe(variant.output);
      expect(image?.dockerfile).toBe(`exercises/${lab.exercise}/${variant.name}/Dockerfile`);
    }
    expect(Object.keys(images).sort()).toEqual(lab.variants.map((variant) => variant.name).sort());
    expect(lab.runtime in measurements.environment, `environment.${lab.runtime}`).toBe(true);
  });
});

describe('measurements of go-hello-world', () => {
  const file = path.join(measurementsDir, 'go-hello-world.json');

  it('show the static nonroot image at least 100x smaller than single-stage', () => {
    const { images } = measurementsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(sizeRatioProblem(images['single-stage'].sizeBytes, images['distroless-static-nonroot'].sizeBytes)).toBeUndefined();
  });
});

describe('measurements of node-hello-world', () => {
  const file = path.join(measurementsDir, 'node-hello-world.json');

  it('show distroless smaller than the Node.js image, with no shell or package manager, as uid 65532', () => {
    const { images } = nodeMeasurementsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(images.distroless.sizeBytes).toBeLessThan(images['single-stage'].sizeBytes);
    expect(images.distroless.shells).toEqual([]);
    expect(images.distroless.packageManagers).toEqual([]);
    expect(images.distroless.uid).toBe(65532);
    expect(images['single-stage'].shells.length).toBeGreaterThan(0);
  });
});
