// What is inside an image's file system: counts of files and executables, shells and package managers
// present, setuid/setgid files, Debian packages, and the default user's uid. Works on the entries of
// `docker export`, resolving symlinks (Debian links /bin to /usr/bin) the way the kernel would.
import path from 'node:path';
import type { TarEntry } from './tar-reader.ts';

export const SHELL_PATHS = ['/bin/sh', '/bin/bash', '/bin/dash', '/bin/ash', '/bin/zsh', '/busybox/sh'];
/** Programs that install software; looked for by name in every directory of BIN_DIRECTORIES. */
export const PACKAGE_MANAGER_NAMES = ['apt', 'apt-get', 'dpkg', 'apk', 'yum', 'dnf', 'microdnf', 'rpm', 'opkg', 'pip', 'pip3'];
/**
 * Where executables live. /busybox is the distroless :debug images' busybox, one link per applet: Debian's
 * busybox has `dpkg` and `rpm` applets, which install packages as well as the real ones.
 */
export const BIN_DIRECTORIES = ['/usr/bin', '/usr/sbin', '/bin', '/sbin', '/usr/local/bin', '/usr/local/sbin', '/busybox'];
/** Files whose contents the analysis reads. */
export const FILES_TO_READ = ['/etc/passwd', '/var/lib/dpkg/status'];

export interface ImageContents {
  files: number;
  executables: number;
  shells: string[];
  packageManagers: string[];
  setuidFiles: number;
  debianPackages: number;
}

/** Resolves symlinks (absolute and relative, in any component); undefined when the path does not exist. */
export function resolvePath(entries: Map<string, TarEntry>, wanted: string): TarEntry | undefined {
  let remaining = wanted.split('/').filter(Boolean);
  let current = '';
  for (let hops = 0; remaining.length > 0 && hops < 64; ) {
    const [part, ...rest] = remaining;
    remaining = rest;
    if (part === '.' || part === undefined) continue;
    if (part === '..') {
      current = path.posix.dirname(current === '' ? '/' : current);
      if (current === '/') current = '';
      continue;
    }
    const candidate = `${current}/${part}`;
    const entry = entries.get(candidate);
    if (!entry) return undefined;
    if (entry.type === 'symlink') {
      hops++;
      const target = entry.linkTarget;
      remaining = [...target.split('/').filter(Boolean), ...remaining];
      if (target.startsWith('/')) current = '';
      continue;
    }
    if (entry.type === 'hardlink') {
      const linked = entries.get(`/${entry.linkTarget.replace(/^\.?\/+/, '')}`);
      if (!linked) return undefined;
      if (remaining.length === 0) return linked;
    }
    current = candidate;
    if (remaining.length === 0) return entry;
  }
  return undefined;
}

function exists(entries: Map<string, TarEntry>, wanted: string): boolean {
  const entry = resolvePath(entries, wanted);
  return entry !== undefined && entry.type !== 'directory';
}

export function countDebianPackages(entries: readonly TarEntry[], status: string | undefined): number {
  // dpkg-managed images list packages in /var/lib/dpkg/status; distroless writes one file per package
  // in /var/lib/dpkg/status.d/ instead.
  const installed = status ? (status.match(/^Status: install ok installed$/gm) ?? []).length : 0;
  const statusD = entries.filter(
    (entry) => entry.type === 'file' && /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/.test(entry.path) && !entry.path.endsWith('.md5sums'),
  ).length;
  return installed + statusD;
}

/**
 * Files Docker adds to every container (and so to `docker export`) that are not part of the image:
 * mount points for the container's own /etc/hosts, /etc/hostname, /etc/resolv.conf, /.dockerenv, and
 * the kernel's /dev, /proc and /sys.
 */
export function isContainerRuntimeFile(file: string): boolean {
  return (
    ['/.dockerenv', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf'].includes(file) ||
    /^\/(dev|proc|sys)\//.test(file)
  );
}

/**
 * Package managers present, one path per program: /bin/apt and /usr/bin/apt are the same file on a
 * merged-/usr system and count once (the first directory of BIN_DIRECTORIES names it). Busybox applets are
 * links to the one busybox binary, so they are told apart by name, not by the file they resolve to.
 */
export function findPackageManagers(byPath: Map<string, TarEntry>): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const name of PACKAGE_MANAGER_NAMES) {
    for (const directory of BIN_DIRECTORIES) {
      const candidate = `${directory}/${name}`;
      const entry = resolvePath(byPath, candidate);
      if (!entry || entry.type === 'directory') continue;
      const key = `${name}\0${entry.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(candidate);
    }
  }
  return found;
}

export function analyseContents(allEntries: readonly TarEntry[], contents: Map<string, Buffer>): ImageContents {
  const entries = allEntries.filter((entry) => !isContainerRuntimeFile(entry.path));
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const regular = entries.filter((entry) => entry.type === 'file');
  return {
    files: regular.length,
    executables: regular.filter((entry) => (entry.mode & 0o111) !== 0).length,
    shells: SHELL_PATHS.filter((candidate) => exists(byPath, candidate)),
    packageManagers: findPackageManagers(byPath),
    setuidFiles: regular.filter((entry) => (entry.mode & 0o6000) !== 0).length,
    debianPackages: countDebianPackages(entries, contents.get('/var/lib/dpkg/status')?.toString('utf8')),
  };
}

/** The numeric uid of an image's configured user ("" means root; names are looked up in /etc/passwd). */
export function resolveUid(user: string, passwd: string | undefined): number | undefined {
  const name = user.split(':')[0] ?? '';
  if (name === '') return 0;
  if (/^\d+$/.test(name)) return Number.parseInt(name, 10);
  const line = (passwd ?? '').split('\n').find((entry) => entry.split(':')[0] === name);
  const uid = line?.split(':')[2];
  return uid === undefined ? undefined : Number.parseInt(uid, 10);
}
