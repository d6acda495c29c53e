import { z } from 'astro/zod';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in lowercase hex');

/** Where a base image came from: pulled from its registry, or assembled by the lab from Debian packages. */
export const baseImageSchema = z
  .strictObject({
    image: z.string().min(1).describe('The image reference the Dockerfile names, e.g. gcr.io/distroless/static-debian13:nonroot.'),
    provenance: z.enum(['pulled', 'assembled']).describe('pulled from its registry, or assembled locally as a labelled stand-in.'),
    digest: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional().describe('Registry digest, when pulled.'),
    assembledFrom: z.string().min(1).optional().describe('What the stand-in was made from, when assembled.'),
  })
  .refine((base) => (base.provenance === 'assembled' ? base.assembledFrom !== undefined : true), {
    error: 'an assembled base image must say what it was assembled from (assembledFrom)',
    path: ['assembledFrom'],
  })
  .refine((base) => (base.provenance === 'pulled' ? base.assembledFrom === undefined : true), {
    error: 'a pulled base image has no assembledFrom',
    path: ['assembledFrom'],
  })
  .describe('One base image used by the recorded commands.');

export type BaseImageProvenance = z.infer<typeof baseImageSchema>;

/**
 * `content/recordings/<exercise>/<step>.meta.json`, written by `npm run lab` beside each recording:
 * when and with what it was recorded, and the sha256 of everything it depends on, so a test can tell
 * a stale recording from a current one.
 */
export const recordingMetaSchema = z.strictObject({
  exercise: z.string().regex(/^[a-z0-9-]+$/).describe('Exercise folder under exercises/, e.g. go-hello-world.'),
  step: z.string().regex(/^[a-z0-9-]+$/).describe('Step id from the exercise\'s lab.yaml; also the .cast file name.'),
  title: z.string().min(1).describe('Title of the step, shown above the terminal.'),
  recordedAt: z.iso.datetime().describe('When the recording started (ISO-8601, UTC).'),
  terminal: z
    .strictObject({
      cols: z.int().min(1).describe('Terminal width in columns.'),
      rows: z.int().min(1).describe('Terminal height in rows.'),
    })
    .describe('Terminal size the commands ran in.'),
  docker: z
    .strictObject({
      client: z.string().min(1).describe('docker client version, e.g. 20.10.24+dfsg1.'),
      server: z.string().min(1).describe('Docker Engine version.'),
      buildkit: z.boolean().describe('Whether builds used BuildKit.'),
    })
    .describe('The Docker that ran the commands.'),
  go: z.string().regex(/^go\d+\.\d+/).describe('Go version in the build image, as `go version` prints it, e.g. go1.24.4.'),
  baseImages: z.array(baseImageSchema).describe('Base images behind the images the commands use, with their provenance.'),
  inputs: z
    .record(z.string().min(1), sha256Hex)
    .describe('sha256 of every exercise file the step depends on, keyed by repository-relative path.'),
  commands: z
    .array(
      z.strictObject({
        command: z.string().min(1).describe('The command as typed.'),
        exitCode: z.int().min(0).max(255).describe('Its exit status.'),
      }),
    )
    .min(1)
    .describe('Commands in the order they ran, with exit status.'),
  stepsSha256: sha256Hex.describe('sha256 of the step\'s definition in lab.yaml (commands, expectations, terminal).'),
});

export type RecordingMeta = z.infer<typeof recordingMetaSchema>;

/**
 * The meta of a recording of a Node.js exercise (e.g. node-hello-world): the same fields, with the Node.js
 * version in the images in place of the Go version (nothing in such an exercise is compiled by Go).
 */
export const nodeRecordingMetaSchema = recordingMetaSchema.omit({ go: true }).extend({
  node: z.string().regex(/^v\d+\.\d+\.\d+$/).describe('Node.js version in the images, as `node --version` prints it, e.g. v24.21.0.'),
});

export type NodeRecordingMeta = z.infer<typeof nodeRecordingMetaSchema>;

/** A recording's meta of any exercise: the Go exercise's shape or the Node.js one's. */
export const anyRecordingMetaSchema = z.union([recordingMetaSchema, nodeRecordingMetaSchema]);

export type AnyRecordingMeta = z.infer<typeof anyRecordingMetaSchema>;
