import { z } from 'astro/zod';
import { baseImageSchema } from './recording-meta.ts';

const bytes = z.int().min(0);
const seconds = z.number().min(0);

/**
 * `content/measurements/site-image.json`, written by `npm run lab -- site-image`: the course site's own image
 * (the top-level Dockerfile), measured the way the exercise images are. A file of its own rather than an entry in
 * go-hello-world.json: it is not an exercise variant and is remade on a different schedule.
 */
export const siteImageMeasurementsSchema = z.strictObject({
  image: z.literal('site').describe('What was measured: the site image built from the top-level Dockerfile.'),
  measuredAt: z.iso.datetime().describe('When the measurements were taken (ISO-8601, UTC).'),
  environment: z
    .strictObject({
      docker: z.string().min(1).describe('Docker Engine version.'),
      cpus: z.int().min(1).describe('CPUs of the machine that measured.'),
      kernel: z.string().min(1).describe('Linux kernel release.'),
    })
    .describe('Where the numbers were measured; the build time depends on it.'),
  units: z.record(z.string(), z.enum(['bytes', 's', 'count'])).describe('Unit of every numeric field, e.g. sizeBytes: bytes.'),
  tag: z.string().min(1).describe('Local tag the image was built as, e.g. lean-containers-site:latest.'),
  sourceCommit: z.string().regex(/^[0-9a-f]{40}$/).describe('The git commit the image was built from (the lab builds committed sources only).'),
  dockerfile: z.literal('Dockerfile').describe('Repository path of the Dockerfile it was built from.'),
  base: baseImageSchema.describe('The runtime base image (distroless static, nonroot) and its provenance.'),
  buildImages: z.array(baseImageSchema).min(1).describe('The images of the build stages (Node, Go) and their provenance.'),
  sizeBytes: bytes.describe('Uncompressed size as `docker images` shows it (image inspect .Size), bytes.'),
  compressedSizeBytes: bytes.describe('Bytes a registry stores and sends: gzip-compressed layers plus config, bytes.'),
  layers: z.int().min(0).describe('Number of file-system layers.'),
  files: z.int().min(0).describe('Regular files in the image\'s file system (pages, assets, the server, the base\'s files).'),
  executables: z.int().min(0).describe('Regular files with an execute bit.'),
  shells: z.array(z.string().startsWith('/')).describe('Shells present, e.g. /bin/sh (empty: none).'),
  packageManagers: z.array(z.string().startsWith('/')).describe('Package managers present, e.g. /usr/bin/apt (empty: none).'),
  setuidFiles: z.int().min(0).describe('Files with the setuid or setgid bit.'),
  debianPackages: z.int().min(0).describe('Debian packages recorded in /var/lib/dpkg (status or status.d).'),
  user: z.string().min(1).describe('Default user of the image ("root" when none is set).'),
  uid: z.int().min(0).describe('Numeric uid of that user.'),
  buildSeconds: seconds.describe('docker build --no-cache --network=none with the base images present and the npm cache prepared, seconds.'),
});

export type SiteImageMeasurements = z.infer<typeof siteImageMeasurementsSchema>;
