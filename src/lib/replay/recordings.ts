import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Build-time lookup of recordings (Node only). An id is `<exercise>/<step>` for the lab's recordings in
 * content/recordings/, or `samples/<name>` for the replay's own real fixture recordings in
 * tests/fixtures/casts/ (shown on /replay/ and used by its end-to-end tests).
 * Each is published as a static file at `castUrl(id)` by src/pages/replay/casts/[...cast].ts.
 */
const root = process.cwd();
export const recordingsDir = join(root, 'content', 'recordings');
export const samplesDir = join(root, 'tests', 'fixtures', 'casts');
const idPattern = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/;

export interface RecordingFiles {
  id: string;
  castPath: string;
  metaPath: string;
}

/** Paths for an id; throws a friendly error for an id that could escape the recordings folder. */
export function recordingFiles(id: string): RecordingFiles {
  if (!idPattern.test(id) || id.includes('..')) {
    throw new Error(`"${id}" is not a recording id: expected "<exercise>/<step>", e.g. "go-hello-world/build".`);
  }
  const [folder, name] = id.split('/') as [string, string];
  const base = folder === 'samples' ? join(samplesDir, name) : join(recordingsDir, folder, name);
  return { id, castPath: `${base}.cast`, metaPath: `${base}.meta.json` };
}

export function castUrl(id: string): string {
  return `/replay/casts/${id}.cast`;
}

/** Every recording id there is: the lab's (when present) and the samples. */
export function listRecordingIds(): string[] {
  const ids: string[] = [];
  if (existsSync(recordingsDir)) {
    for (const entry of readdirSync(recordingsDir, { recursive: true, encoding: 'utf8' })) {
      if (entry.endsWith('.cast')) ids.push(relative(recordingsDir, join(recordingsDir, entry)).split(sep).join('/').slice(0, -'.cast'.length));
    }
  }
  if (existsSync(samplesDir)) {
    for (const entry of readdirSync(samplesDir)) if (entry.endsWith('.cast')) ids.push(`samples/${entry.slice(0, -'.cast'.length)}`);
  }
  return ids.filter((id) => idPattern.test(id)).sort();
}

export function readCast(id: string): string {
  return readFileSync(recordingFiles(id).castPath, 'utf8');
}
