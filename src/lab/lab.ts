// `npm run lab`: engine → base images → recorded steps → images → measurements, with a progress line
// for each piece of work. Up-to-date recordings and measurements are skipped unless --force.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LabOptions } from './args.ts';
import type { BaseImage } from './bases.ts';
import { recipeFor } from './base-recipes.ts';
import { baseImagesOf } from './dockerfiles.ts';
import { checkEngineDisk, connectEngine, stopEngine } from './engine.ts';
import { run } from './exec.ts';
import { prepareBase } from './prepare-base.ts';
import { runtimeVersion } from './runtime-version.ts';
import { castPath, metaPath, readMeta, staleReasons } from './freshness.ts';
import { canonicalJson, sha256, sha256File } from './hash.ts';
import { exerciseDir, loadLabFile } from './lab-file.ts';
import type { LabFile, LabStep } from './lab-file.ts';
import { measureExercise } from './measure-exercise.ts';
import { cacheDir, measurementsDir } from './paths.ts';
import { createProgress } from './progress.ts';
import { recordStep } from './record-step.ts';
import { verifyLab } from './verify-lab.ts';

const MEASURE = 'measure';

function tagOf(lab: LabFile, variant: string): string {
  return `${lab.exercise}:${variant}`;
}

/** Variants whose image a step builds (a `docker build … -t <exercise>:<variant>` command). */
function variantsBuiltBy(lab: LabFile, step: LabStep): string[] {
  return lab.variants
    .map((variant) => variant.name)
    .filter((name) => step.commands.some((command) => /\bdocker build\b/.test(command.run) && command.run.includes(`${tagOf(lab, name)} `)));
}

/** What the measurements depend on: variant sources, base images (sorted: they are prepared in parallel), and the measuring code. */
function measurementFingerprint(lab: LabFile, bases: Map<string, BaseImage>): string {
  const dir = exerciseDir(lab.exercise);
  const sources = lab.variants.flatMap((variant) => lab.sourceFiles.map((file) => sha256File(path.join(dir, variant.name, file))));
  const code = ['measure.ts', 'measure-exercise.ts', 'image-contents.ts', 'layer-history.ts', 'tar-reader.ts', 'registry.ts'].map((file) =>
    sha256File(path.join(import.meta.dirname, file)),
  );
  return sha256(canonicalJson({ variants: lab.variants, sources, bases: [...bases.values()].map((base) => `${base.image}@${base.imageId}`).sort(), code }));
}

