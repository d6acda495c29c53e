/**
 * Plain-language provenance of a measured number: when, where and from which base image. Used by
 * <Measure>'s tooltip and by the charts' captions, so both say the same thing.
 */
import type { ImageMeasurement, Measurements } from '../../schemas/measurements.ts';

/** "27 November 2026" (UTC), from the ISO date the lab wrote. */
export function measuredOn(measurements: Measurements): string {
  return new Date(measurements.measuredAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "Docker 28.1.1, go1.24.4, 2 CPUs" */
export function environmentLine(measurements: Measurements): string {
  const { docker, go, cpus } = measurements.environment;
  return `Docker ${docker}, ${go}, ${cpus} CPU${cpus === 1 ? '' : 's'}`;
}

/** Where the runtime base image came from, said honestly: pulled (with digest) or assembled (from what). */
export function baseLine(image: ImageMeasurement): string {
  const { base } = image;
  if (!('provenance' in base)) return 'no base image (scratch)';
  if (base.provenance === 'pulled') return `base ${base.image}, pulled${base.digest ? ` (${base.digest.slice(0, 19)}…)` : ''}`;
  return `base ${base.image}, assembled by the lab from ${base.assembledFrom ?? 'Debian packages'} (a stand-in, not pulled)`;
}

/** The base image in a few words, for table rows: "gcr.io/distroless/base-debian13 (assembled stand-in)". */
export function baseShort(image: ImageMeasurement): string {
  const { base } = image;
  if (!('provenance' in base)) return 'no base (scratch)';
  return `${base.image} (${base.provenance === 'pulled' ? 'pulled' : 'assembled stand-in'})`;
}
