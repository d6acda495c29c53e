import { describe, expect, it } from 'vitest';
import { fixtureMeasurements } from './fixtures/measurements.ts';
import { formatShare, instructionLabel, layerBreakdown } from './layer-breakdown.ts';
import type { ImageMeasurement } from '../../schemas/measurements.ts';

// The shape of the single-stage image: one big imported base layer, then WORKDIR, COPY, RUN, ENTRYPOINT.
const singleStage: ImageMeasurement = {
  ...fixtureMeasurements.images['single-stage'],
  layerHistory: [
    { createdBy: '', comment: 'Imported from -', sizeBytes: 800_000_000, fromBase: true },
    { createdBy: 'WORKDIR /src', comment: 'buildkit.dockerfile.v0', sizeBytes: 0, fromBase: false },
    { createdBy: 'COPY go.mod main.go ./ # buildkit', comment: 'buildkit.dockerfile.v0', sizeBytes: 250, fromBase: false },
    { createdBy: 'RUN /bin/sh -c CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/hello . # buildkit', comment: 'buildkit.dockerfile.v0', sizeBytes: 1_999_750, fromBase: false },
    { createdBy: 'ENTRYPOINT ["/out/hello"]', comment: 'buildkit.dockerfile.v0', sizeBytes: 0, fromBase: false },
  ],
};

describe('layerBreakdown', () => {
  const breakdown = layerBreakdown('single-stage', singleStage, 400);

  it('keeps the layers that hold bytes, in build order, and counts the configuration-only entries', () => {
    expect(breakdown.segments.map((segment) => segment.label)).toEqual([
      'base image (one imported layer)',
      'COPY go.mod main.go ./',
      'RUN CGO_ENABLED=0 go build -trimpath -ldflags="…',
    ]);
    expect(breakdown.configOnly).toBe(2);
  });

  it('splits the bytes between the base and the Dockerfile', () => {
    expect(breakdown.totalBytes).toBe(802_000_000);
    expect(breakdown.baseBytes).toBe(800_000_000);
    expect(breakdown.ownBytes).toBe(2_000_000);
  });

  it('lays the segments end to end over the whole bar, each as wide as its share', () => {
    const [base, copy, run] = breakdown.segments;
    expect(base?.x).toBe(0);
    expect(base?.width).toBeCloseTo((800 / 802) * 400, 6);
    expect(copy?.x).toBeCloseTo(base?.width ?? Number.NaN, 6);
    expect((run?.x ?? 0) + (run?.width ?? 0)).toBeCloseTo(400, 6);
    expect(breakdown.segments.reduce((sum, segment) => sum + segment.share, 0)).toBeCloseTo(1, 9);
  });

  it('says how to fix measurements without a history', () => {
    expect(() => layerBreakdown('debug', fixtureMeasurements.images.debug, 400)).toThrow(/no layerHistory.*--only measure/);
  });
});

describe('instructionLabel', () => {
  it('shows what the Dockerfile said, shortened', () => {
    expect(instructionLabel({ createdBy: 'COPY /out/hello /usr/local/bin/hello # buildkit', fromBase: false })).toBe('COPY /out/hello /usr/local/bin/hello');
    expect(instructionLabel({ createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', fromBase: true })).toBe('CMD ["bash"]');
    expect(instructionLabel({ createdBy: 'x'.repeat(60), fromBase: false }, 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('formatShare', () => {
  it('keeps small shares visible', () => {
    expect(formatShare(0.998_3)).toBe('99.8%');
    expect(formatShare(0.001_67)).toBe('0.17%');
    expect(formatShare(0.000_000_3)).toBe('<0.01%');
    expect(formatShare(1)).toBe('100%');
  });
});
