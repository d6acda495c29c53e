/**
 * Build-time reading of the lab's measurements (Node only; Astro frontmatter imports this, the browser never
 * does). The file is validated with the lab's own schema, so a figure can only show a number the lab wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { measurementsSchema, type Measurements } from '../../schemas/measurements.ts';

/** content/measurements/ (the build runs from the project root). */
export const measurementsDir = join(process.cwd(), 'content', 'measurements');

const cache = new Map<string, Measurements | undefined>();

/** Parses a measurements document, throwing an error that names the file and the bad fields. */
export function parseMeasurements(raw: unknown, file: string): Measurements {
  const result = measurementsSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new Error(`${file} does not match src/schemas/measurements.ts: ${problems}`);
}

/**
 * The measurements of an exercise, or undefined when `npm run lab` has not written the file yet
 * (the components then say "not measured yet" outside CI and fail the build in CI).
 */
export function loadMeasurements(exercise: string, folder = measurementsDir): Measurements | undefined {
  const key = join(folder, `${exercise}.json`);
  if (!cache.has(key)) {
    const shown = relative(process.cwd(), key);
    cache.set(key, existsSync(key) ? parseMeasurements(JSON.parse(readFileSync(key, 'utf8')) as unknown, shown) : undefined);
  }
  return cache.get(key);
}

/** What a component does when the file is missing: in CI that is an error; elsewhere the lab may still be running. */
export function missingMeasurements(component: string, exercise: string, page: string): string {
  const message = `${component} on ${page}: content/measurements/${exercise}.json does not exist yet (run \`npm run lab\`).`;
  if (process.env['CI']) throw new Error(message);
  console.warn(message);
  return message;
}
