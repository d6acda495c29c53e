/**
 * The logic of <Measure>: validate the props, pick the number from the measurements, format it and say
 * where it comes from. DOM-free and tested (Measure.test.ts); Measure.astro only renders the result.
 */
import { z } from 'astro/zod';
import { isGoMeasurements, variantNamesOf, type ExerciseMeasurements, type ImageMeasurement } from '../../schemas/measurements.ts';
import { formatValue, joinFormatted, type FormatName } from '../../lib/figures/format.ts';
import { baseLine, environmentLine } from '../../lib/figures/describe.ts';

/** The numeric fields of an image measurement, plus counts of its list fields. */
export const metricNames = [
  'sizeBytes',
  'compressedSizeBytes',
  'layers',
  'files',
  'executables',
  'setuidFiles',
  'debianPackages',
  'uid',
  'buildSeconds',
  'startSeconds',
  'pushSeconds',
  'pullSeconds',
  'shells',
  'packageManagers',
] as const;
export type MetricName = (typeof metricNames)[number];

/** How each metric is named to readers (tooltips, chart captions). */
export const metricLabels: Record<MetricName, string> = {
  sizeBytes: 'size (uncompressed, as docker images shows it)',
  compressedSizeBytes: 'compressed size (what a registry stores and sends)',
  layers: 'file-system layers',
  files: 'regular files',
  executables: 'executable files',
  setuidFiles: 'setuid/setgid files',
  debianPackages: 'Debian packages',
  uid: 'uid of the default user',
  buildSeconds: 'build time (no cache, warm Go cache)',
  startSeconds: 'start time (median docker run --rm of 5)',
  pushSeconds: 'push time to a local registry',
  pullSeconds: 'pull time from a local registry',
  shells: 'shells',
  packageManagers: 'package managers',
};

/** Author-facing format names (as people write them) → the formatter's names. */
const formatAliases = { MB: 'mb', MiB: 'mib', bytes: 'bytes', seconds: 'seconds', s: 'seconds', ms: 'milliseconds', count: 'count', ratio: 'ratio' } as const;

// Variant names are checked against the chosen exercise's variants below (go-hello-world's by default).
const variant = z.string().min(1);
const pair = z.tuple([variant, variant]);

export const measurePropsSchema = z
  .strictObject({
    image: variant.optional().describe('The variant whose number to show, e.g. "single-stage" (a variant of the exercise).'),
    ratio: pair.optional().describe('Show first ÷ second, e.g. ["single-stage", "distroless-static-nonroot"].'),
    difference: pair.optional().describe('Show first − second, in the metric\'s unit.'),
    metric: z.enum(metricNames).describe('Which measurement, e.g. "sizeBytes".'),
    format: z.enum(Object.keys(formatAliases) as [keyof typeof formatAliases]).optional().describe('MB (as docker images shows it), MiB, bytes, seconds/s, ms, count, ratio. Default: by the metric\'s unit.'),
    exercise: z.string().regex(/^[a-z0-9-]+$/).default('go-hello-world').describe('content/measurements/<exercise>.json, e.g. node-hello-world. Default: go-hello-world.'),
  })
  .refine((props) => [props.image, props.ratio, props.difference].filter((given) => given !== undefined).length === 1, {
    error: 'give exactly one of image, ratio or difference',
  })
  .superRefine((props, context) => {
    const known = variantNamesOf(props.exercise);
    if (!known) {
      context.addIssue({ code: 'custom', path: ['exercise'], message: `no measured exercise "${props.exercise}"` });
      return;
    }
    for (const key of ['image', 'ratio', 'difference'] as const) {
      const given = props[key];
      const names = given === undefined ? [] : typeof given === 'string' ? [given] : given;
      for (const name of names) {
        if (!known.includes(name)) context.addIssue({ code: 'custom', path: [key], message: `"${name}" is not a variant of ${props.exercise} (${known.join(', ')})` });
      }
    }
  });

export type MeasureProps = z.input<typeof measurePropsSchema>;
export type ParsedMeasureProps = z.output<typeof measurePropsSchema>;

