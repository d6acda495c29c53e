import { describe, expect, it } from 'vitest';
import { fixtureMeasurements } from '../../lib/figures/fixtures/measurements.ts';
import { parseSizeChartProps, sizeChartView } from './SizeChart.ts';

describe('<SizeChart> logic', () => {
  it('shows every variant by default, in schema order, with docker-style labels', () => {
    const view = sizeChartView(fixtureMeasurements, parseSizeChartProps({ title: 'Sizes' }, '/p/'));
    expect(view.rows.map((row) => row.key)).toEqual(['single-stage', 'multi-stage', 'distroless', 'distroless-static-nonroot', 'scratch', 'debug']);
    expect(view.rows[0]?.text).toBe('800\u00a0MB');
    expect(view.rows[0]?.base).toContain('pulled');
    expect(view.layout.bars[0]?.length).toBe(view.plotWidth);
  });
  it('labels log ticks as sizes', () => {
    const view = sizeChartView(fixtureMeasurements, parseSizeChartProps({ title: 'Sizes', scale: 'log', images: ['single-stage', 'scratch'] }, '/p/'));
    expect(view.tickLabels).toEqual(['1\u00a0MB', '10\u00a0MB', '100\u00a0MB', '1\u00a0GB']);
  });
  it('formats time metrics in seconds', () => {
    const view = sizeChartView(fixtureMeasurements, parseSizeChartProps({ title: 'Start', metric: 'startSeconds' }, '/p/'));
    expect(view.rows[0]?.text).toBe('0.8\u00a0s');
    expect(view.metricLabel).toMatch(/start time/);
  });
  it('rejects a missing title and unknown variants', () => {
    expect(() => parseSizeChartProps({}, '/p/')).toThrow(/<SizeChart> on \/p\/: title/);
    expect(() => parseSizeChartProps({ title: 'x y z', images: ['alpine'] }, '/p/')).toThrow(/images/);
  });
});
