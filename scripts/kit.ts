// `npm run kit -- <workshop> [--out file.zip] [--build] [--with-images]`: one archive an instructor carries
// into a room with bad Wi-Fi. It holds the built site (served by serve.mjs from 127.0.0.1, every asset
// local), the workshop's exercises, the handout PDF when `npm run handout` has made one, a learner set-up
// check, and a script that prepares the base images (from images/base-images.tar with --with-images, which
// gets them through the lab's own base-image code, otherwise by pulling).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { zipSync } from 'fflate';
import { baseImagesOfExercises, saveBaseImages } from './kit/base-images.ts';
import { externalAssets, filesUnder } from './kit/offline.ts';
import { distDirectory, ensureBuilt, outDirectory, parseCommandLine, readWorkshop, repoRoot } from './kit/site.ts';

const usage = `Usage: npm run kit -- <workshop> [--out file.zip] [--build] [--with-images]

Writes out/kits/<workshop>.zip: the built site, the exercises, setup-check.sh and prepare-images.sh.
  --out <file>     where to write the archive
  --build          rebuild the site even if dist/ has a build
  --with-images    also get the base images (as npm run lab does) and put them in images/base-images.tar`;

const log = (line: string): void => void process.stderr.write(`kit: ${line}\n`);

function readme(workshopId: string, title: string, hasImages: boolean, hasHandout: boolean): string {
  return `${title}: offline kit
${'='.repeat(title.length + 13)}

Everything for the workshop without the internet.

  site/                 the course website, built. Serve it and open the workshop:
                          node serve.mjs site          (Node.js 18 or newer), then open
                          http://127.0.0.1:8080/workshops/${workshopId}/
                        or: cd site && python3 -m http.server 8080 --bind 127.0.0.1
  exercises/            the exercise folders the workshop uses
  setup-check.sh        learners run it before the day: sh setup-check.sh
  prepare-images.sh     gets the base images onto a machine ahead of time: sh prepare-images.sh
  base-images.txt       the base images the exercises' Dockerfiles name
${hasImages ? '  images/               base-images.tar, loaded by prepare-images.sh (no registry needed)\n' : ''}${hasHandout ? `  handout.pdf           the workshop's lessons, for printing\n` : ''}
Presenter: open /workshops/${workshopId}/present/ and press "Open console" for the notes window.
Answer key: /workshops/${workshopId}/answers/
`;
}

export async function buildKit(workshopId: string, output: string, options: { rebuild: boolean; withImages: boolean }): Promise<{ files: number; bytes: number }> {
  const workshop = readWorkshop(workshopId);
  ensureBuilt(workshopId, options.rebuild, log);
  const external = externalAssets(distDirectory);
  if (external.length > 0) throw new Error(`the built site loads assets from other hosts, so it would break offline:\n  ${external.join('\n  ')}`);

  const top = `lean-containers-${workshopId}`;
  const files: Record<string, Uint8Array> = {};
  const add = (path: string, data: Uint8Array): void => {
    files[`${top}/${path}`] = data;
  };
  for (const file of filesUnder(distDirectory)) add(`site/${file}`, readFileSync(join(distDirectory, file)));

  const exercises = [...new Set(workshop.agenda.flatMap((item) => (item.type === 'exercise' ? [item.exercise] : [])))];
  for (const exercise of exercises) {
    const folder = join(repoRoot, 'exercises', exercise);
    for (const file of filesUnder(folder)) add(`exercises/${exercise}/${file}`, readFileSync(join(folder, file)));
  }

  const kitScripts = join(import.meta.dirname, 'kit');
  for (const file of ['setup-check.sh', 'prepare-images.sh', 'serve.mjs']) add(file, readFileSync(join(kitScripts, file)));
  const images = baseImagesOfExercises(exercises);
  add('base-images.txt', new TextEncoder().encode(`# Base images the exercises' Dockerfiles name (one per line).\n${images.join('\n')}\n`));

  let hasImages = false;
  if (options.withImages) {
    const scratch = mkdtempSync(join(tmpdir(), 'kit-images-'));
    try {
      const archive = join(scratch, 'base-images.tar');
      const provenance = await saveBaseImages(images, archive, log);
      add('images/base-images.tar', readFileSync(archive));
      add('images/PROVENANCE.txt', new TextEncoder().encode(`${provenance.join('\n')}\n`));
      hasImages = true;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const handout = join(outDirectory, 'handouts', `${workshopId}.pdf`);
  const hasHandout = existsSync(handout) && statSync(handout).mtimeMs >= statSync(join(distDirectory, 'workshops', workshopId, 'handout', 'index.html')).mtimeMs;
  if (hasHandout) add('handout.pdf', readFileSync(handout));
  else log('no handout PDF newer than the build: run `npm run handout -- ' + workshopId + '` first to include one');
  add('README.txt', new TextEncoder().encode(readme(workshopId, workshop.title, hasImages, hasHandout)));

  // Already-compressed files are stored as they are; text is deflated.
  const stored = /\.(png|jpg|webp|woff2|pdf|tar|gz|pagefind|pf_\w+)$/;
  const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [data, { level: stored.test(path) ? 0 : 6 }]])));
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, zipped);
  return { files: Object.keys(files).length, bytes: zipped.length };
}

if (import.meta.main) {
  try {
    const { workshop, flags, out } = parseCommandLine(process.argv.slice(2), usage);
    const output = out ?? join(outDirectory, 'kits', `${workshop}.zip`);
    const { files, bytes } = await buildKit(workshop, output, { rebuild: flags.has('--build'), withImages: flags.has('--with-images') });
    log(`wrote ${relative(repoRoot, output)}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
