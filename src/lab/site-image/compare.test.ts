import { describe, expect, it } from 'vitest';
import type { SiteImageMeasurements } from '../../schemas/site-image.ts';
import { compareSiteImage } from './compare.ts';

const committed: SiteImageMeasurements = {
  image: 'site',
  measuredAt: '2026-11-27T21:00:00.000Z',
  environment: { docker: '20.10.24+dfsg1', cpus: 2, kernel: '6.1.0' },
  units: { sizeBytes: 'bytes' },
  tag: 'lean-containers-site:latest',
  sourceCommit: 'a'.repeat(40),
  dockerfile: 'Dockerfile',
  base: { image: 'gcr.io/distroless/static-debian13:nonroot', provenance: 'assembled', assembledFrom: 'Debian trixie packages' },
  buildImages: [{ image: 'node:24-trixie-slim', provenance: 'assembled', assembledFrom: 'Debian trixie + Node' }],
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
  buildSeconds: 120,
};
const facts = { sizeBytes: 20_000_000, layers: 4, files: 1500, executables: 1, shells: [], packageManagers: [], setuidFiles: 0, debianPackages: 6, user: '65532', uid: 65532 };

describe('compareSiteImage', () => {
  it('holds for the same image, and for pages that grew within the tolerance', () => {
    expect(compareSiteImage(committed, facts)).toEqual([]);
    expect(compareSiteImage(committed, { ...facts, sizeBytes: 23_900_000 })).toEqual([]);
  });

  it('fails a size drift past 20% and says how to re-measure', () => {
    const [problem] = compareSiteImage(committed, { ...facts, sizeBytes: 24_100_000 });
    expect(problem).toContain('by 20.5%');
    expect(problem).toContain('npm run lab -- site-image');
  });

  it('fails a root user, a shell, a package manager or a setuid file', () => {
    const problems = compareSiteImage(committed, { ...facts, user: 'root', uid: 0, shells: ['/bin/sh'], packageManagers: ['/usr/bin/apt'], setuidFiles: 2 });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('runs as root (uid 0)');
  });
});
