/**
 * Build-time reading of the site image's measurements (content/measurements/site-image.json, written by
 * `npm run lab -- site-image`), for pages that tell instructors how to serve the course from a container.
 * Validated with the lab's own schema, so a page can only show what the lab measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteImageMeasurementsSchema, type SiteImageMeasurements } from '../../schemas/site-image.ts';
import { formatDockerSize, joinFormatted } from './format.ts';
import { measurementsDir } from './measurements.ts';

/** The site image's measurements, or undefined before the lab has measured it (CI fails instead). */
export function loadSiteImage(folder = measurementsDir): SiteImageMeasurements | undefined {
  const file = join(folder, 'site-image.json');
  if (!existsSync(file)) {
    if (process.env['CI']) throw new Error(`${file} does not exist yet (run \`npm run lab -- site-image\`).`);
    return undefined;
  }
  const result = siteImageMeasurementsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new Error(`content/measurements/site-image.json does not match src/schemas/site-image.ts: ${problems}`);
}

/** One sentence of facts about the image, e.g. "17.9 MB (5.43 MB compressed), runs as uid 65532, no shell". */
export function describeSiteImage(image: SiteImageMeasurements): string {
  const size = joinFormatted(formatDockerSize(image.sizeBytes));
  const compressed = joinFormatted(formatDockerSize(image.compressedSizeBytes));
  const shell = image.shells.length === 0 ? 'no shell' : `shells: ${image.shells.join(', ')}`;
  const packages = image.packageManagers.length === 0 ? 'no package manager' : `package managers: ${image.packageManagers.join(', ')}`;
  const uid = String(image.uid);
  const user = image.user === uid ? `uid ${uid}` : `${image.user} (uid ${uid})`;
  return `${size} (${compressed} compressed), runs as ${user}, ${shell}, ${packages}`;
}
