/**
 * Export and import of progress as a JSON file, to move between machines or hand to an instructor.
 * Import validates everything first and merges; a bad file changes nothing.
 */
import type { ProgressRecord } from './record.ts';
import { readRecord } from './validate.ts';

export const EXPORT_FORMAT = 'lean-containers-workshop/progress';
/** Larger files are refused before parsing: a real record is a few kilobytes. */
export const MAX_IMPORT_BYTES = 1_000_000;

export function exportProgress(record: ProgressRecord, exportedAt: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, exportedAt: exportedAt.toISOString(), record }, null, 2)}\n`;
}

export function exportFileName(exportedAt: Date): string {
  return `lean-containers-progress-${exportedAt.toISOString().slice(0, 10)}.json`;
}

export type ImportResult =
  | { ok: true; record: ProgressRecord; added: { lessons: number; answers: number; exercises: number } }
  | { ok: false; message: string };

const refuse = (reason: string): ImportResult => ({ ok: false, message: `This file was not imported: ${reason}. Your progress is unchanged.` });

export function importProgress(text: string, current: ProgressRecord, now: Date): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return refuse('it is too large to be a progress export');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('it is not a JSON file');
  }
  const envelope = parsed as { format?: unknown; record?: unknown } | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== EXPORT_FORMAT) {
    return refuse('it is not a progress export of this course');
  }
  const read = readRecord(envelope.record, { now: now.toISOString(), seed: current.seed });
  if (!read.ok) return refuse(read.problem);
  const merged = mergeRecords(current, read.record);
  const count = (map: object) => Object.keys(map).length;
  return {
    ok: true,
    record: merged,
    added: {
      lessons: count(merged.lessons) - count(current.lessons),
      answers: count(merged.answers) - count(current.answers),
      exercises: count(merged.exercises) - count(current.exercises),
    },
  };
}

/** Keeps, per entry, the later of the two; a completed lesson stays completed. The current seed wins. */
export function mergeRecords(current: ProgressRecord, incoming: ProgressRecord): ProgressRecord {
  function latest<T extends { at: string }>(mine: Record<string, T>, theirs: Record<string, T>, prefer?: (a: T, b: T) => T | undefined) {
    const result: Record<string, T> = { ...mine };
    for (const [id, entry] of Object.entries(theirs)) {
      const existing = result[id];
      result[id] = !existing ? entry : (prefer?.(existing, entry) ?? (Date.parse(entry.at) > Date.parse(existing.at) ? entry : existing));
    }
    return result;
  }
  return {
    ...current,
    lessons: latest(current.lessons, incoming.lessons, (mine, theirs) =>
      mine.status !== theirs.status ? (mine.status === 'completed' ? mine : theirs) : undefined,
    ),
    answers: latest(current.answers, incoming.answers),
    scores: latest(current.scores, incoming.scores),
    exercises: latest(current.exercises, incoming.exercises),
  };
}
