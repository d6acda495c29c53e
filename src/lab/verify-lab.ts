// `npm run test:lab`: rebuilds every variant from scratch under throwaway tags and checks that the
// committed measurements still hold. Writes nothing; removes only the images it built.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { run } from './exec.ts';
import { exerciseDir } from './lab-file.ts';
import type { LabFile } from './lab-file.ts';
import { inspectImage, runOnce } from './measure.ts';
import type { ImageFacts } from './measure.ts';
import { measurementsDir } from './paths.ts';
import { readExerciseMeasurements } from './measure-exercise.ts';
import { selfCheckProblems } from '../../tests/lab/self-check.ts';
import type { ImageMeasurement } from '../schemas/measurements.ts';

/** Sizes may drift a little as Debian updates packages; more than this is a real change. */
export const SIZE_TOLERANCE = 0.05;
/** The lesson's central claim: the static nonroot image is at least this many times smaller. */
export const MIN_SIZE_RATIO = 100;

/** Differences between a rebuilt image and its committed measurement (empty when it still holds). */
export function compareImage(name: string, committed: ImageMeasurement, rebuilt: ImageFacts & { output: string }): string[] {
  const problems: string[] = [];
  const drift = Math.abs(rebuilt.sizeBytes - committed.sizeBytes) / committed.sizeBytes;
  if (drift > SIZE_TOLERANCE) {
    problems.push(`${name}: size ${rebuilt.sizeBytes} bytes differs from the committed ${committed.sizeBytes} by ${(drift * 100).toFixed(1)}%`);
  }
  if (rebuilt.output !== committed.output) problems.push(`${name}: printed ${JSON.stringify(rebuilt.output)}, committed ${JSON.stringify(committed.output)}`);
  if (rebuilt.user !== committed.user || rebuilt.uid !== committed.uid) {
    problems.push(`${name}: runs as ${rebuilt.user} (uid ${rebuilt.uid}), committed ${committed.user} (uid ${committed.uid})`);
  }
  if (rebuilt.shells.join(' ') !== committed.shells.join(' ')) problems.push(`${name}: shells [${rebuilt.shells.join(', ')}], committed [${committed.shells.join(', ')}]`);
  if (rebuilt.packageManagers.join(' ') !== committed.packageManagers.join(' ')) {
    problems.push(`${name}: package managers [${rebuilt.packageManagers.join(', ')}], committed [${committed.packageManagers.join(', ')}]`);
  }
  return problems;
}

export function sizeRatioProblem(singleStageBytes: number, staticNonrootBytes: number): string | undefined {
  const ratio = singleStageBytes / staticNonrootBytes;
  return ratio >= MIN_SIZE_RATIO ? undefined : `the static nonroot image is only ${ratio.toFixed(1)}x smaller than single-stage (want ${MIN_SIZE_RATIO}x)`;
}

/** Problems when running `command` in the image does not fail as a missing executable does (exit 127). */
async function notFound(tag: string, command: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const result = await run('docker', ['run', '--rm', '--network=none', '--entrypoint', command, tag], { env, check: false });
  if (result.exitCode === 127 && result.stderr.includes('executable file not found')) return [];
  return [`${tag.split(':').at(-1) ?? tag}: running ${command} should fail with exit 127 "executable file not found", got ${result.exitCode}: ${result.stderr.trim()}`];
}

/** The Node.js exercise's claims: distroless has neither shell nor npm and runs as 65532, and is the smaller image. */
async function nodeExerciseProblems(tagOf: (variant: string) => string, rebuilt: Record<string, ImageFacts>, env: NodeJS.ProcessEnv): Promise<string[]> {
  const problems = [...(await notFound(tagOf('distroless'), 'sh', env)), ...(await notFound(tagOf('distroless'), 'npm', env))];
  const npm = await run('docker', ['run', '--rm', '--network=none', tagOf('single-stage'), 'npm', '--version'], { env, check: false });
  if (npm.exitCode !== 0) problems.push(`single-stage: npm --version should work on the full image, got exit ${npm.exitCode}`);
  const single = rebuilt['single-stage'];
  const distroless = rebuilt['distroless'];
  if (single && distroless) {
    if (distroless.uid !== 65532) problems.push(`distroless runs as uid ${distroless.uid}, expected 65532`);
    if (distroless.sizeBytes >= single.sizeBytes) problems.push(`distroless (${distroless.sizeBytes} bytes) is not smaller than single-stage (${single.sizeBytes} bytes)`);
  }
  return problems;
}

export async function verifyLab(lab: LabFile, env: NodeJS.ProcessEnv, detail: (line: string) => void): Promise<string[]> {
  const committed = readExerciseMeasurements(lab.exercise, path.join(measurementsDir, `${lab.exercise}.json`));
  const suffix = randomBytes(4).toString('hex');
  const tagOf = (variant: string) => `${lab.exercise}-verify-${suffix}:${variant}`;
  const built: string[] = [];
  const problems: string[] = [];
  const rebuilt: Record<string, ImageFacts> = {};
  try {
    for (const variant of lab.variants) {
      const tag = tagOf(variant.name);
      detail(`build ${variant.name} from scratch as ${tag}`);
      await run('docker', ['build', '--no-cache', '--network=none', '--progress=plain', '-t', tag, path.join(exerciseDir(lab.exercise), variant.name)], { env });
      built.push(tag);
      const facts = await inspectImage(tag, env);
      const { output } = await runOnce(tag, env);
      rebuilt[variant.name] = facts;
      const measured = (committed.images as Partial<Record<string, ImageMeasurement>>)[variant.name];
      if (!measured) problems.push(`${variant.name}: not in the committed measurements`);
      else problems.push(...compareImage(variant.name, measured, { ...facts, output }));
      detail(`${variant.name}: ${facts.sizeBytes} bytes (committed ${measured?.sizeBytes ?? '-'}), user ${facts.user}, printed ${JSON.stringify(output)}`);
    }
    if (lab.exercise === 'node-hello-world') {
      problems.push(...(await nodeExerciseProblems(tagOf, rebuilt, env)));
      return problems;
    }
    problems.push(...(await notFound(tagOf('distroless'), 'sh', env)));
    const debugUser = await run('docker', ['run', '--rm', '--network=none', '--entrypoint', 'sh', tagOf('debug'), '-c', 'whoami'], { env, check: false });
    if (debugUser.stdout.trim() !== 'nonroot') problems.push(`debug: whoami printed ${JSON.stringify(debugUser.stdout.trim())}, expected "nonroot"`);
    const single = rebuilt['single-stage'];
    const nonroot = rebuilt['distroless-static-nonroot'];
    if (single && nonroot) {
      const problem = sizeRatioProblem(single.sizeBytes, nonroot.sizeBytes);
      if (problem) problems.push(problem);
      if (nonroot.uid !== 65532) problems.push(`distroless-static-nonroot runs as uid ${nonroot.uid}, expected 65532`);
    }
    // The learner's self-check script (exercises/go-hello-world/checks) must judge the fresh images right.
    if (lab.exercise === 'go-hello-world') problems.push(...(await selfCheckProblems(tagOf, env)));
  } finally {
    if (built.length) await run('docker', ['rmi', ...built], { env, check: false });
  }
  return problems;
}
