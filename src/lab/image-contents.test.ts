import { describe, expect, it } from 'vitest';
import { analyseContents, countDebianPackages, resolvePath, resolveUid } from './image-contents.ts';
import type { TarEntry } from './tar-reader.ts';

const entry = (path: string, type: TarEntry['type'], mode = 0o644, linkTarget = ''): TarEntry => ({ path, type, mode, size: 0, linkTarget });

// A merged-/usr Debian root in miniature: /bin links to usr/bin, sh to dash.
const debian: TarEntry[] = [
  entry('/bin', 'symlink', 0o777, 'usr/bin'),
  entry('/usr', 'directory', 0o755),
  entry('/usr/bin', 'directory', 0o755),
  entry('/usr/bin/dash', 'file', 0o755),
  entry('/usr/bin/sh', 'symlink', 0o777, 'dash'),
  entry('/usr/bin/apt', 'file', 0o755),
  entry('/usr/bin/su', 'file', 0o4755),
  entry('/etc', 'directory', 0o755),
  entry('/etc/passwd', 'file'),
  entry('/var/lib/dpkg/status', 'file'),
];

describe('resolvePath', () => {
  const byPath = new Map(debian.map((item) => [item.path, item]));

  it('follows a relative directory link and a file link', () => {
    expect(resolvePath(byPath, '/bin/sh')?.path).toBe('/usr/bin/dash');
  });

  it('returns undefined for what is not there', () => {
    expect(resolvePath(byPath, '/bin/bash')).toBeUndefined();
  });
});

describe('analyseContents', () => {
  it('counts files, executables, setuid files, shells and package managers', () => {
    const status = 'Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: install ok installed\n\nPackage: c\nStatus: deinstall ok config-files\n';
    const result = analyseContents(debian, new Map([['/var/lib/dpkg/status', Buffer.from(status)]]));
    expect(result).toEqual({
      files: 5,
      executables: 3,
      shells: ['/bin/sh', '/bin/dash'],
      packageManagers: ['/usr/bin/apt'],
      setuidFiles: 1,
      debianPackages: 2,
    });
  });

  it('leaves out the files Docker adds to every container', () => {
    const scratch = [entry('/usr/local/bin/hello', 'file', 0o755), entry('/.dockerenv', 'file', 0o755), entry('/etc/hosts', 'file', 0o755), entry('/dev/console', 'file', 0o755)];
    expect(analyseContents(scratch, new Map())).toMatchObject({ files: 1, executables: 1 });
  });

  it('finds busybox applets that install packages, each named once, and counts a merged-/usr program once', () => {
    // The :debug images: /busybox/busybox plus one link per applet; busybox --list includes dpkg and rpm.
    const debugImage = [
      ...debian,
      entry('/usr/sbin', 'directory', 0o755),
      entry('/sbin', 'symlink', 0o777, 'usr/sbin'),
      entry('/busybox', 'directory', 0o755),
      entry('/busybox/busybox', 'file', 0o755),
      entry('/busybox/sh', 'symlink', 0o777, 'busybox'),
      entry('/busybox/dpkg', 'symlink', 0o777, 'busybox'),
      entry('/busybox/dpkg-deb', 'symlink', 0o777, 'busybox'),
      entry('/busybox/rpm', 'symlink', 0o777, 'busybox'),
      entry('/busybox/ls', 'symlink', 0o777, 'busybox'),
    ];
    const result = analyseContents(debugImage, new Map());
    expect(result.packageManagers).toEqual(['/usr/bin/apt', '/busybox/dpkg', '/busybox/rpm']);
    expect(result.shells).toContain('/busybox/sh');
  });

  it('finds no package manager where only a busybox without those applets is', () => {
    const entries = [entry('/busybox', 'directory', 0o755), entry('/busybox/busybox', 'file', 0o755), entry('/busybox/sh', 'symlink', 0o777, 'busybox')];
    expect(analyseContents(entries, new Map()).packageManagers).toEqual([]);
  });

  it('counts distroless status.d entries but not their md5sums', () => {
    const entries = [entry('/var/lib/dpkg/status.d/tzdata', 'file'), entry('/var/lib/dpkg/status.d/tzdata.md5sums', 'file'), entry('/var/lib/dpkg/status.d/netbase', 'file')];
    expect(countDebianPackages(entries, undefined)).toBe(2);
  });
});

describe('resolveUid', () => {
  const passwd = 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n';
  it('treats no user as root, reads numbers, and looks names up', () => {
    expect(resolveUid('', undefined)).toBe(0);
    expect(resolveUid('65532:65532', undefined)).toBe(65532);
    expect(resolveUid('nonroot', passwd)).toBe(65532);
    expect(resolveUid('nobody', passwd)).toBeUndefined();
  });
});
