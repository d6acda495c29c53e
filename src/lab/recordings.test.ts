// Fast checks (no Docker) that the committed lab output still matches the exercise: every step has a
// recording that parses as asciicast v3 with one marker and exit status per command, every meta's
// hashes match the current files and step, and the measurements pass their schema.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsciicast } from '../lib/asciicast/parse.ts';
import { measurementsSchema } from '../schemas/measurements.ts';
import { castPath, readMeta, staleReasons } from './freshness.ts';
import { loadLabFile } from './lab-file.ts';
import { measurementsDir, recordingsDir } from './paths.ts';
import { sizeRatioProblem } from './verify-lab.ts';

const lab = loadLabFile('go-hello-world');

describe(`recordings of ${lab.exercise}`, () => {
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
  });

  it('has no recordings left over from removed steps', () => {
    const dir = path.join(recordingsDir, lab.exercise);
    const ids = new Set(lab.steps.map((step) => step.id));
    const orphans = readdirSync(dir).filter((file) => !ids.has(file.replace(/\.(cast|meta\.json)$/, '')));
    expect(orphans).toEqual([]);
  });
});

describe(`measurements of ${lab.exercise}`, () => {
  const file = path.join(measurementsDir, `${lab.exercise}.json`);

  it('exist and pass their schema', () => {
    expect(existsSync(file), `${file} is missing: run npm run lab`).toBe(true);
    const result = measurementsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('cover every variant of lab.yaml, with the output it expects', () => {
    const measurements = measurementsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const variant of lab.variants) {
      const image = measurements.images[variant.name as keyof typeof measurements.images];
      expect(image.output, variant.name).toBe(variant.output);
      expect(image.dockerfile).toBe(`exercises/${lab.exercise}/${variant.name}/Dockerfile`);
    }
  });

  it('show the static nonroot image at least 100x smaller than single-stage', () => {
    const { images } = measurementsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(sizeRatioProblem(images['single-stage'].sizeBytes, images['distroless-static-nonroot'].sizeBytes)).toBeUndefined();
  });
});
