import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, exportFileName, exportProgress, importProgress, mergeRecords } from './exchange.ts';
import { markExercise, markLesson, recordAnswer } from './operations.ts';
import { emptyRecord } from './record.ts';

const now = new Date('2026-11-27T12:00:00Z');
const early = '2026-11-27T09:00:00.000Z';
const late = '2026-11-27T11:00:00.000Z';

function sample() {
  let record = emptyRecord('abc123');
  record = markLesson(record, '01-why/01-intro', 'completed', early);
  record = recordAnswer(record, 'sizes/ratio', { hash: 'h', response: 198, correct: true, at: early, lessonId: '01-why/01-intro' });
  return markExercise(record, 'go-hello-world/build', true, early);
}

describe('export and import', () => {
  it('round-trips a record into a fresh browser', () => {
    const exported = exportProgress(sample(), now);
    const result = importProgress(exported, emptyRecord('fresh'), now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record).toEqual({ ...sample(), seed: 'fresh' });
    expect(result.added).toEqual({ lessons: 1, answers: 1, exercises: 1 });
    expect(exportFileName(now)).toBe('lean-containers-progress-2026-11-27.json');
  });

  it.each([
    ['not JSON', 'hello', 'it is not a JSON file'],
    ['another JSON file', '{"name": "package"}', 'not a progress export of this course'],
    ['an export with a broken record', JSON.stringify({ format: EXPORT_FORMAT, record: { version: 2, seed: 's', answers: { 'q/1': { hash: 1 } } } }), 'invalid entry "q/1"'],
    ['an export from a newer course', JSON.stringify({ format: EXPORT_FORMAT, record: { version: 9 } }), 'newer version'],
    ['an export with a hostile key', JSON.stringify({ format: EXPORT_FORMAT, record: { version: 2, seed: 's', lessons: { '<img src=x>': { status: 'read', at: early } } } }), 'invalid entry'],
    ['a huge file', ' '.repeat(1_000_001), 'too large'],
  ])('refuses %s with a clear message', (_, text, reason) => {
    const result = importProgress(text, sample(), now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(reason);
    expect(result.message).toContain('Your progress is unchanged');
  });

  it('imports a version 1 record by migrating it', () => {
    const text = JSON.stringify({ format: EXPORT_FORMAT, record: { version: 1, lessons: { 'a/b': 'read' }, quizzes: {} } });
    const result = importProgress(text, emptyRecord('s'), now);
    expect(result.ok && result.record.lessons['a/b']).toEqual({ status: 'read', at: now.toISOString() });
  });

  it('merges by keeping the later entry, and a completed lesson stays completed', () => {
    let mine = markLesson(emptyRecord('mine'), 'c/1', 'completed', early);
    mine = recordAnswer(mine, 'q/1', { hash: 'h', response: 0, correct: false, at: late });
    mine = recordAnswer(mine, 'q/2', { hash: 'h', response: 0, correct: false, at: early });
    let theirs = markLesson(emptyRecord('theirs'), 'c/1', 'read', late);
    theirs = markLesson(theirs, 'c/2', 'read', late);
    theirs = recordAnswer(theirs, 'q/1', { hash: 'h', response: 1, correct: true, at: early });
    theirs = recordAnswer(theirs, 'q/2', { hash: 'h', response: 1, correct: true, at: late });
    const merged = mergeRecords(mine, theirs);
    expect(merged.seed).toBe('mine');
    expect(merged.lessons['c/1']?.status).toBe('completed');
    expect(merged.lessons['c/2']?.status).toBe('read');
    expect(merged.answers['q/1']?.correct).toBe(false);
    expect(merged.answers['q/2']?.correct).toBe(true);
  });
});
