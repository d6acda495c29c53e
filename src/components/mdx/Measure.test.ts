import { describe, expect, it } from 'vitest';
import { fixtureMeasurements } from '../../lib/figures/fixtures/measurements.ts';
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
