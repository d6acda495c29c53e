/**
 * Build-time reading of the lab's measurements (Node only; Astro frontmatter imports this, the browser never
 * does). Every exercise's file is validated with that exercise's own schema (measurementsSchemaFor in
 * src/schemas/measurements.ts), so a figure can only show a number the lab wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isGoMeasurements, measurementsSchemaFor, type ExerciseMeasurements, type Measurements } from '../../schemas/measurements.ts';

/** content/measurements/ (the build runs from the project root). */
export const measurementsDir = join(process.cwd(), 'content', 'measurements');

const cache = new Map<string, ExerciseMeasurements | undefined>();

/** The exercise's schema; an exercise the lab does not measure is an error naming it, not a missing file. */
function schemaOf(exercise: string, file: string) {
  const schema = measurementsSchemaFor(exercise);
  if (!schema) throw new Error(`no measurements schema for exercise "${exercise}" (${file}): the lab measures only those of measurementsSchemaFor in src/schemas/measurements.ts`);
  return schema;
}

/** Parses an exercise's measurements document with that exercise's schema, throwing an error that names the file and the bad fields. */
export function parseMeasurements(raw: unknown, exercise: string, file: string): ExerciseMeasurements {
  const result = schemaOf(exercise, file).safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new Error(`${file} does not match src/schemas/measurements.ts: ${problems}`);
}

/**
 * The measurements of an exercise, or undefined when `npm run lab` has not written the file yet
 * (the components then say "not measured yet" outside CI and fail the build in CI).
 */
export function loadMeasurements(exercise: string, folder = measurementsDir): ExerciseMeasurements | undefined {
  const key = join(folder, `${exercise}.json`);
  if (!cache.has(key)) {
    const shown = relative(process.cwd(), key);
    schemaOf(exercise, shown); // even before the lab has run: a misspelt exercise is not a missing file
    cache.set(key, existsSync(key) ? parseMeasurements(JSON.parse(readFileSync(key, 'utf8')) as unknown, exercise, shown) : undefined);
  }
  return cache.get(key);
}

/**
 * The same loader for the figures drawn from the Go exercise's variants (charts, attack-surface table, cost
 * calculator): the result is typed as the Go schema's, and another exercise's file is refused by name.
 */
export function loadGoMeasurements(exercise: string, component: string, folder = measurementsDir): Measurements | undefined {
  const measurements = loadMeasurements(exercise, folder);
  if (measurements === undefined || isGoMeasurements(measurements)) return measurements;
  throw new Error(`${component} draws a Go exercise's image variants; "${exercise}" is measured with another schema (its numbers can be shown with <Measure exercise="${exercise}">).`);
}

/** What a component does when the file is missing: in CI that is an error; elsewhere the lab may still be running. */
export function missingMeasurements(component: string, exercise: string, page: string): string {
  const message = `${component} on ${page}: content/measurements/${exercise}.json does not exist yet (run \`npm run lab\`).`;
  if (process.env['CI']) throw new Error(message);
  console.warn(message);
  return message;
}
