/**
 * The logic of <LayerChart>: props, and per image the layer segments, the base/own split and the texts.
 * LayerChart.astro only draws what this returns; the layout itself is src/lib/figures/layer-breakdown.ts.
 */
import { z } from 'astro/zod';
import { variantNames, type Measurements, type VariantName } from '../../schemas/measurements.ts';
import { formatShare, layerBreakdown, type LayerBreakdown } from '../../lib/figures/layer-breakdown.ts';
import { formatDockerSize, joinFormatted } from '../../lib/figures/format.ts';
import { baseShort } from '../../lib/figures/describe.ts';

export const layerChartPropsSchema = z.strictObject({
  images: z
    .array(z.enum(variantNames))
    .min(1)
    .default(['single-stage', 'multi-stage', 'distroless', 'distroless-static-nonroot', 'scratch'])
    .describe('Variants to show, one bar each, in this order. Default: all but debug.'),
  title: z.string().min(3).describe('The figure caption: say what the reader should see.'),
  exercise: z.string().regex(/^[a-z0-9-]+$/).default('go-hello-world').describe('content/measurements/<exercise>.json.'),
});

export type LayerChartProps = z.input<typeof layerChartPropsSchema>;
export type ParsedLayerChartProps = z.output<typeof layerChartPropsSchema>;

export function parseLayerChartProps(props: unknown, page: string): ParsedLayerChartProps {
  const result = layerChartPropsSchema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'props'}: ${issue.message}`).join('; ');
  throw new Error(`<LayerChart> on ${page}: ${problems}.`);
}

/** SVG user units; the SVG scales to the column width. */
export const layerChartGeometry = { width: 640, labelWidth: 196, barHeight: 22, rowHeight: 62, top: 34, gap: 1 } as const;

export interface LayerChartRow extends LayerBreakdown {
  key: VariantName;
  base: string;
  /** Under the bar: "from the base 99.8% (888 MB) · added 0.17% (1.49 MB)". */
  summary: string;
  totalText: string;
  y: number;
}

export interface LayerChartView {
  caption: string;
  rows: LayerChartRow[];
  barWidth: number;
  height: number;
}

const size = (bytes: number) => joinFormatted(formatDockerSize(bytes));

export function layerChartView(measurements: Measurements, props: ParsedLayerChartProps): LayerChartView {
  const g = layerChartGeometry;
  const barWidth = g.width - g.labelWidth - 8;
  const rows = props.images.map((key, index) => {
    const image = measurements.images[key];
    const breakdown = layerBreakdown(key, image, barWidth);
    const baseShare = breakdown.totalBytes ? breakdown.baseBytes / breakdown.totalBytes : 0;
    const summary =
      breakdown.baseBytes === 0
        ? `no base image: all ${size(breakdown.ownBytes)} added by the Dockerfile`
        : `from the base ${formatShare(baseShare)} (${size(breakdown.baseBytes)}) · added ${formatShare(1 - baseShare)} (${size(breakdown.ownBytes)})`;
    return { ...breakdown, key, base: baseShort(image), summary, totalText: size(breakdown.totalBytes), y: g.top + index * g.rowHeight };
  });
  return { caption: props.title, rows, barWidth, height: g.top + rows.length * g.rowHeight };
}
