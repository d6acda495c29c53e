import { describe, expect, it } from 'vitest';
import { machineEnvironmentSchema, measurementsSchema, nodeMeasurementsSchema, nodeVariantNames, variantNames, variantNamesOf } from './measurements.ts';

function image(variant: string) {
  return {
    tag: `go-hello-world:${variant}`,
    dockerfile: `exercises/go-hello-world/${variant}/Dockerfile`,
    base: variant === 'scratch' ? { image: 'scratch' } : { image: 'debian:trixie-slim', provenance: 'assembled', assembledFrom: 'Debian trixie (mmdebstrap minbase)' },
    sizeBytes: 1_500_000,
    compressedSizeBytes: 700_000,
    layers: 1,
    files: 1,
    executables: 1,
    shells: [],
    packageManagers: [],
    setuidFiles: 0,
    debianPackages: 0,
    user: '65532:65532',
    uid: 65532,
    buildSeconds: 2.5,
    startSeconds: 0.4,
    pushSeconds: 0.3,
    pullSeconds: 0.5,
    output: 'Hello, World!',
  };
}

const valid = {
  exercise: 'go-hello-world',
  measuredAt: '2026-11-27T17:30:00.000Z',
  environment: { docker: '20.10.24+dfsg1', go: 'go1.24.4', cpus: 2, kernel: '6.1.0' },
  units: { sizeBytes: 'bytes', buildSeconds: 's', layers: 'count' },
  images: Object.fromEntries(variantNames.map((variant) => [variant, image(variant)])),
};

describe('measurementsSchema', () => {
  it('accepts measurements of every variant', () => {
    expect(measurementsSchema.safeParse(valid).error?.issues ?? []).toEqual([]);
  });

  it('needs every variant', () => {
    const fewer = Object.fromEntries(Object.entries(valid.images).filter(([variant]) => variant !== 'scratch'));
    expect(measurementsSchema.safeParse({ ...valid, images: fewer }).success).toBe(false);
  });

  it('rejects unknown variants and fields, negative sizes and unknown units', () => {
    expect(measurementsSchema.safeParse({ ...valid, images: { ...valid.images, alpine: image('alpine') } }).success).toBe(false);
    expect(measurementsSchema.safeParse({ ...valid, images: { ...valid.images, debug: { ...image('debug'), colour: 'red' } } }).success).toBe(false);
    expect(measurementsSchema.safeParse({ ...valid, images: { ...valid.images, debug: { ...image('debug'), sizeBytes: -1 } } }).success).toBe(false);
    expect(measurementsSchema.safeParse({ ...valid, units: { sizeBytes: 'MB' } }).success).toBe(false);
  });

  it('rejects a base with no provenance, other than scratch', () => {
    const debug = { ...image('debug'), base: { image: 'gcr.io/distroless/static-debian13:debug-nonroot' } };
    expect(measurementsSchema.safeParse({ ...valid, images: { ...valid.images, debug } }).success).toBe(false);
  });

  it('accepts a layer history and rejects negative or unnamed layer sizes', () => {
    const layerHistory = [
      { createdBy: '', comment: 'Imported from -', sizeBytes: 2_290_000, fromBase: true },
      { createdBy: 'COPY /out/hello /usr/local/bin/hello # buildkit', comment: 'buildkit.dockerfile.v0', sizeBytes: 1_430_000, fromBase: false },
    ];
    const withHistory = (history: unknown) => ({ ...valid, images: { ...valid.images, scratch: { ...image('scratch'), layerHistory: history } } });
    expect(measurementsSchema.safeParse(withHistory(layerHistory)).error?.issues ?? []).toEqual([]);
    expect(measurementsSchema.safeParse(withHistory([{ ...layerHistory[0], sizeBytes: -1 }])).success).toBe(false);
    expect(measurementsSchema.safeParse(withHistory([{ comment: '', sizeBytes: 1, fromBase: true }])).success).toBe(false);
  });
});

describe('nodeMeasurementsSchema', () => {
  const node = {
    ...valid,
    exercise: 'node-hello-world',
    environment: { docker: '20.10.24+dfsg1', node: 'v24.21.0', cpus: 2, kernel: '6.1.0' },
    images: Object.fromEntries(nodeVariantNames.map((variant) => [variant, image(variant)])),
  };

  it('accepts the Node.js exercise\'s variants with the Node.js version', () => {
    expect(nodeMeasurementsSchema.safeParse(node).error?.issues ?? []).toEqual([]);
  });

  it('rejects a Go environment, a Go variant, a missing variant or another exercise', () => {
    expect(nodeMeasurementsSchema.safeParse({ ...node, environment: valid.environment }).success).toBe(false);
    expect(nodeMeasurementsSchema.safeParse({ ...node, images: { ...node.images, scratch: image('scratch') } }).success).toBe(false);
    expect(nodeMeasurementsSchema.safeParse({ ...node, images: { distroless: image('distroless') } }).success).toBe(false);
    expect(nodeMeasurementsSchema.safeParse({ ...node, exercise: 'go-hello-world' }).success).toBe(false);
    expect(measurementsSchema.safeParse(node).success).toBe(false);
  });

  it('is found by exercise name', () => {
    expect(variantNamesOf('node-hello-world')).toEqual(nodeVariantNames);
    expect(variantNamesOf('go-hello-world')).toEqual(variantNames);
    expect(variantNamesOf('rust-hello-world')).toBeUndefined();
  });
});

describe('the environment of either exercise', () => {
  const goEnvironment = measurementsSchema.shape.environment;
  const nodeEnvironment = nodeMeasurementsSchema.shape.environment;
  const machine = { docker: '20.10.24+dfsg1', cpus: 2, kernel: '6.1.0' };

  it('is the shared machine fields plus its own toolchain version', () => {
    expect(Object.keys(goEnvironment.shape).sort()).toEqual([...Object.keys(machineEnvironmentSchema.shape), 'go'].sort());
    expect(Object.keys(nodeEnvironment.shape).sort()).toEqual([...Object.keys(machineEnvironmentSchema.shape), 'node'].sort());
    expect(goEnvironment.safeParse({ ...machine, go: 'go1.24.4' }).success).toBe(true);
    expect(nodeEnvironment.safeParse({ ...machine, node: 'v24.21.0' }).success).toBe(true);
  });

  it('needs every machine field and stays strict after extending', () => {
    for (const [environment, toolchain] of [[goEnvironment, { go: 'go1.24.4' }], [nodeEnvironment, { node: 'v24.21.0' }]] as const) {
      expect(environment.safeParse({ docker: machine.docker, cpus: machine.cpus, ...toolchain }).success).toBe(false);
      expect(environment.safeParse({ ...machine, ...toolchain, cpus: 0 }).success).toBe(false);
      expect(environment.safeParse({ ...machine, ...toolchain, memory: '8G' }).success).toBe(false);
    }
  });
});
