import { describe, expect, it } from 'vitest';
import { anyRecordingMetaSchema, baseImageSchema, nodeRecordingMetaSchema, recordingMetaSchema } from './recording-meta.ts';

const hash = 'a'.repeat(64);

const valid = {
  exercise: 'go-hello-world',
  step: 'build-distroless',
  title: 'Build and run on distroless base',
  recordedAt: '2026-11-27T17:22:12.025Z',
  terminal: { cols: 100, rows: 28 },
  docker: { client: '20.10.24+dfsg1', server: '20.10.24+dfsg1', buildkit: true },
  go: 'go1.24.4',
  baseImages: [
    { image: 'gcr.io/distroless/base-debian13', provenance: 'assembled', assembledFrom: 'Debian trixie packages: libc6, …' },
    { image: 'golang:1.24-trixie', provenance: 'pulled', digest: `sha256:${'b'.repeat(64)}` },
  ],
  inputs: { 'exercises/go-hello-world/distroless/Dockerfile': hash },
  commands: [{ command: 'docker build -t go-hello-world:distroless distroless', exitCode: 0 }],
  stepsSha256: hash,
};

describe('nodeRecordingMetaSchema', () => {
  const { go: _go, ...withoutGo } = valid;
  const node = { ...withoutGo, exercise: 'node-hello-world', node: 'v24.21.0' };

  it('records the Node.js version in place of the Go version', () => {
    expect(nodeRecordingMetaSchema.parse(node)).toEqual(node);
    expect(nodeRecordingMetaSchema.safeParse({ ...node, go: 'go1.24.4' }).success).toBe(false);
    expect(nodeRecordingMetaSchema.safeParse({ ...node, node: '24' }).success).toBe(false);
    expect(recordingMetaSchema.safeParse(node).success).toBe(false);
  });

  it('is accepted, like the Go shape, by the schema for any exercise', () => {
    expect(anyRecordingMetaSchema.safeParse(node).success).toBe(true);
    expect(anyRecordingMetaSchema.safeParse(valid).success).toBe(true);
    expect(anyRecordingMetaSchema.safeParse(withoutGo).success).toBe(false);
  });
});

describe('recordingMetaSchema', () => {
  it('accepts a complete meta', () => {
    expect(recordingMetaSchema.parse(valid)).toEqual(valid);
  });

  it('accepts the minimum: no base images, no inputs', () => {
    expect(recordingMetaSchema.safeParse({ ...valid, baseImages: [], inputs: {} }).success).toBe(true);
  });

  it('rejects unknown fields, bad hashes and missing commands', () => {
    expect(recordingMetaSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(recordingMetaSchema.safeParse({ ...valid, stepsSha256: 'abc' }).success).toBe(false);
    expect(recordingMetaSchema.safeParse({ ...valid, inputs: { 'a/Dockerfile': 'XYZ' } }).success).toBe(false);
    expect(recordingMetaSchema.safeParse({ ...valid, commands: [] }).success).toBe(false);
    expect(recordingMetaSchema.safeParse({ ...valid, recordedAt: 'yesterday' }).success).toBe(false);
  });
});

describe('baseImageSchema', () => {
  it('requires assembled images to say what they were assembled from', () => {
    const result = baseImageSchema.safeParse({ image: 'debian:trixie-slim', provenance: 'assembled' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/assembledFrom/);
  });

  it('rejects a pulled image claiming an assembly', () => {
    expect(baseImageSchema.safeParse({ image: 'x', provenance: 'pulled', assembledFrom: 'y' }).success).toBe(false);
  });
});
