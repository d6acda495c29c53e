// `npm run test:lab`'s checks of the workshop kit (issue #7), against the lab's Docker engine:
//  1. the learner's set-up check (scripts/kit/setup-check.sh), laid out as in the kit, reports a ready machine,
//     and fails with advice when the same engine is used through the legacy builder;
//  2. `npm run kit -- half-day --with-images` writes an archive whose images/base-images.tar holds every base
//     image of base-images.txt, and whose prepare-images.sh loads them from it (no registry involved).
// Run alone: `node src/lab/workshop-kit.ts`. The failure path of the set-up check (no Docker) needs no engine:
// scripts/kit/setup-check.test.ts.
import { copyFileSync, createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { baseImagesOfExercises } from '../../scripts/kit/base-images.ts';
import { connectEngine, stopEngine } from './engine.ts';
import { run } from './exec.ts';
import { repoRoot } from './paths.ts';
import { readTar } from './tar-reader.ts';
import { savedArchiveProblems, setupCheckProblems, withTag } from './workshop-kit-report.ts';

const kitScripts = path.join(repoRoot, 'scripts', 'kit');
const workshop = 'half-day';
const log = (line: string): void => void process.stderr.write(`workshop kit: ${line}\n`);

/** The set-up check in a folder laid out like the kit: the script beside base-images.txt. */
async function checkSetupScript(env: NodeJS.ProcessEnv, folder: string, images: readonly string[]): Promise<string[]> {
  const kit = path.join(folder, 'setup');
  mkdirSync(kit);
  copyFileSync(path.join(kitScripts, 'setup-check.sh'), path.join(kit, 'setup-check.sh'));
  writeFileSync(path.join(kit, 'base-images.txt'), `${images.join('\n')}\n`);
  const result = await run('sh', [path.join(kit, 'setup-check.sh')], { env, check: false, timeoutMs: 300_000 });
  log(`setup-check.sh said:\n${result.stdout.trimEnd()}`);
  const problems = setupCheckProblems(result);

  // The same engine through the legacy builder (what a docker client without buildx uses): the exercises'
  // Dockerfiles would fail mid-workshop, so the check must fail now and say how to get BuildKit.
  const legacy = await run('sh', [path.join(kit, 'setup-check.sh')], { env: { ...env, DOCKER_BUILDKIT: '0' }, check: false, timeoutMs: 300_000 });
  const buildLine = legacy.stdout.split('\n').find((line) => line.startsWith('FAIL  build'));
  if (legacy.exitCode !== 1 || !buildLine?.includes('need BuildKit') || !buildLine.includes('buildx')) {
    problems.push(`setup-check.sh with the legacy builder should fail its build check with advice on BuildKit; it said:\n${legacy.stdout.trimEnd()}`);
  }
  return problems;
}

/** The kit with images: archive contents, then its prepare-images.sh loading them. */
async function checkKitWithImages(env: NodeJS.ProcessEnv, folder: string, images: readonly string[]): Promise<string[]> {
  const archive = path.join(folder, `${workshop}.zip`);
  log(`npm run kit -- ${workshop} --with-images (saves ${images.length} base images)`);
  // The kit finds the engine itself (src/lab/engine.ts), as on an instructor's machine: it gets our
  // DOCKER_HOST and the user's own PATH, not the lab's docker shim.
  const kitEnv = { ...process.env, ...(env['DOCKER_HOST'] ? { DOCKER_HOST: env['DOCKER_HOST'] } : {}) };
  await run(process.execPath, [path.join(repoRoot, 'scripts', 'kit.ts'), workshop, '--with-images', '--out', archive], { env: kitEnv, timeoutMs: 1_800_000 });
  // Everything but the built site, which the e2e kit test already checks.
  const top = `lean-containers-${workshop}/`;
  const files = unzipSync(readFileSync(archive), { filter: (file) => !file.name.startsWith(`${top}site/`) });
  rmSync(archive);
  const kit = path.join(folder, 'kit');
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    const target = path.join(kit, name.slice(top.length));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  const problems: string[] = [];
  const tar = path.join(kit, 'images', 'base-images.tar');
  const { entries, contents } = await readTar(createReadStream(tar), (name) => name === '/manifest.json');
  const manifest = contents.get('/manifest.json');
  if (!manifest) return ['images/base-images.tar has no manifest.json: it is not a docker save archive'];
  problems.push(...savedArchiveProblems(manifest.toString('utf8'), new Set(entries.map((entry) => entry.path)), images));
  const provenance = readFileSync(path.join(kit, 'images', 'PROVENANCE.txt'), 'utf8');
  for (const image of images) if (!provenance.includes(`${image} `)) problems.push(`images/PROVENANCE.txt does not say where ${image} came from`);
  if (!readFileSync(path.join(kit, 'README.txt'), 'utf8').includes('images/')) problems.push('README.txt does not mention images/');

  // The images are already in this engine, so loading cannot prove they were missing before; it proves the
  // archive loads and holds every image, and that the script then finds them all without pulling.
  const prepared = await run('sh', [path.join(kit, 'prepare-images.sh')], { env, check: false, timeoutMs: 900_000 });
  log(`prepare-images.sh said:\n${prepared.stdout.trimEnd()}`);
  if (prepared.exitCode !== 0) problems.push(`prepare-images.sh exited with ${prepared.exitCode}: ${prepared.stderr.trim()}`);
  if (!prepared.stdout.includes('Loading the base images that came with the kit')) problems.push('prepare-images.sh did not load images/base-images.tar');
  for (const image of images) {
    if (!prepared.stdout.includes(`Loaded image: ${withTag(image)}`)) problems.push(`docker load did not load ${withTag(image)} from the kit`);
    if (!prepared.stdout.includes(`present  ${image}\n`)) problems.push(`prepare-images.sh did not find ${image} after loading`);
  }
  if (/^pulled /m.test(prepared.stdout)) problems.push('prepare-images.sh pulled an image although the kit has them');
  return problems;
}

/** Both checks; returns the problems found (empty when the kit works against the lab's engine). */
export async function verifyWorkshopKit(): Promise<string[]> {
  const engine = await connectEngine(log);
  const folder = mkdtempSync(path.join(tmpdir(), 'workshop-kit-check-'));
  try {
    const images = baseImagesOfExercises(['go-hello-world']);
    const problems = await checkSetupScript(engine.env, folder, images);
    problems.push(...(await checkKitWithImages(engine.env, folder, images)));
    return problems;
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await stopEngine(engine);
  }
}

/** For verify.ts: prints the problems (or the error that stopped the check) and returns an exit code. */
export async function workshopKitExitCode(): Promise<number> {
  let problems: string[];
  try {
    problems = await verifyWorkshopKit();
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  for (const problem of problems) process.stderr.write(`FAIL ${problem}\n`);
  process.stderr.write(problems.length ? `workshop kit: ${problems.length} problem(s)\n` : 'workshop kit: the set-up check passes and the kit with images loads\n');
  return problems.length ? 1 : 0;
}

if (import.meta.main) process.exitCode = await workshopKitExitCode();
