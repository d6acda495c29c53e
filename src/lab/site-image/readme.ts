// The sentence the README's site-image section carries, made from the measurements so it is never typed from
// memory: `npm run lab -- site-image` prints it, and readme.test.ts fails when the README's copy is stale.
import type { SiteImageMeasurements } from '../../schemas/site-image.ts';

/** Megabytes as `docker images` counts them (10^6 bytes), one decimal. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function readmeSizeSentence(measurements: SiteImageMeasurements): string {
  const shells = measurements.shells.length ? measurements.shells.join(', ') : 'no shell';
  const managers = measurements.packageManagers.length ? measurements.packageManagers.join(', ') : 'no package manager';
  return (
    `Measured by the lab (${measurements.measuredAt.slice(0, 10)}): ${megabytes(measurements.sizeBytes)} ` +
    `(${measurements.sizeBytes} bytes), ${megabytes(measurements.compressedSizeBytes)} compressed in a registry, ` +
    `${measurements.layers} layers, ${measurements.files} files, user ${measurements.user}, ${shells}, ${managers}.`
  );
}
