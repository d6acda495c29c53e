// Where the lab reads and writes. Everything is relative to the repository root.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const exercisesDir = path.join(repoRoot, 'exercises');
export const recordingsDir = path.join(repoRoot, 'content', 'recordings');
export const measurementsDir = path.join(repoRoot, 'content', 'measurements');
/** Scratch space (git-ignored): downloaded .deb files, assembled root file systems, the docker shim. */
export const cacheDir = path.join(repoRoot, '.lab-cache');

/** State of a Docker Engine the lab starts itself: kept outside the repository, it holds gigabytes. */
export const labEngineRoot = '/var/lib/lean-containers-lab';
export const labEngineRunDir = '/run/lean-containers-lab';
export const labEngineSocket = `unix://${labEngineRunDir}/docker.sock`;
