import { describe, expect, it } from 'vitest';
import { fixtureMeasurements } from '../../lib/figures/fixtures/measurements.ts';
import type { NodeMeasurements } from '../../schemas/measurements.ts';
import { loadMeasurements } from '../../lib/figures/measurements.ts';
import { measureView, parseMeasureProps } from './Measure.ts';

const view = (props: Record<string, unknown>) => measureView(fixtureMeasurements, parseMeasureProps(props, '/test/'));

describe('<Measure> props', () => {
  it('needs exactly one of image, ratio or difference', () => {
    expect(() => parseMeasureProps({ metric: 'sizeBytes' }, '/p/')).toThrow(/<Measure> on \/p\/.*exactly one/);
    expect(() => parseMeasureProps({ image: 'scratch', ratio: ['scratch', 'debug'], metric: 'sizeBytes' }, '/p/')).toThrow(/exactly one/);
  });
  it('rejects unknown variants, metrics and formats, naming the field', () => {
    expect(() => parseMeasureProps({ image: 'alpine', metric: 'sizeBytes' }, '/p/')).toThrow(/image/);
    expect(() => parseMeasureProps({ image: 'scratch', metric: 'size' }, '/p/')).toThrow(/metric/);
    expect(() => parseMeasureProps({ image: 'scratch', metric: 'sizeBytes', format: 'megabytes' }, '/p/')).toThrow(/format/);
  });
});

describe('measureView', () => {
  it('shows a size as docker images does, keeping the exact bytes as the value', () => {
    const result = view({ image: 'single-stage', metric: 'sizeBytes' });
    expect(result.value).toBe(800_000_000);
    expect(result.text).toBe('800\u00a0MB');
    expect(result.details[0]).toContain('800,000,000\u00a0bytes');
  });
  it('says when it was measured and where the base came from, pulled or assembled', () => {
    const pulled = view({ image: 'single-stage', metric: 'sizeBytes' }).details.join('\n');
    expect(pulled).toContain('27 November 2026');
    expect(pulled).toContain('golang:1.24-trixie, pulled');
    const assembled = view({ image: 'distroless-static-nonroot', metric: 'sizeBytes' }).details.join('\n');
    expect(assembled).toContain('assembled by the lab from Debian trixie packages');
    expect(view({ image: 'scratch', metric: 'sizeBytes' }).details.join('\n')).toContain('no base image (scratch)');
  });
  it('honours the format prop', () => {
    expect(view({ image: 'single-stage', metric: 'sizeBytes', format: 'MiB' }).text).toBe('763\u00a0MiB');
    expect(view({ image: 'single-stage', metric: 'startSeconds', format: 'ms' }).text).toBe('800\u00a0ms');
    expect(view({ image: 'single-stage', metric: 'startSeconds' }).text).toBe('0.8\u00a0s');
  });
  it('computes a ratio of two images', () => {
    const result = view({ ratio: ['single-stage', 'distroless-static-nonroot'], metric: 'sizeBytes' });
    expect(result.value).toBe(400);
    expect(result.text).toBe('400×');
    expect(result.details).toHaveLength(4);
  });
  it('computes a difference, signed', () => {
    expect(view({ difference: ['single-stage', 'multi-stage'], metric: 'sizeBytes' }).text).toBe('720\u00a0MB');
    expect(view({ difference: ['scratch', 'distroless-static-nonroot'], metric: 'sizeBytes' }).text).toBe('−500\u00a0kB');
  });
  it('counts list fields such as shells', () => {
    expect(view({ image: 'single-stage', metric: 'shells' }).text).toBe('2');
  });
  it('refuses to divide by zero', () => {
    expect(() => view({ ratio: ['single-stage', 'scratch'], metric: 'setuidFiles' })).toThrow(/cannot divide/);
  });
});

describe('<Measure> for another exercise (node-hello-world)', () => {
  const node: NodeMeasurements = {
    ...fixtureMeasurements,
    exercise: 'node-hello-world',
    environment: { docker: '20.10.24+dfsg1', node: 'v24.21.0', cpus: 2, kernel: '6.1.0' },
    images: { 'single-stage': fixtureMeasurements.images['single-stage'], distroless: fixtureMeasurements.images.distroless },
  };
  const nodeView = (props: Record<string, unknown>) => measureView(node, parseMeasureProps({ exercise: 'node-hello-world', ...props }, '/test/'));

  it('accepts that exercise\'s variants and refuses the Go exercise\'s others, naming the field', () => {
    expect(() => parseMeasureProps({ exercise: 'node-hello-world', image: 'scratch', metric: 'sizeBytes' }, '/p/')).toThrow(/image: "scratch" is not a variant of node-hello-world/);
    expect(() => parseMeasureProps({ exercise: 'node-hello-world', ratio: ['single-stage', 'debug'], metric: 'sizeBytes' }, '/p/')).toThrow(/ratio/);
    expect(() => parseMeasureProps({ exercise: 'rust-hello-world', image: 'distroless', metric: 'sizeBytes' }, '/p/')).toThrow(/exercise/);
  });

  it('shows its numbers with the Node.js version where the Go version would be', () => {
    const result = nodeView({ ratio: ['single-stage', 'distroless'], metric: 'sizeBytes' });
    expect(result.text).toBe('40×');
    expect(result.details.join('\n')).toContain('Docker 20.10.24+dfsg1, Node.js v24.21.0, 2 CPUs');
    expect(result.details.join('\n')).not.toContain('go1.24.4');
  });
});

describe('<Measure> over the committed measurements (the shared loader, as Measure.astro reads them)', () => {
  it.each([
    ['go-hello-world', 'distroless-static-nonroot', 'go1'],
    ['node-hello-world', 'distroless', 'Node.js v'],
  ])('%s: shows the exact bytes the lab wrote, with its toolchain in the note', (exercise, image, toolchain) => {
    const measurements = loadMeasurements(exercise);
    if (!measurements) throw new Error(`content/measurements/${exercise}.json is missing: run npm run lab`);
    const result = measureView(measurements, parseMeasureProps({ exercise, image, metric: 'sizeBytes' }, '/test/'));
    const written = (measurements.images as Record<string, { sizeBytes: number }>)[image]?.sizeBytes;
    expect(result.value).toBe(written);
    expect(result.details.join('\n')).toContain(toolchain);
  });

  it('refuses an exercise without a measurements schema', () => {
    expect(() => loadMeasurements('rust-hello-world')).toThrow(/no measurements schema for exercise "rust-hello-world"/);
  });
});
