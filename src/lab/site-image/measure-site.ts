// Measures the site image like the exercise images (src/lab/measure.ts): size, compressed size, layers, contents,
// user; plus the build time. Every number comes from Docker or the local registry; nothing is estimated.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { siteImageMeasurementsSchema } from '../../schemas/site-image.ts';
import type { SiteImageMeasurements } from '../../schemas/site-image.ts';
import { recordedBase, type BaseImage } from '../bases.ts';
import { run } from '../exec.ts';
import { inspectImage } from '../measure.ts';
import { measurementsDir } from '../paths.ts';
import { compressedSize, startRegistry } from '../registry.ts';

export const SITE_MEASUREMENTS_FILE = path.join(measurementsDir, 'site-image.json');
const REPOSITORY = 'lean-containers-site';

export const siteUnits: SiteImageMeasurements['units'] = {
  sizeBytes: 'bytes',
  compressedSizeBytes: 'bytes',
  layers: 'count',
  files: 'count',
  executables: 'count',
  setuidFiles: 'count',
  debianPackages: 'count',
  buildSeconds: 's',
};

/** Bytes a registry stores for the image: pushed to an empty registry on 127.0.0.1, read from its manifest. */
async function registrySize(tag: string, env: NodeJS.ProcessEnv): Promise<number> {
  const registry = await startRegistry('site-image');
  const remote = `${registry.host}/${REPOSITORY}:measure`;
  try {
    await run('docker', ['tag', tag, remote], { env });
    await run('docker', ['push', remote], { env, timeoutMs: 600_000 });
    return await compressedSize(registry.host, REPOSITORY, 'measure');
  } finally {
    await run('docker', ['rmi', remote], { env, check: false });
    await registry.stop();
  }
}

export interface SiteMeasureInput {
  tag: string;
  env: NodeJS.ProcessEnv;
  dockerServer: string;
  base: BaseImage;
  buildImages: BaseImage[];
  buildSeconds: number;
  sourceCommit: string;
}

export async function measureSiteImage(input: SiteMeasureInput): Promise<SiteImageMeasurements> {
  const facts = await inspectImage(input.tag, input.env);
  const compressedSizeBytes = await registrySize(input.tag, input.env);
  return siteImageMeasurementsSchema.parse({
    image: 'site',
    measuredAt: new Date().toISOString(),
    environment: { docker: input.dockerServer, cpus: os.availableParallelism(), kernel: os.release() },
    units: siteUnits,
    tag: input.tag,
    sourceCommit: input.sourceCommit,
    dockerfile: 'Dockerfile',
    base: recordedBase(input.base),
    buildImages: input.buildImages.map(recordedBase),
    sizeBytes: facts.sizeBytes,
    compressedSizeBytes,
    layers: facts.layers,
    files: facts.files,
    executables: facts.executables,
    shells: facts.shells,
    packageManagers: facts.packageManagers,
    setuidFiles: facts.setuidFiles,
    debianPackages: facts.debianPackages,
    user: facts.user,
    uid: facts.uid,
    buildSeconds: Math.round(input.buildSeconds * 10) / 10,
  });
}

export function readSiteMeasurements(file = SITE_MEASUREMENTS_FILE): SiteImageMeasurements {
  return siteImageMeasurementsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