export function parseMeasureProps(props: unknown, page: string): ParsedMeasureProps {
  const result = measurePropsSchema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'props'}: ${issue.message}`).join('; ');
  throw new Error(`<Measure> on ${page}: ${problems}.`);
}

/** The raw value of a metric for one image (list fields count their entries). */
export function metricValue(image: ImageMeasurement, metric: MetricName): number {
  const value = image[metric];
  return Array.isArray(value) ? value.length : value;
}

function defaultFormat(metric: MetricName): FormatName {
  if (metric.endsWith('Bytes')) return 'mb';
  if (metric.endsWith('Seconds')) return 'seconds';
  return 'count';
}

/** The props were checked against the exercise's variants and its schema requires every one, so this cannot miss. */
function imageOf(measurements: ExerciseMeasurements, name: string): ImageMeasurement {
  const image = (measurements.images as Partial<Record<string, ImageMeasurement>>)[name];
  if (!image) throw new Error(`<Measure>: ${measurements.exercise} has no measurements for "${name}"`);
  return image;
}

/** "Docker 28.1.1, go1.24.4, 2 CPUs", or with the Node.js version for a Node.js exercise. */
function environmentText(measurements: ExerciseMeasurements): string {
  if (isGoMeasurements(measurements)) return environmentLine(measurements);
  const { docker, node, cpus } = measurements.environment;
  return `Docker ${docker}, Node.js ${node}, ${cpus} CPU${cpus === 1 ? '' : 's'}`;
}

/** "27 November 2026" (UTC), as measuredOn says it for the Go exercise. */
function measuredDate(measurements: ExerciseMeasurements): string {
  return new Date(measurements.measuredAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** What <Measure> renders: the machine value, the visible text, and the provenance lines. */
export interface MeasureView {
  /** For <data value>: the unrounded number (bytes, seconds, a count or a ratio). */
  value: number;
  /** What the reader sees, e.g. "803 MB". */
  text: string;
  /** Where it comes from, one line each: what, exact value, when and where, base images. */
  details: string[];
}

function exact(value: number, metric: MetricName): string {
  if (metric.endsWith('Bytes')) return joinFormatted(formatValue(value, 'bytes'));
  if (metric.endsWith('Seconds')) return `${Number(value.toFixed(3))} s`;
  return String(value);
}

export function measureView(measurements: ExerciseMeasurements, props: ParsedMeasureProps): MeasureView {
  const { metric } = props;
  const names = props.image ? [props.image] : (props.ratio ?? props.difference ?? []);
  const images = names.map((name) => ({ name, image: imageOf(measurements, name) }));
  const values = images.map(({ image }) => metricValue(image, metric));
  const [first = 0, second = 0] = values;
  const chosen = props.format ? formatAliases[props.format] : undefined;

  let value: number;
  let text: string;
  let what: string;
  if (props.ratio) {
    if (second === 0) throw new Error(`<Measure ratio>: ${metric} of ${names[1]} is 0, cannot divide by it`);
    value = first / second;
    text = joinFormatted(formatValue(value, chosen ?? 'ratio'));
    what = `${metricLabels[metric]}, ${names[0]} ÷ ${names[1]}: ${exact(first, metric)} ÷ ${exact(second, metric)}`;
  } else if (props.difference) {
    value = first - second;
    const format = chosen ?? defaultFormat(metric);
    const magnitude = joinFormatted(formatValue(Math.abs(value), format));
    text = value < 0 ? `−${magnitude}` : magnitude;
    what = `${metricLabels[metric]}, ${names[0]} − ${names[1]}: ${exact(first, metric)} − ${exact(second, metric)}`;
  } else {
    value = first;
    text = joinFormatted(formatValue(value, chosen ?? defaultFormat(metric)));
    what = `${metricLabels[metric]} of ${images[0]?.image.tag ?? names[0]}: ${exact(first, metric)}`;
  }

  const details = [
    what.charAt(0).toUpperCase() + what.slice(1),
    `Measured by the course lab on ${measuredDate(measurements)} (${environmentText(measurements)})`,
    ...images.map(({ name, image }) => `${name}: ${baseLine(image)}`),
  ];
  return { value, text, details };
}

let rendered = 0;
/** A page-unique id for a note (a build renders pages one after another, so a running count is unique). */
export function nextMeasureId(): string {
  rendered += 1;
  return `measure-${rendered}`;
}
