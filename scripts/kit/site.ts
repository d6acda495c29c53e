// Shared by `npm run handout` and `npm run kit`: the built site (building it when asked or missing) and the
// workshop file, read and checked with the same schema the site build uses.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { workshopSchema } from '../../src/schemas/workshop.ts';
import type { Workshop } from '../../src/schemas/workshop.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const distDirectory = join(repoRoot, 'dist');
export const outDirectory = join(repoRoot, 'out');

export function readWorkshop(id: string): Workshop {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`"${id}" is not a workshop id (content/workshops/<id>.yaml)`);
  const file = join(repoRoot, 'content', 'workshops', `${id}.yaml`);
  if (!existsSync(file)) throw new Error(`No workshop content/workshops/${id}.yaml`);
  const result = workshopSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`content/workshops/${id}.yaml is invalid: ${result.error.message}`);
  return result.data;
}

/** Runs `astro build` unless dist/ already has the workshop's pages (or `force`). */
export function ensureBuilt(workshopId: string, force: boolean, log: (line: string) => void): void {
  const marker = join(distDirectory, 'workshops', workshopId, 'handout', 'index.html');
  if (!force && existsSync(marker)) {
    log(`using the existing build in dist/ (pass --build to rebuild)`);
    return;
  }
  log('building the site (astro build)…');
  const astro = join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status ?? result.signal})`);
  if (!existsSync(marker)) throw new Error(`the build has no page for workshop "${workshopId}"`);
}

export function parseCommandLine(argv: readonly string[], usage: string): { workshop: string; flags: Set<string>; out: string | undefined } {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--') && arg !== '--out'));
  const outAt = argv.indexOf('--out');
  const out = outAt === -1 ? undefined : argv[outAt + 1];
  const positional = argv.filter((arg, index) => !arg.startsWith('--') && (outAt === -1 || index !== outAt + 1));
  if (flags.has('--help') || positional.length !== 1 || !positional[0]) {
    throw new Error(usage);
  }
  return { workshop: positional[0], flags, out };
}
