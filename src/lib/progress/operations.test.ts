import { describe, expect, it } from 'vitest';
import {
  answerFor,
  courseProgress,
  forgetAnswers,
  markExercise,
  markLesson,
  recordAnswer,
  recordScore,
  reopenLesson,
  resetChapter,
} from './operations.ts';
import { chapterOf, emptyRecord } from './record.ts';
import { readRecord } from './validate.ts';

const at = '2026-11-27T10:00:00.000Z';
const later = '2026-11-27T11:00:00.000Z';

describe('progress operations', () => {
  it('never downgrades a completed lesson by reading it again', () => {
    const completed = markLesson(emptyRecord('s'), 'c/l', 'completed', at);
    expect(markLesson(completed, 'c/l', 'read', later).lessons['c/l']).toEqual({ status: 'completed', at });
    expect(reopenLesson(completed, 'c/l', later).lessons['c/l']).toEqual({ status: 'read', at: later });
  });

  it('leaves its input unchanged', () => {
    const record = emptyRecord('s');
    markLesson(record, 'c/l', 'read', at);
    expect(record.lessons).toEqual({});
  });

  it('counts attempts and ignores answers to an edited question', () => {
    let record = recordAnswer(emptyRecord('s'), 'quiz/q', { hash: 'v1', response: 0, correct: false, at });
    record = recordAnswer(record, 'quiz/q', { hash: 'v1', response: 1, correct: true, at: later });
    expect(answerFor(record, 'quiz/q', 'v1')).toMatchObject({ response: 1, correct: true, attempts: 2 });
    expect(answerFor(record, 'quiz/q', 'v2')).toBeUndefined();
    // Answering the edited question starts its count afresh.
    expect(recordAnswer(record, 'quiz/q', { hash: 'v2', response: 1, correct: true, at }).answers['quiz/q']?.attempts).toBe(1);
  });

  it('forgets only the answers asked for', () => {
    let record = recordAnswer(emptyRecord('s'), 'quiz/a', { hash: 'h', response: 0, correct: false, at });
    record = recordAnswer(record, 'quiz/b', { hash: 'h', response: 0, correct: true, at });
    expect(Object.keys(forgetAnswers(record, ['quiz/a']).answers)).toEqual(['quiz/b']);
  });

  it('resets one chapter and nothing else', () => {
    let record = emptyRecord('s');
    record = markLesson(record, '01-why/01-intro', 'completed', at);
    record = markLesson(record, '02-distroless/01-what', 'read', at);
    record = recordAnswer(record, 'sizes/a', { hash: 'h', response: 0, correct: true, at, lessonId: '01-why/01-intro' });
    record = recordAnswer(record, 'sizes/b', { hash: 'h', response: 0, correct: true, at, lessonId: '02-distroless/01-what' });
    record = recordAnswer(record, 'sizes/c', { hash: 'h', response: 0, correct: true, at });
    // A lesson's quiz is scored as `<lesson id>/<quiz id>` (quiz-form.ts); the reader (validate.ts) refuses a `#`.
    record = recordScore(record, '01-why/01-intro/sizes', { correct: 1, total: 1 }, at);
    record = recordScore(record, 'self-check/cost', { correct: 1, total: 3 }, at);
    record = markExercise(record, 'go-hello-world/build', true, at, '01-why/02-build');
    const reset = resetChapter(record, '01-why');
    expect(Object.keys(reset.lessons)).toEqual(['02-distroless/01-what']);
    expect(Object.keys(reset.answers)).toEqual(['sizes/b', 'sizes/c']);
    expect(Object.keys(reset.scores)).toEqual(['self-check/cost']);
    expect(reset.exercises).toEqual({});
    expect(readRecord(record, { now: at, seed: 's' }).ok).toBe(true);
  });

  it('counts course progress over the lessons that exist', () => {
    let record = markLesson(emptyRecord('s'), 'a/1', 'completed', at);
    record = markLesson(record, 'a/2', 'read', at);
    record = markLesson(record, 'gone/1', 'completed', at);
    expect(courseProgress(record, ['a/1', 'a/2', 'a/3'])).toEqual({ completed: 1, read: 1, total: 3 });
  });

  it('finds the chapter of a lesson id', () => {
    expect(chapterOf('01-why-it-matters/01-introduction')).toBe('01-why-it-matters');
  });
});
