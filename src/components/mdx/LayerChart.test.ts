import { describe, expect, it } from 'vitest';
import { fixtureMeasurements } from '../../lib/figures/fixtures/measurements.ts';
import type { Measurements } from '../../schemas/measurements.ts';
import { layerChartGeometry, layerChartView, parseLayerChartProps } from './LayerChart.ts';

const imported = { createdBy: '', comment: 'Imported from -', fromBase: true };
const program = { createdBy: 'COPY /out/hello /usr/local/bin/hello # buildkit', comment: 'buildkit.dockerfile.v0', fromBase: false };
const measurements: Measurements = {
  ...fixtureMeasurements,
  images: {
    ...fixtureMeasurements.images,
    'multi-stage': { ...fixtureMeasurements.images['multi-stage'], layerHistory: [{ ...imported, sizeBytes: 78_000_000 }, { ...program, sizeBytes: 2_000_000 }] },
    scratch: { ...fixtureMeasurements.images.scratch, layerHistory: [{ ...program, sizeBytes: 1_500_000 }, { createdBy: 'USER 65532:65532', comment: '', sizeBytes: 0, fromBase: false }] },
  },
};

describe('<LayerChart> logic', () => {
  const view = layerChartView(measurements, parseLayerChartProps({ title: 'Whose bytes?', images: ['multi-stage', 'scratch'] }, '/p/'));

  it('gives each image a row with its split between base and Dockerfile, in docker-style sizes', () => {
    expect(view.rows.map((row) => row.key)).toEqual(['multi-stage', 'scratch']);
    expect(view.rows[0]?.summary).toBe('from the base 97.5% (78\u00a0MB) · added 2.5% (2\u00a0MB)');
    expect(view.rows[0]?.totalText).toBe('80\u00a0MB');
    expect(view.rows[1]?.summary).toBe('no base image: all 1.5\u00a0MB added by the Dockerfile');
  });

  it('stacks rows under the legend and fills each bar', () => {
    const g = layerChartGeometry;
    expect(view.rows.map((row) => row.y)).toEqual([g.top, g.top + g.rowHeight]);
    expect(view.height).toBe(g.top + 2 * g.rowHeight);
    const last = view.rows[0]?.segments.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(view.barWidth, 6);
  });

  it('rejects a missing title and unknown variants', () => {
    expect(() => parseLayerChartProps({}, '/p/')).toThrow(/<LayerChart> on \/p\/: title/);
    expect(() => parseLayerChartProps({ title: 'x y z', images: ['alpine'] }, '/p/')).toThrow(/images/);
  });

  it('fails, naming the fix, when an image was measured without its history', () => {
    expect(() => layerChartView(measurements, parseLayerChartProps({ title: 'x y z', images: ['debug'] }, '/p/'))).toThrow(/--only measure/);
  });
});