export async function runLab(options: LabOptions): Promise<number> {
  const lab = loadLabFile(options.exercise);
  const known = new Set([...lab.steps.map((step) => step.id), MEASURE]);
  const unknown = options.only.filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`unknown step ${unknown.join(', ')}; steps are: ${[...known].join(', ')}`);

  const variantBases = new Map(
    lab.variants.map((variant) => [variant.name, baseImagesOf(path.join(exerciseDir(lab.exercise), variant.name, 'Dockerfile'))]),
  );
  const baseNames = [...new Set([...variantBases.values()].flat())];
  const steps = options.verify ? [] : lab.steps;
  const progress = createProgress(2 + (options.verify ? 1 : steps.length + 2));

  progress.start('Docker Engine');
  const engine = await connectEngine(progress.detail);
  try {
    await checkEngineDisk(engine);
    progress.detail(`docker client ${engine.clientVersion}, engine ${engine.serverVersion}${engine.startedPid ? ` (started, pid ${engine.startedPid})` : ''}`);

    // Assembling the Go image takes longest; the small ones are assembled alongside it (node:24-trixie-slim, which has
    // no recipe here, among them).
    progress.start(`Base images: ${baseNames.join(', ')}`);
    const bases = new Map<string, BaseImage>();
    const heavy = baseNames.filter((image) => {
      const recipe = recipeFor(image);
      return recipe?.kind === 'debian-root' && recipe.packages.length > 0;
    });
    const chains = [...heavy.map((image) => [image]), baseNames.filter((image) => !heavy.includes(image))];
    await Promise.all(
      chains.map(async (chain) => {
        for (const image of chain) {
          const base = await prepareBase(image, options.bases, engine.env, progress.detail);
          bases.set(image, base);
          progress.detail(`${image}: ${base.provenance === 'pulled' ? `pulled ${base.digest ?? ''}` : 'assembled stand-in (labelled)'}`);
        }
      }),
    );
    const runtime = { name: lab.runtime, version: await runtimeVersion(lab.runtime, baseNames, engine.env) };

    if (options.verify) {
      progress.start('Rebuild from scratch and compare with the committed measurements');
      const problems = await verifyLab(lab, engine.env, progress.detail);
      for (const problem of problems) process.stderr.write(`FAIL ${problem}\n`);
      process.stderr.write(problems.length ? `${problems.length} problem(s)\n` : `the committed measurements hold (${progress.elapsedSeconds().toFixed(0)} s)\n`);
      return problems.length ? 1 : 0;
    }

    const toRecord = steps.filter((step) => {
      if (options.only.length) return options.only.includes(step.id);
      return options.force || staleReasons(lab, step, readMeta(lab.exercise, step.id)).length > 0;
    });
    // Images that no recorded step builds are built (from cache when possible) before recording.
    const builtByRecording = new Set(toRecord.flatMap((step) => variantsBuiltBy(lab, step)));
    const prebuild = lab.variants.filter((variant) => !builtByRecording.has(variant.name));
    if (toRecord.length && prebuild.length) {
      for (const variant of prebuild) {
        progress.detail(`building ${tagOf(lab, variant.name)} (used by the recorded steps)`);
        await run('docker', ['build', '--network=none', '--quiet', '-t', tagOf(lab, variant.name), path.join(exerciseDir(lab.exercise), variant.name)], { env: engine.env });
      }
    }

    const context = {
      lab,
      env: engine.env,
      docker: { client: engine.clientVersion, server: engine.serverVersion },
      runtime,
      bases,
      variantBases,
    };
    for (const step of steps) {
      progress.start(`Step ${step.id}: ${step.title}`);
      if (!toRecord.includes(step)) {
        progress.detail(options.only.length ? 'not selected' : 'up to date');
        continue;
      }
      const { cast, meta } = await recordStep(step, { ...context, onCommand: (command) => {
        progress.detail(`$ ${command}`);
      } });
      mkdirSync(path.dirname(castPath(lab.exercise, step.id)), { recursive: true });
      writeFileSync(castPath(lab.exercise, step.id), cast);
      writeFileSync(metaPath(lab.exercise, step.id), `${JSON.stringify(meta, null, 2)}\n`);
      progress.detail(`wrote ${path.relative(process.cwd(), castPath(lab.exercise, step.id))} (${(cast.length / 1024).toFixed(0)} KiB)`);
    }

    progress.start('Images');
    // Usually every build here is a cache hit; BuildKit serves them side by side (measured: 5 s in a row, 3 s together).
    await Promise.all(
      lab.variants.map((variant) =>
        run('docker', ['build', '--network=none', '--quiet', '-t', tagOf(lab, variant.name), path.join(exerciseDir(lab.exercise), variant.name)], { env: engine.env }),
      ),
    );
    progress.detail(`${lab.variants.length} images present`);

    progress.start('Measurements');
    const measurementsFile = path.join(measurementsDir, `${lab.exercise}.json`);
    const stateFile = path.join(cacheDir, 'state', `${lab.exercise}.measurements.sha256`);
    const fingerprint = measurementFingerprint(lab, bases);
    const current = existsSync(measurementsFile) && existsSync(stateFile) && readFileSync(stateFile, 'utf8') === fingerprint;
    const wanted = options.only.length ? options.only.includes(MEASURE) : options.force || !current;
    if (!wanted) {
      progress.detail(options.only.length ? 'not selected' : 'up to date');
    } else {
      const measurements = await measureExercise({
        lab,
        env: engine.env,
        dockerServer: engine.serverVersion,
        runtime,
        bases,
        tagOf: (variant) => tagOf(lab, variant),
        detail: progress.detail,
      });
      mkdirSync(measurementsDir, { recursive: true });
      writeFileSync(measurementsFile, `${JSON.stringify(measurements, null, 2)}\n`);
      mkdirSync(path.dirname(stateFile), { recursive: true });
      writeFileSync(stateFile, fingerprint);
      progress.detail(`wrote ${path.relative(process.cwd(), measurementsFile)}`);
    }
    process.stderr.write(`done in ${progress.elapsedSeconds().toFixed(0)} s\n`);
    return 0;
  } finally {
    await stopEngine(engine);
  }
}
