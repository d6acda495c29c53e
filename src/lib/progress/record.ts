/**
 * The learner's progress: one versioned record, keyed by stable ids, stored as JSON in localStorage.
 * DOM-free; `store.ts` binds it to a storage, `exchange.ts` moves it between machines.
 */
import type { Response } from '../quiz/scoring.ts';

export const PROGRESS_VERSION = 2;

/** Lesson ids are content collection ids such as `01-why-it-matters/01-introduction`. */
export interface LessonProgress {
  status: 'read' | 'completed';
  at: string;
}

/** The latest answer to one question, keyed `<quizId>/<questionId>`. */
export interface AnswerRecord {
  /** The question's content hash when answered: a different hash means the question changed, so the answer no longer counts. */
  hash: string;
  response: Response;
  correct: boolean;
  attempts: number;
  at: string;
  /** The lesson the question was answered in, so resetting a chapter resets its quizzes. */
  lessonId?: string;
}

/** The score of the latest check of one quiz form (a lesson quiz or a self-check page). */
export interface ScoreRecord {
  correct: number;
  total: number;
  at: string;
}

export interface ExerciseRecord {
  done: boolean;
  at: string;
  lessonId?: string;
}

export interface ProgressRecord {
  version: typeof PROGRESS_VERSION;
  /** Per-learner seed for shuffling options, so a learner sees the same order on every visit. */
  seed: string;
  lessons: Record<string, LessonProgress>;
  answers: Record<string, AnswerRecord>;
  scores: Record<string, ScoreRecord>;
  exercises: Record<string, ExerciseRecord>;
}

export function emptyRecord(seed: string): ProgressRecord {
  return { version: PROGRESS_VERSION, seed, lessons: {}, answers: {}, scores: {}, exercises: {} };
}

/** A random seed; crypto.getRandomValues exists in browsers and Node alike. */
export function newSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The chapter part of a lesson id: `01-why-it-matters/01-introduction` → `01-why-it-matters`. */
export function chapterOf(lessonId: string): string {
  return lessonId.split('/')[0] ?? lessonId;
}
