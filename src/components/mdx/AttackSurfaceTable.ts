/**
 * The logic of <AttackSurfaceTable>: what each image gives someone who gets code execution inside it,
 * from the lab's measurements. AttackSurfaceTable.astro renders the rows as an HTML table.
 */
import { z } from 'astro/zod';
import { variantNames, type Measurements, type VariantName } from '../../schemas/measurements.ts';
import { baseShort } from '../../lib/figures/describe.ts';

export const attackSurfacePropsSchema = z.strictObject({
  images: z.array(z.enum(variantNames)).min(1).default([...variantNames]).describe('Variants to compare, in this order. Default: all.'),
  title: z.string().min(3).describe('The table caption.'),
  exercise: z.string().regex(/^[a-z0-9-]+$/).default('go-hello-world').describe('content/measurements/<exercise>.json.'),
});

export type AttackSurfaceProps = z.input<typeof attackSurfacePropsSchema>;

export function parseAttackSurfaceProps(props: unknown, page: string): z.output<typeof attackSurfacePropsSchema> {
  const result = attackSurfacePropsSchema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'props'}: ${issue.message}`).join('; ');
  throw new Error(`<AttackSurfaceTable> on ${page}: ${problems}.`);
}

/** One cell: a number (or a user), whether it is a risk, and the list behind it if any. */
export interface SurfaceCell {
  value: number | string;
  text: string;
  /** True when this is something an attacker can use (a shell, root, a setuid file …); undefined: a plain count. */
  exposed?: boolean;
  detail?: string;
}

export interface SurfaceRow {
  key: VariantName;
  base: string;
  cells: Record<SurfaceColumn, SurfaceCell>;
}

export const surfaceColumns = ['user', 'shells', 'packageManagers', 'setuidFiles', 'debianPackages', 'executables', 'files'] as const;
export type SurfaceColumn = (typeof surfaceColumns)[number];

export const surfaceHeadings: Record<SurfaceColumn, string> = {
  user: 'Default user',
  shells: 'Shells',
  packageManagers: 'Package managers',
  setuidFiles: 'Setuid/setgid files',
  debianPackages: 'Debian packages',
  executables: 'Executables',
  files: 'Files',
};

/** A risk count: anything above zero is exposed. */
function risk(value: number): SurfaceCell {
  return { value, text: value.toLocaleString('en-US'), exposed: value > 0 };
}

/** A size-of-contents count (packages, executables, files): fewer is better, but no single number is a risk. */
function plain(value: number): SurfaceCell {
  return { value, text: value.toLocaleString('en-US') };
}

/** "root (uid 0)", "nonroot (uid 65532)", or just "uid 65532" when the config names the number. */
function userText(user: string, uid: number): string {
  const name = /^\d+(:\d+)?$/.test(user) ? (uid === 0 ? 'root' : '') : user;
  return name ? `${name} (uid ${uid})` : `uid ${uid}`;
}

function list(paths: readonly string[]): SurfaceCell {
  return paths.length === 0
    ? { value: 0, text: 'none', exposed: false }
    : { value: paths.length, text: String(paths.length), exposed: true, detail: paths.join(', ') };
}

export function attackSurfaceRows(measurements: Measurements, images: readonly VariantName[]): SurfaceRow[] {
  return images.map((key) => {
    const image = measurements.images[key];
    return {
      key,
      base: baseShort(image),
      cells: {
        user: { value: image.uid, text: userText(image.user, image.uid), exposed: image.uid === 0 },
        shells: list(image.shells),
        packageManagers: list(image.packageManagers),
        setuidFiles: risk(image.setuidFiles),
        debianPackages: plain(image.debianPackages),
        executables: plain(image.executables),
        files: plain(image.files),
      },
    };
  });
}
