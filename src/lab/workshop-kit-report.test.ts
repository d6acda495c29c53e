import { describe, expect, it } from 'vitest';
import { savedArchiveProblems, setupCheckProblems, setupCheckVerdicts, withTag } from './workshop-kit-report.ts';

// The shape setup-check.sh prints (scripts/kit/setup-check.sh: `printf '%s  %-7s %s\n'`).
const ready = [
  'PASS  docker  Docker version 28.1.1, build 4eba377',
  'PASS  engine  Docker Engine 28.1.1 answers',
  'PASS  disk    70 GB free on /var/lib/docker',
  'PASS  build   built a test image (sha256:0123456789a)',
  'PASS  bases   every base image of the exercises is here',
  'Ready for the workshop.',
].join('\n');

describe('setupCheckVerdicts', () => {
  it('reads each check and its verdict, ignoring the summary', () => {
    expect([...setupCheckVerdicts(ready)]).toEqual([
      ['docker', 'PASS'],
      ['engine', 'PASS'],
      ['disk', 'PASS'],
      ['build', 'PASS'],
      ['bases', 'PASS'],
    ]);
  });
});

describe('setupCheckProblems', () => {
  it('accepts a ready machine, and a disk it could only warn about', () => {
    expect(setupCheckProblems({ exitCode: 0, stdout: ready })).toEqual([]);
    expect(setupCheckProblems({ exitCode: 0, stdout: ready.replace('PASS  disk', 'WARN  disk') })).toEqual([]);
  });

  it('names a failed or missing check, a bad exit status and a missing summary', () => {
    const noEngine = 'PASS  docker  Docker version 28.1.1\nFAIL  engine  no Docker Engine answers: start Docker Desktop';
    expect(setupCheckProblems({ exitCode: 1, stdout: noEngine })).toEqual([
      'setup-check.sh exited with 1',
      'setup-check.sh: engine is FAIL, expected PASS',
      'setup-check.sh: build is missing, expected PASS',
      'setup-check.sh: bases is missing, expected PASS',
      'setup-check.sh: disk is missing',
      'setup-check.sh did not end with "Ready for the workshop."',
    ]);
    expect(setupCheckProblems({ exitCode: 0, stdout: ready.replace('PASS  bases', 'WARN  bases') })).toEqual(['setup-check.sh: bases is WARN, expected PASS']);
  });
});

describe('withTag', () => {
  it('adds latest only where docker save would', () => {
    expect(withTag('gcr.io/distroless/base-debian13')).toBe('gcr.io/distroless/base-debian13:latest');
    expect(withTag('golang:1.24-trixie')).toBe('golang:1.24-trixie');
    expect(withTag('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });
});

describe('savedArchiveProblems', () => {
  const manifest = JSON.stringify([
    { Config: 'blobs/sha256/c1', RepoTags: ['golang:1.24-trixie'], Layers: ['blobs/sha256/l1', 'blobs/sha256/l2'] },
    { Config: 'blobs/sha256/c2', RepoTags: ['gcr.io/distroless/base-debian13:latest'], Layers: ['blobs/sha256/l1'] },
  ]);
  const paths = new Set(['/manifest.json', '/blobs/sha256/c1', '/blobs/sha256/c2', '/blobs/sha256/l1', '/blobs/sha256/l2']);

  it('accepts an archive with every wanted image and every file its manifest names', () => {
    expect(savedArchiveProblems(manifest, paths, ['golang:1.24-trixie', 'gcr.io/distroless/base-debian13'])).toEqual([]);
  });

  it('names a missing image and a missing layer', () => {
    const short = new Set([...paths].filter((file) => file !== '/blobs/sha256/l2'));
    expect(savedArchiveProblems(manifest, short, ['golang:1.24-trixie', 'debian:trixie-slim'])).toEqual([
      'images/base-images.tar has no debian:trixie-slim',
      'images/base-images.tar: manifest names blobs/sha256/l2, which the archive lacks',
    ]);
  });
});
