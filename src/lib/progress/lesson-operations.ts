/**
 * The progress operations every course page needs: marking lessons read or completed, and counting them for
 * the progress bar. Apart from operations.ts so the frame's script does not carry quiz and reset code.
 */
import type { ProgressRecord } from './record.ts';

/** Marks a lesson read or completed; reading again never downgrades a completed lesson. */
export function markLesson(record: ProgressRecord, lessonId: string, status: 'read' | 'completed', at: string): ProgressRecord {
  const current = record.lessons[lessonId];
  if (status === 'read' && current) return record;
  return { ...record, lessons: { ...record.lessons, [lessonId]: { status, at } } };
}

/** Takes a lesson back to "read" (the learner unticked "completed"). */
export function reopenLesson(record: ProgressRecord, lessonId: string, at: string): ProgressRecord {
  return { ...record, lessons: { ...record.lessons, [lessonId]: { status: 'read', at } } };
}

/** Counts for the course progress bar. */
export function courseProgress(record: ProgressRecord, lessonIds: readonly string[]): { completed: number; read: number; total: number } {
  const statuses = lessonIds.map((id) => record.lessons[id]?.status);
  return {
    completed: statuses.filter((status) => status === 'completed').length,
    read: statuses.filter((status) => status === 'read').length,
    total: lessonIds.length,
  };
}
