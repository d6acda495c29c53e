/**
 * Pure changes to a progress record: each returns a new record and leaves its input alone. What every course
 * page needs (lessons read or completed) is in lesson-operations.ts, re-exported here.
 */
import type { Response } from '../quiz/scoring.ts';
import { chapterOf, type AnswerRecord, type ProgressRecord } from './record.ts';

export { courseProgress, markLesson, reopenLesson } from './lesson-operations.ts';

const without = <T>(map: Record<string, T>, keep: (id: string, value: T) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(map).filter(([id, value]) => keep(id, value)));

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
