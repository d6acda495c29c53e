// Base images for the offline kit, through the lab's own code: which images the exercises' Dockerfiles
// name (src/lab/dockerfiles.ts), and, for `npm run kit -- <workshop> --with-images`, getting each one the
// way `npm run lab` does (pulled by digest, or assembled from Debian packages and labelled so) and saving
// them into one `docker save` archive that learners `docker load` without a registry.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBase } from '../../src/lab/bases.ts';
import { baseImagesOf } from '../../src/lab/dockerfiles.ts';
import { connectEngine, stopEngine } from '../../src/lab/engine.ts';
import { run } from '../../src/lab/exec.ts';
import { exerciseDir } from '../../src/lab/lab-file.ts';

/** Every base image the Dockerfiles of the exercise folders name, in first-seen order. */
export function baseImagesOfExercises(exercises: readonly string[]): string[] {
  const images: string[] = [];
  for (const exercise of exercises) {
    const folder = exerciseDir(exercise);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const dockerfile = join(folder, entry.name, 'Dockerfile');
      if (!entry.isDirectory() || !existsSync(dockerfile)) continue;
      for (const image of baseImagesOf(dockerfile)) if (!images.includes(image)) images.push(image);
    }
  }
  return images;
}

/** Ensures every image (as the lab does) and writes them into `archive` with `docker save`. */
export async function saveBaseImages(images: readonly string[], archive: string, log: (line: string) => void): Promise<string[]> {
  const engine = await connectEngine(log);
  try {
    const provenance: string[] = [];
    for (const image of images) {
      const base = await ensureBase(image, 'auto', engine.env, log);
      provenance.push(base.provenance === 'pulled' ? `${image} pulled ${base.digest ?? ''}`.trim() : `${image} assembled locally from ${base.assembledFrom ?? 'Debian packages'}, not pulled`);
    }
    log(`docker save ${images.length} images`);
    await run('docker', ['save', '-o', archive, ...images], { env: engine.env, timeoutMs: 900_000 });
    return provenance;
  } finally {
    await stopEngine(engine);
  }
}
