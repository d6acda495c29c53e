/**
 * The logic of <ExerciseFiles> and of the exercise downloads: which files a variant has, in what order,
 * in which highlighting language, and the zip of them. Node only (reads exercises/ at build time).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { variantNames } from '../../schemas/measurements.ts';

export const exerciseFilesPropsSchema = z.strictObject({
  variant: z.enum(variantNames).describe('Folder under exercises/<exercise>/, e.g. "multi-stage".'),
  exercise: z.string().regex(/^[a-z0-9-]+$/).default('go-hello-world').describe('Folder under exercises/. Default: go-hello-world.'),
  title: z.string().min(3).optional().describe('Heading above the files. Default: "Exercise files: <variant>".'),
});

export type ExerciseFilesProps = z.input<typeof exerciseFilesPropsSchema>;

export function parseExerciseFilesProps(props: unknown, page: string): z.output<typeof exerciseFilesPropsSchema> {
  const result = exerciseFilesPropsSchema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'props'}: ${issue.message}`).join('; ');
  throw new Error(`<ExerciseFiles> on ${page}: ${problems}.`);
}

export const exercisesDir = join(process.cwd(), 'exercises');

export interface ExerciseFile {
  /** File name inside the variant folder, e.g. "Dockerfile". */
  name: string;
  /** Repository-relative path, e.g. "exercises/go-hello-world/multi-stage/Dockerfile". */
  path: string;
  /** Shiki language. */
  lang: 'dockerfile' | 'go' | 'shellscript' | 'text';
  code: string;
}

/** The Dockerfile first (it is what the lesson is about), then the program, then the rest by name. */
const preferredOrder = ['Dockerfile', 'main.go', 'go.mod'];

export function languageOf(name: string): ExerciseFile['lang'] {
  if (name === 'Dockerfile' || name.endsWith('.Dockerfile')) return 'dockerfile';
  if (name.endsWith('.go')) return 'go';
  if (name.endsWith('.sh')) return 'shellscript';
  return 'text';
}

function rank(name: string): number {
  const index = preferredOrder.indexOf(name);
  return index === -1 ? preferredOrder.length : index;
}

export function sortFileNames(names: readonly string[]): string[] {
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The regular files of exercises/<exercise>/<variant>/ (not recursive: variants are flat folders). */
export function exerciseFiles(exercise: string, variant: string, root = exercisesDir): ExerciseFile[] {
  const folder = join(root, exercise, variant);
  if (!existsSync(folder)) throw new Error(`exercises/${exercise}/${variant}/ does not exist`);
  const names = readdirSync(folder).filter((name) => statSync(join(folder, name)).isFile());
  return sortFileNames(names).map((name) => ({
    name,
    path: `exercises/${exercise}/${variant}/${name}`,
    lang: languageOf(name),
    code: readFileSync(join(folder, name), 'utf8'),
  }));
}

/** The learner's self-check scripts (exercises/<exercise>/checks/), shipped in every download. */
export function checkFiles(exercise: string, root = exercisesDir): ExerciseFile[] {
  const folder = join(root, exercise, 'checks');
  if (!existsSync(folder)) return [];
  return exerciseFiles(exercise, 'checks', root);
}

export function zipName(exercise: string, variant: string): string {
  return `${exercise}-${variant}`;
}

export function downloadUrl(exercise: string, variant: string): string {
  return `/downloads/${zipName(exercise, variant)}.zip`;
}

/**
 * A zip laid out like the repository's exercises folder, so the lessons' commands work as written from
 * its top folder: `<exercise>/<variant>/…` and the self-check scripts in `<exercise>/checks/`.
 * Every entry gets the same fixed date so the same files always make the same bytes.
 */
export function exerciseZip(exercise: string, variant: string, root = exercisesDir): Uint8Array {
  const fixedDate = new Date(Date.UTC(2024, 0, 1));
  const entries: Zippable = {};
  for (const file of exerciseFiles(exercise, variant, root)) entries[`${exercise}/${variant}/${file.name}`] = [strToU8(file.code), { mtime: fixedDate }];
  for (const file of checkFiles(exercise, root)) entries[`${exercise}/checks/${file.name}`] = [strToU8(file.code), { mtime: fixedDate }];
  return zipSync(entries, { level: 9 });
}

let rendered = 0;
/** A page-unique prefix for tab and panel ids (pages render one after another). */
export function nextExerciseFilesId(): string {
  rendered += 1;
  return `exercise-files-${rendered}`;
}
