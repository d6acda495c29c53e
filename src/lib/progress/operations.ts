/** Pure changes to a progress record: each returns a new record and leaves its input alone. */
import type { Response } from '../quiz/scoring.ts';
import { chapterOf, type AnswerRecord, type ProgressRecord } from './record.ts';

const without = <T>(map: Record<string, T>, keep: (id: string, value: T) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(map).filter(([id, value]) => keep(id, value)));

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

export function recordAnswer(
  record: ProgressRecord,
  questionKey: string,
  answer: { hash: string; response: Response; correct: boolean; at: string; lessonId?: string | undefined },
): ProgressRecord {
  const previous = answerFor(record, questionKey, answer.hash);
  const entry: AnswerRecord = { hash: answer.hash, response: answer.response, correct: answer.correct, at: answer.at, attempts: (previous?.attempts ?? 0) + 1 };
  if (answer.lessonId) entry.lessonId = answer.lessonId;
  return { ...record, answers: { ...record.answers, [questionKey]: entry } };
}

/** The saved answer to a question, only if it was given to the question as it is now. */
export function answerFor(record: ProgressRecord, questionKey: string, hash: string): AnswerRecord | undefined {
  const answer = record.answers[questionKey];
  return answer?.hash === hash ? answer : undefined;
}

/** Forgets answers (the learner retries them); their attempt counts go with them. */
export function forgetAnswers(record: ProgressRecord, questionKeys: readonly string[]): ProgressRecord {
  return { ...record, answers: without(record.answers, (key) => !questionKeys.includes(key)) };
}

export function recordScore(record: ProgressRecord, formId: string, score: { correct: number; total: number }, at: string): ProgressRecord {
  return { ...record, scores: { ...record.scores, [formId]: { ...score, at } } };
}

export function markExercise(record: ProgressRecord, exerciseId: string, done: boolean, at: string, lessonId?: string): ProgressRecord {
  return { ...record, exercises: { ...record.exercises, [exerciseId]: lessonId ? { done, at, lessonId } : { done, at } } };
}

/**
 * Forgets one chapter: its lessons, the answers and exercises recorded in its lessons, and the scores of
 * forms on its lesson pages (form ids of lesson quizzes start with the lesson id).
 */
export function resetChapter(record: ProgressRecord, chapterId: string): ProgressRecord {
  const inChapter = (lessonId: string | undefined) => lessonId !== undefined && chapterOf(lessonId) === chapterId;
  return {
    ...record,
    lessons: without(record.lessons, (lessonId) => !inChapter(lessonId)),
    answers: without(record.answers, (_, answer) => !inChapter(answer.lessonId)),
    exercises: without(record.exercises, (_, exercise) => !inChapter(exercise.lessonId)),
    scores: without(record.scores, (formId) => !formId.startsWith(`${chapterId}/`)),
  };
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
