// `npm run lab -- site-image` (build, serve-check and measure the site's own image into
// content/measurements/site-image.json) and its part of `npm run test:lab` (build from scratch under a throwaway
// tag, serve-check, compare with the committed measurements, remove the image). Options as the lab's: --bases.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseLabArgs } from '../args.ts';
import { ensureBase } from '../bases.ts';
import type { BaseImage } from '../bases.ts';
import { baseImagesOf } from '../dockerfiles.ts';
import { checkEngineDisk, connectEngine, stopEngine } from '../engine.ts';
import { run } from '../exec.ts';
import { inspectImage } from '../measure.ts';
import { cacheDir, repoRoot } from '../paths.ts';
import { createProgress } from '../progress.ts';
import { buildSiteImage, committedContext, removeContext, SITE_TAG } from './build.ts';
import { checkSiteImage } from './check.ts';
import { compareSiteImage } from './compare.ts';
import { measureSiteImage, readSiteMeasurements, SITE_MEASUREMENTS_FILE } from './measure-site.ts';
import { ensureNodeBase, NODE_IMAGE } from './node-base.ts';
import { ensureNpmCache } from './npm-cache.ts';
import { readmeSizeSentence } from './readme.ts';

/** The first argument of `npm run lab` / `npm run test:lab` that selects this part. */
export const SITE_IMAGE_COMMAND = 'site-image';

export async function runSiteImageLab(argv: readonly string[], mode: 'measure' | 'verify'): Promise<number> {
  const options = parseLabArgs(argv);
  const verify = mode === 'verify';
  const progress = createProgress(5);
  const write = (line: string) => process.stderr.write(`${line}\n`);

  progress.start('Site image: Docker Engine');
  const engine = await connectEngine(progress.detail);
  const tag = verify ? `lean-containers-site-verify-${randomBytes(4).toString('hex')}:latest` : SITE_TAG;
  let built = false;
  const buildLog = path.join(cacheDir, `site-image-build-${tag.replace(/[^a-z0-9.-]+/gi, '_')}.log`);
  try {
    await checkEngineDisk(engine);
    const images = baseImagesOf(path.join(repoRoot, 'Dockerfile'));
    progress.start(`Site image: base images ${images.join(', ')}`);
    const bases: BaseImage[] = [];
    for (const image of images) {
      const base = image === NODE_IMAGE ? await ensureNodeBase(options.bases, engine.env, progress.detail) : await ensureBase(image, options.bases, engine.env, progress.detail);
      bases.push(base);
      progress.detail(`${image}: ${base.provenance === 'pulled' ? `pulled ${base.digest ?? ''}` : 'assembled stand-in (labelled)'}`);
    }
    const runtime = bases.at(-1);
    if (!runtime) throw new Error('the Dockerfile names no base image');

    progress.start('Site image: npm cache for the offline build');
    progress.detail((await ensureNpmCache(progress.detail)) ? 'made .npm-cache/' : '.npm-cache/ matches package-lock.json');

    const context = await committedContext();
    progress.start(`Site image: docker build --no-cache --network=none -t ${tag} (commit ${context.commit.slice(0, 12)})`);
    let buildSeconds: number;
    try {
      const build = await buildSiteImage({ tag, noCache: true, context: context.dir }, engine.env);
      buildSeconds = build.seconds;
      mkdirSync(path.dirname(buildLog), { recursive: true });
      writeFileSync(buildLog, build.log);
    } finally {
      removeContext(context.dir);
    }
    built = true;
    progress.detail(`built in ${buildSeconds.toFixed(1)} s (BuildKit's log: ${path.relative(repoRoot, buildLog)})`);

    progress.start('Site image: serve over 127.0.0.1 and check');
    const check = await checkSiteImage(tag, engine.env);
    progress.detail(`fetched ${check.fetched.join(', ')}`);
    const problems = [...check.problems];

    if (verify) {
      const facts = await inspectImage(tag, engine.env);
      progress.detail(`${facts.sizeBytes} bytes, ${facts.layers} layers, ${facts.files} files, user ${facts.user}`);
      if (!existsSync(SITE_MEASUREMENTS_FILE)) problems.push(`${path.relative(repoRoot, SITE_MEASUREMENTS_FILE)} is missing: run npm run lab -- site-image`);
      else problems.push(...compareSiteImage(readSiteMeasurements(), facts));
    } else if (problems.length === 0) {
      const measurements = await measureSiteImage({
        tag,
        env: engine.env,
        dockerServer: engine.serverVersion,
        base: runtime,
        buildImages: bases.slice(0, -1),
        buildSeconds,
        sourceCommit: context.commit,
      });
      mkdirSync(path.dirname(SITE_MEASUREMENTS_FILE), { recursive: true });
      writeFileSync(SITE_MEASUREMENTS_FILE, `${JSON.stringify(measurements, null, 2)}\n`);
      progress.detail(
        `${measurements.sizeBytes} bytes (${measurements.compressedSizeBytes} compressed), ${measurements.layers} layers, ` +
          `${measurements.files} files; wrote ${path.relative(repoRoot, SITE_MEASUREMENTS_FILE)}`,
      );
      write(`For the README's site image section:\n${readmeSizeSentence(measurements)}`);
    }
    for (const problem of problems) write(`FAIL ${problem}`);
    write(problems.length ? `site image: ${problems.length} problem(s)` : `site image: all checks pass (${progress.elapsedSeconds().toFixed(0)} s)`);
    return problems.length ? 1 : 0;
  } finally {
    if (verify && built) await run('docker', ['rmi', tag], { env: engine.env, check: false });
    await stopEngine(engine);
  }
}
