// Assembles stand-ins for base images from Debian packages (mmdebstrap, dpkg -x) and imports them
// into Docker under the name of the image they stand in for, labelled as assembled.
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './exec.ts';
import { canonicalJson, sha256 } from './hash.ts';
import { cacheDir, repoRoot } from './paths.ts';
import { baseRecipes, BUSYBOX_PACKAGE, CA_PACKAGE } from './base-recipes.ts';
import type { BaseRecipe, DebianRootRecipe, DistrolessRecipe, ImageConfig, NodeRuntime } from './base-recipes.ts';

export const LABEL_PREFIX = 'org.lean-containers-workshop';

const debsDir = path.join(cacheDir, 'debs');

function slug(image: string): string {
  return image.replace(/[^a-z0-9.-]+/gi, '_');
}

/** `docker import --change …` instructions for an image's config and labels. */
function importChanges(config: ImageConfig, labels: Record<string, string>): string[] {
  const changes: string[] = [];
  for (const [key, value] of Object.entries(config.env)) changes.push(`ENV ${key}=${value}`);
  if (config.user) changes.push(`USER ${config.user}`);
  if (config.workdir) changes.push(`WORKDIR ${config.workdir}`);
  if (config.entrypoint) changes.push(`ENTRYPOINT ${JSON.stringify(config.entrypoint)}`);
  if (config.cmd) changes.push(`CMD ${JSON.stringify(config.cmd)}`);
  for (const [key, value] of Object.entries(labels)) changes.push(`LABEL ${key}=${JSON.stringify(value)}`);
  return changes.flatMap((change) => ['--change', change]);
}

