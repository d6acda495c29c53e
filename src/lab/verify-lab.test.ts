import { describe, expect, it } from 'vitest';
import { compareImage, sizeRatioProblem } from './verify-lab.ts';
import type { ImageMeasurement } from '../schemas/measurements.ts';

const committed: ImageMeasurement = {
  tag: 'go-hello-world:distroless-static-nonroot',
  dockerfile: 'exercises/go-hello-world/distroless-static-nonroot/Dockerfile',
  base: { image: 'gcr.io/distroless/static-debian13:nonroot', provenance: 'assembled', assembledFrom: 'Debian trixie packages' },
  sizeBytes: 3_716_314,
  compressedSizeBytes: 1_496_997,
  layers: 2,
  files: 956,
  executables: 2,
  shells: [],
  packageManagers: [],
  setuidFiles: 0,
  debianPackages: 6,
  user: '65532',
  uid: 65532,
  buildSeconds: 4.9,
  startSeconds: 1.8,
  pushSeconds: 3.1,
  pullSeconds: 4,
  output: 'Hello, World!',
};

const rebuilt = {
  sizeBytes: committed.sizeBytes,
  layers: 2,
  files: 956,
  executables: 2,
  shells: [],
  packageManagers: [],
  setuidFiles: 0,
  debianPackages: 6,
  user: '65532',
  uid: 65532,
  output: 'Hello, World!',
};

describe('compareImage', () => {
  it('accepts a rebuild within 5% that prints the same and runs as the same user', () => {
    expect(compareImage('static', committed, { ...rebuilt, sizeBytes: Math.round(committed.sizeBytes * 1.04) })).toEqual([]);
  });

  it('reports size drift over 5%, other output, another user and a new shell', () => {
    const problems = compareImage('static', committed, {
      ...rebuilt,
      sizeBytes: committed.sizeBytes * 2,
      output: 'Hello',
      user: 'root',
      uid: 0,
      shells: ['/bin/sh'],
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/differs from the committed 3716314 by 100\.0%/);
  });
});

describe('sizeRatioProblem', () => {
  it('holds the lesson to its claim of at least 100x', () => {
    expect(sizeRatioProblem(889_771_495, 3_716_314)).toBeUndefined();
    expect(sizeRatioProblem(300_000_000, 3_716_314)).toMatch(/only 80\.7x smaller/);
  });
});
