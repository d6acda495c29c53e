/**
 * The logic of <SizeChart>: props, rows from the measurements, bar layout and labels. SizeChart.astro only
 * draws what this returns.
 */
import { z } from 'astro/zod';
import { variantNames, type Measurements, type VariantName } from '../../schemas/measurements.ts';
import { layoutBars, type BarLayout } from '../../lib/figures/bar-scale.ts';
import { formatValue, joinFormatted, type FormatName } from '../../lib/figures/format.ts';
import { baseLine } from '../../lib/figures/describe.ts';
import { metricLabels, metricValue, type MetricName } from './Measure.ts';

const chartMetrics = ['sizeBytes', 'compressedSizeBytes', 'buildSeconds', 'startSeconds', 'pushSeconds', 'pullSeconds', 'files', 'executables', 'debianPackages'] as const;

export const sizeChartPropsSchema = z.strictObject({
  images: z.array(z.enum(variantNames)).min(1).default([...variantNames]).describe('Variants to show, in this order. Default: all.'),
  metric: z.enum(chartMetrics).default('sizeBytes').describe('What the bars measure. Default: sizeBytes.'),
  scale: z.enum(['linear', 'log']).default('linear').describe('Axis scale; log when sizes span orders of magnitude.'),
  title: z.string().min(3).describe('The figure caption: say what the reader should see.'),
  exercise: z.string().regex(/^[a-z0-9-]+$/).default('go-hello-world').describe('content/measurements/<exercise>.json.'),
});

export type SizeChartProps = z.input<typeof sizeChartPropsSchema>;
export type ParsedSizeChartProps = z.output<typeof sizeChartPropsSchema>;

export function parseSizeChartProps(props: unknown, page: string): ParsedSizeChartProps {
  const result = sizeChartPropsSchema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'props'}: ${issue.message}`).join('; ');
  throw new Error(`<SizeChart> on ${page}: ${problems}.`);
}

/** Chart geometry in SVG user units; the SVG scales to the column width. */
export const chartGeometry = { width: 640, labelWidth: 200, valueWidth: 76, rowHeight: 34, barHeight: 20, top: 26 } as const;

function formatFor(metric: MetricName): FormatName {
  if (metric.endsWith('Bytes')) return 'mb';
  if (metric.endsWith('Seconds')) return 'seconds';
  return 'count';
}

export interface ChartRow {
  key: VariantName;
  label: string;
  value: number;
  text: string;
  base: string;
  user: string;
}

export interface SizeChartView {
  caption: string;
  metricLabel: string;
  layout: BarLayout;
  rows: ChartRow[];
  tickLabels: string[];
  plotWidth: number;
}

export function sizeChartView(measurements: Measurements, props: ParsedSizeChartProps): SizeChartView {
  const format = formatFor(props.metric);
  const rows = props.images.map((key) => {
    const image = measurements.images[key];
    const value = metricValue(image, props.metric);
    return { key, label: key, value, text: joinFormatted(formatValue(value, format)), base: baseLine(image), user: image.user };
  });
  const plotWidth = chartGeometry.width - chartGeometry.labelWidth - chartGeometry.valueWidth;
  const layout = layoutBars(rows, { scale: props.scale, plotWidth, rowHeight: chartGeometry.rowHeight, top: chartGeometry.top });
  const tickLabels = layout.scale.ticks.map((tick) => joinFormatted(formatValue(tick.value, format)));
  return { caption: props.title, metricLabel: metricLabels[props.metric], layout, rows, tickLabels, plotWidth };
}
