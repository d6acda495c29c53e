import { z } from 'astro/zod';
import { baseImageSchema } from './recording-meta.ts';

const bytes = z.int().min(0);
const seconds = z.number().min(0);

/** One row of `docker history`: the Dockerfile instruction (or import) and the bytes it added. */
export const layerEntrySchema = z
  .strictObject({
    createdBy: z.string().describe('The instruction that made the entry, as `docker history --no-trunc` shows it ("" for an imported base layer).'),
    comment: z.string().describe('History comment, e.g. "buildkit.dockerfile.v0" or "Imported from -" for a base the lab assembled.'),
    sizeBytes: bytes.describe('Uncompressed bytes the entry added (0 for metadata such as ENTRYPOINT or USER), bytes.'),
    fromBase: z.boolean().describe('True when the entry came with the FROM image of the final stage; false when this Dockerfile added it.'),
  })
  .describe('One entry of an image\'s build history.');

export type LayerEntry = z.infer<typeof layerEntrySchema>;

/** The names of the exercise's image variants (folders under exercises/go-hello-world/). */
export const variantNames = [
  'single-stage',
  'multi-stage',
  'distroless',
  'distroless-static-nonroot',
  'scratch',
  'debug',
] as const;

export const imageMeasurementSchema = z
  .strictObject({
    tag: z.string().min(1).describe('Local tag the image was built as, e.g. go-hello-world:distroless.'),
    dockerfile: z.string().regex(/^exercises\/.+\/Dockerfile$/).describe('Repository path of the Dockerfile it was built from.'),
    base: z
      .union([baseImageSchema, z.strictObject({ image: z.literal('scratch').describe('No base image at all.') })])
      .describe('The runtime base image and its provenance (scratch has none).'),
    sizeBytes: bytes.describe('Uncompressed size as `docker images` shows it (image inspect .Size), bytes.'),
    compressedSizeBytes: bytes.describe('Bytes a registry stores and sends: gzip-compressed layers plus config, bytes.'),
    layers: z.int().min(0).describe('Number of file-system layers.'),
    layerHistory: z
      .array(layerEntrySchema)
      .optional()
      .describe('The image\'s history, oldest entry first (`docker history` prints newest first); absent in files written before the lab recorded it.'),
    files: z.int().min(0).describe('Regular files in the image\'s file system.'),
    executables: z.int().min(0).describe('Regular files with an execute bit.'),
    shells: z.array(z.string().startsWith('/')).describe('Shells present, e.g. /bin/sh (empty: none).'),
    packageManagers: z.array(z.string().startsWith('/')).describe('Package managers present, e.g. /usr/bin/apt.'),
    setuidFiles: z.int().min(0).describe('Files with the setuid or setgid bit.'),
    debianPackages: z.int().min(0).describe('Debian packages recorded in /var/lib/dpkg (status or status.d).'),
    user: z.string().min(1).describe('Default user of the image ("root" when none is set).'),
    uid: z.int().min(0).describe('Numeric uid of that user.'),
    buildSeconds: seconds.describe('docker build after a one-line edit of main.go: base image, earlier layers and Go\'s build cache warm, seconds.'),
    startSeconds: seconds.describe('Median wall time of docker run --rm (create, start, run to exit, remove) over 5 runs, seconds.'),
    pushSeconds: seconds.describe('docker push to an empty registry on 127.0.0.1, seconds.'),
    pullSeconds: seconds.describe('docker pull from that registry into an empty engine, seconds.'),
    output: z.string().describe('What the container printed (stdout, trimmed).'),
  })
  .describe('Measurements of one image variant.');

export type ImageMeasurement = z.infer<typeof imageMeasurementSchema>;

/**
 * The machine that measured, the same for every exercise; each exercise's environment extends it with the
 * version of its own toolchain (go, node). Strict, so a misspelt field fails.
 */
export const machineEnvironmentSchema = z.strictObject({
  docker: z.string().min(1).describe('Docker Engine version.'),
  cpus: z.int().min(1).describe('CPUs of the machine that measured.'),
  kernel: z.string().min(1).describe('Linux kernel release.'),
});

/** `content/measurements/<exercise>.json`, written by `npm run lab`. Lessons and quizzes read numbers from it. */
export const measurementsSchema = z.strictObject({
  exercise: z.string().regex(/^[a-z0-9-]+$/).describe('Exercise folder under exercises/.'),
  measuredAt: z.iso.datetime().describe('When the measurements were taken (ISO-8601, UTC).'),
  environment: machineEnvironmentSchema
    .extend({ go: z.string().regex(/^go\d+\.\d+/).describe('Go version that compiled the program.') })
    .describe('Where the numbers were measured; times depend on it.'),
  units: z
    .record(z.string(), z.enum(['bytes', 's', 'count']))
    .describe('Unit of every numeric field of an image, e.g. sizeBytes: bytes.'),
  images: z
    .record(z.enum(variantNames), imageMeasurementSchema)
    .describe('One entry per variant, keyed by its folder name; every variant must be present.'),
});

export type Measurements = z.infer<typeof measurementsSchema>;
export type VariantName = (typeof variantNames)[number];

/** The image variants of exercises/node-hello-world/ (one folder each). */
export const nodeVariantNames = ['single-stage', 'distroless'] as const;

/**
 * `content/measurements/node-hello-world.json`: the same image measurements as the Go exercise's, for the
 * Node.js exercise's variants, with the Node.js version in place of the Go version.
 */
export const nodeMeasurementsSchema = measurementsSchema.extend({
  exercise: z.literal('node-hello-world').describe('The Node.js exercise, exercises/node-hello-world/.'),
  environment: machineEnvironmentSchema
    .extend({ node: z.string().regex(/^v\d+\.\d+\.\d+$/).describe('Node.js version in the images, as `node --version` prints it.') })
    .describe('Where the numbers were measured; times depend on it.'),
  images: z
    .record(z.enum(nodeVariantNames), imageMeasurementSchema)
    .describe('One entry per variant, keyed by its folder name; every variant must be present.'),
});

export type NodeMeasurements = z.infer<typeof nodeMeasurementsSchema>;
export type NodeVariantName = (typeof nodeVariantNames)[number];

/** The measurements of any exercise. */
export type ExerciseMeasurements = Measurements | NodeMeasurements;

/** True for measurements that passed the Go exercise's schema: only its environment records a Go version. */
export function isGoMeasurements(measurements: ExerciseMeasurements): measurements is Measurements {
  return 'go' in measurements.environment;
}

/** Each exercise's measurements schema, by exercise folder name. */
export const exerciseMeasurementsSchemas = {
  'go-hello-world': measurementsSchema,
  'node-hello-world': nodeMeasurementsSchema,
} as const;

export type MeasuredExercise = keyof typeof exerciseMeasurementsSchemas;

/** The variant names of an exercise's measurements, or undefined for an exercise the lab does not measure. */
export function variantNamesOf(exercise: string): readonly string[] | undefined {
  if (exercise === 'go-hello-world') return variantNames;
  if (exercise === 'node-hello-world') return nodeVariantNames;
  return undefined;
}

/** The schema of an exercise's measurements file, or undefined for an exercise the lab does not measure. */
export function measurementsSchemaFor(exercise: string): z.ZodType<ExerciseMeasurements> | undefined {
  if (exercise === 'go-hello-world') return measurementsSchema;
  if (exercise === 'node-hello-world') return nodeMeasurementsSchema;
  return undefined;
}