export function assemblyLabels(recipe: BaseRecipe, recipeSha256: string): Record<string, string> {
  return {
    'org.opencontainers.image.title': recipe.image,
    'org.opencontainers.image.description':
      `Stand-in for ${recipe.image}, assembled locally by the Lean Containers Workshop lab from Debian packages; not the published image`,
    'org.opencontainers.image.created': new Date().toISOString(),
    [`${LABEL_PREFIX}.provenance`]: 'assembled',
    [`${LABEL_PREFIX}.assembled-from`]: recipe.summary,
    [`${LABEL_PREFIX}.recipe-sha256`]: recipeSha256,
  };
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Bootstrapped Debian roots, one tar file per recipe (named by the recipe's hash). An engine that lost its
 * images (or a new one) re-imports the tar instead of running mmdebstrap again, which downloads and
 * unpacks every package. Delete .lab-cache/roots to bootstrap from Debian afresh.
 */
export const rootsDir = path.join(cacheDir, 'roots');

export function rootTarPath(recipe: DebianRootRecipe): string {
  return path.join(rootsDir, `${slug(recipe.image)}-${sha256(canonicalJson(recipe)).slice(0, 16)}.tar`);
}

/** The recipe's root as a tar file: from the cache, or made by mmdebstrap (with its default mirrors) first. */
export async function debianRootTar(recipe: DebianRootRecipe, env: NodeJS.ProcessEnv): Promise<string> {
  const tar = rootTarPath(recipe);
  if (existsSync(tar)) return tar;
  const args = [
    `--variant=${recipe.variant}`,
    '--aptopt=APT::Install-Recommends "false"',
    ...recipe.dpkgExcludes.map((option) => `--dpkgopt=${option}`),
    ...(recipe.packages.length ? [`--include=${recipe.packages.join(',')}`] : []),
    ...recipe.customize.map((hook) => `--customize-hook=${hook}`),
    '--format=tar',
    recipe.suite,
    '-',
  ];
  mkdirSync(rootsDir, { recursive: true });
  const partial = `${tar}.partial`;
  // Written under another name and renamed when complete, so an interrupted run never leaves half a root.
  await run('bash', ['-c', `set -o pipefail; mmdebstrap --quiet ${args.map(shellQuote).join(' ')} > ${shellQuote(partial)}`], { env });
  renameSync(partial, tar);
  return tar;
}

/** A Debian root made by mmdebstrap (or taken from the roots cache), imported as the recipe's image. */
async function assembleDebianRoot(recipe: DebianRootRecipe, labels: Record<string, string>, env: NodeJS.ProcessEnv): Promise<void> {
  const tar = await debianRootTar(recipe, env);
  await run('docker', ['import', ...importChanges(recipe.config, labels), tar, recipe.image], { env });
}

/** Downloads the .deb files distroless images are made of (once; they stay in .lab-cache/debs). */
async function fetchDebs(packages: string[], env: NodeJS.ProcessEnv, suite: string): Promise<void> {
  mkdirSync(debsDir, { recursive: true });
  const missing = packages.filter((name) => !findDeb(name));
  if (missing.length === 0) return;
  const scratch = path.join(cacheDir, 'extract-root');
  rmSync(scratch, { recursive: true, force: true });
  // The extract variant downloads the packages (and their dependencies) with apt and unpacks them
  // without running anything; we only keep the downloaded archives.
  await run(
    'mmdebstrap',
    ['--quiet', '--variant=extract', `--include=${missing.join(',')}`, '--skip=download/empty',
      `--extract-hook=sync-out /var/cache/apt/archives ${debsDir}`, '--format=directory', suite, scratch],
    { env },
  );
  rmSync(scratch, { recursive: true, force: true });
}

function findDeb(name: string): string | undefined {
  if (!existsSync(debsDir)) return undefined;
  const file = readdirSync(debsDir).find((entry) => entry.startsWith(`${name}_`) && entry.endsWith('.deb'));
  return file ? path.join(debsDir, file) : undefined;
}

function requireDeb(name: string): string {
  const file = findDeb(name);
  if (!file) throw new Error(`Debian package ${name} was not downloaded into ${debsDir}`);
  return file;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Writes a package's control fields where distroless puts them, so scanners can list it. */
async function registerPackage(root: string, deb: string, name: string): Promise<void> {
  const control = await run('dpkg-deb', ['--field', deb]);
  const statusDir = path.join(root, 'var/lib/dpkg/status.d');
  mkdirSync(statusDir, { recursive: true });
  writeFileSync(path.join(statusDir, name), control.stdout);
}

async function assembleDistroless(recipe: DistrolessRecipe, labels: Record<string, string>, env: NodeJS.ProcessEnv): Promise<void> {
  // One download for every distroless recipe: mmdebstrap's start-up costs more than the packages.
  const allPackages = baseRecipes.flatMap((other) => (other.kind === 'distroless' ? other.packages : []));
  await fetchDebs([...new Set([...allPackages, CA_PACKAGE, BUSYBOX_PACKAGE])], env, recipe.suite);
  const root = path.join(cacheDir, 'rootfs', slug(recipe.image));
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o755);

  for (const name of recipe.packages) {
    const deb = requireDeb(name);
    await run('dpkg-deb', ['--extract', deb, root]);
    await registerPackage(root, deb, name);
  }

  // CA certificates: one bundle made from the package's certificates, as distroless's cacerts rule does.
  const caDeb = requireDeb(CA_PACKAGE);
  const caScratch = path.join(cacheDir, 'ca-scratch');
  rmSync(caScratch, { recursive: true, force: true });
  await run('dpkg-deb', ['--extract', caDeb, caScratch]);
  const certificates = listFiles(path.join(caScratch, 'usr/share/ca-certificates'))
    .filter((file) => file.endsWith('.crt'))
    .sort();
  mkdirSync(path.join(root, 'etc/ssl/certs'), { recursive: true });
  writeFileSync(
    path.join(root, 'etc/ssl/certs/ca-certificates.crt'),
    certificates.map((file) => readFileSync(file, 'utf8').trimEnd() + '\n').join(''),
  );
  mkdirSync(path.join(root, 'usr/share/doc/ca-certificates'), { recursive: true });
  copyFileSync(path.join(caScratch, 'usr/share/doc/ca-certificates/copyright'), path.join(root, 'usr/share/doc/ca-certificates/copyright'));
  await registerPackage(root, caDeb, CA_PACKAGE);
  rmSync(caScratch, { recursive: true, force: true });

  // Users and groups: root, nobody and nonroot (65532), all without a login shell.
  writeFileSync(
    path.join(root, 'etc/passwd'),
    'root:x:0:0:root:/root:/sbin/nologin\n' +
      'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' +
      'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
  );
  writeFileSync(
    path.join(root, 'etc/group'),
    'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n',
  );
  writeFileSync(
    path.join(root, 'etc/nsswitch.conf'),
    'passwd:         files\ngroup:          files\nshadow:         files\nhosts:          files dns\nnetworks:       files\n' +
      'protocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n',
  );
  for (const [dir, mode, uid] of [['root', 0o700, 0], ['home', 0o755, 0], ['home/nonroot', 0o700, 65532], ['tmp', 0o1777, 0]] as const) {
    mkdirSync(path.join(root, dir), { recursive: true });
    chmodSync(path.join(root, dir), mode);
    chownSync(path.join(root, dir), uid, uid);
  }
  const osRelease = path.join(root, 'etc/os-release');
  rmSync(osRelease, { force: true });
  writeFileSync(
    osRelease,
    'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="13"\n' +
      'VERSION="Debian GNU/Linux 13 (trixie)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n',
  );

  if (recipe.debug) {
    const busyboxScratch = path.join(cacheDir, 'busybox-scratch');
    rmSync(busyboxScratch, { recursive: true, force: true });
    await run('dpkg-deb', ['--extract', requireDeb(BUSYBOX_PACKAGE), busyboxScratch]);
    const binary = listFiles(busyboxScratch).find((file) => path.basename(file) === 'busybox');
    if (!binary) throw new Error(`${BUSYBOX_PACKAGE} holds no busybox binary`);
    mkdirSync(path.join(root, 'busybox'), { recursive: true });
    copyFileSync(binary, path.join(root, 'busybox/busybox'));
    chmodSync(path.join(root, 'busybox/busybox'), 0o755);
    const applets = (await run(binary, ['--list'])).stdout.split('\n').filter(Boolean);
    for (const applet of applets) {
      if (applet !== 'busybox') symlinkSync('busybox', path.join(root, 'busybox', applet));
    }
    rmSync(busyboxScratch, { recursive: true, force: true });
  }

  if (recipe.node) await addNodeRuntime(root, recipe.node);

  const importArgs = ['import', ...importChanges(recipe.config, labels), '-', recipe.image];
  const pipeline =
    `set -o pipefail; tar --numeric-owner --sort=name -C ${shellQuote(root)} -cf - . | docker ${importArgs.map(shellQuote).join(' ')}`;
  await run('bash', ['-c', pipeline], { env });
  rmSync(root, { recursive: true, force: true });
}

/** Copies Node's release binary where distroless's nodejs images have it, after checking it is the pinned release. */
async function addNodeRuntime(root: string, node: NodeRuntime): Promise<void> {
  const binary = path.join(repoRoot, node.binary);
  const reported = (await run(binary, ['--version'])).stdout.trim();
  if (reported !== `v${node.version}`) throw new Error(`${node.binary} reports ${reported}, the recipe wants v${node.version}`);
  const target = path.join(root, node.target);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(binary, target);
  chmodSync(target, 0o755);
}

export async function assemble(recipe: BaseRecipe, labels: Record<string, string>, env: NodeJS.ProcessEnv): Promise<void> {
  if (recipe.kind === 'debian-root') await assembleDebianRoot(recipe, labels, env);
  else await assembleDistroless(recipe, labels, env);
}
