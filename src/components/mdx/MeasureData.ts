/**
 * Build-time reading of any exercise's measurements for <Measure> (Node only). go-hello-world goes through the
 * shared loader (src/lib/figures/measurements.ts, which the charts use too); other exercises, such as
 * node-hello-world, are validated with their own schema (src/schemas/measurements.ts, measurementsSchemaFor).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadMeasurements, measurementsDir } from '../../lib/figures/measurements.ts';
import { measurementsSchemaFor, type ExerciseMeasurements } from '../../schemas/measurements.ts';

const cache = new Map<string, ExerciseMeasurements | undefined>();

/** The exercise's measurements, or undefined when `npm run lab` has not written them yet. */
export function loadExerciseMeasurements(exercise: string, folder = measurementsDir): ExerciseMeasurements | undefined {
  if (exercise === 'go-hello-world') return loadMeasurements(exercise, folder);
  const file = join(folder, `${exercise}.json`);
  if (!cache.has(file)) {
    const schema = measurementsSchemaFor(exercise);
    if (!schema) throw new Error(`<Measure>: no measurements schema for exercise "${exercise}" in src/schemas/measurements.ts`);
    let parsed: ExerciseMeasurements | undefined;
    if (existsSync(file)) {
      const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
      if (!result.success) {
        const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
        throw new Error(`${relative(process.cwd(), file)} does not match src/schemas/measurements.ts: ${problems}`);
      }
      parsed = result.data;
    }
    cache.set(file, parsed);
  }
  return cache.get(file);
}
