import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteImageMeasurementsSchema } from './site-image.ts';

const valid = {
  image: 'site',
  measuredAt: '2026-11-27T21:00:00.000Z',
  environment: { docker: '20.10.24+dfsg1', cpus: 2, kernel: '6.1.0' },
  units: { sizeBytes: 'bytes', buildSeconds: 's' },
  tag: 'lean-containers-site:latest',
  sourceCommit: 'a'.repeat(40),
  dockerfile: 'Dockerfile',
  base: { image: 'gcr.io/distroless/static-debian13:nonroot', provenance: 'assembled', assembledFrom: 'Debian trixie packages' },
  buildImages: [{ image: 'golang:1.24-trixie', provenance: 'pulled', digest: `sha256:${'a'.repeat(64)}` }],
  sizeBytes: 20_000_000,
  compressedSizeBytes: 8_000_000,
  layers: 4,
  files: 1500,
  executables: 1,
  shells: [],
  packageManagers: [],
  setuidFiles: 0,
  debianPackages: 6,
  user: '65532',
  uid: 65532,
  buildSeconds: 120.5,
};

describe('siteImageMeasurementsSchema', () => {
  it('accepts a complete measurement', () => {
    expect(siteImageMeasurementsSchema.parse(valid).sizeBytes).toBe(20_000_000);
  });

  it('rejects unknown fields, fractional byte counts and an assembled base that says not what from', () => {
    expect(siteImageMeasurementsSchema.safeParse({ ...valid, sizeMB: 20 }).success).toBe(false);
    expect(siteImageMeasurementsSchema.safeParse({ ...valid, sizeBytes: 1.5 }).success).toBe(false);
    expect(siteImageMeasurementsSchema.safeParse({ ...valid, base: { image: 'x', provenance: 'assembled' } }).success).toBe(false);
  });

  it('holds for the committed content/measurements/site-image.json', () => {
    const file = new URL('../../content/measurements/site-image.json', import.meta.url);
    expect(existsSync(file), 'run npm run lab -- site-image').toBe(true);
    expect(siteImageMeasurementsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))).error).toBeUndefined();
  });
});
