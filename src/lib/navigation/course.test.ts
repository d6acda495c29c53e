import { describe, expect, it } from 'vitest';
import { buildCourse, CourseStructureError, neighbours, type ChapterEntry, type LessonEntry } from './course.ts';

const chapter = (id: string, order: number): ChapterEntry => ({
  id,
  data: { title: `Chapter ${id}`, summary: 'A chapter summary long enough.', order },
});
const lesson = (id: string, order: number, prerequisites: string[] = []): LessonEntry => ({
  id,
  data: { title: `Lesson ${id}`, summary: 'A lesson summary long enough.', minutes: 10, order, prerequisites },
});

describe('buildCourse', () => {
  it('orders chapters and lessons by their numbers and builds URLs without them', () => {
    const course = buildCourse(
      [chapter('02-anatomy', 2), chapter('01-why', 1)],
      [lesson('02-anatomy/01-layers', 1), lesson('01-why/02-cost', 2), lesson('01-why/01-intro', 1)],
    );
    expect(course.chapters.map((c) => c.id)).toEqual(['01-why', '02-anatomy']);
    expect(course.lessons.map((l) => l.href)).toEqual([
      '/course/why/intro/',
      '/course/why/cost/',
      '/course/anatomy/layers/',
    ]);
    expect(course.lessons.map((l) => l.number)).toEqual(['1.1', '1.2', '2.1']);
    expect(course.chapters[0]?.minutes).toBe(20);
  });

  it('gives neighbours across chapter boundaries', () => {
    const course = buildCourse(
      [chapter('01-why', 1), chapter('02-anatomy', 2)],
      [lesson('01-why/01-intro', 1), lesson('02-anatomy/01-layers', 1)],
    );
    const { previous, next } = neighbours(course, '02-anatomy/01-layers');
    expect(previous?.id).toBe('01-why/01-intro');
    expect(next).toBeUndefined();
  });

  it('names the file when order disagrees with the file number', () => {
    expect(() => buildCourse([chapter('01-why', 1)], [lesson('01-why/01-intro', 3)])).toThrow(
      /content\/lessons\/01-why\/01-intro\.mdx: order is 3 but the file is numbered 1/,
    );
  });

  it('names the chapter file when its order disagrees with the folder', () => {
    expect(() => buildCourse([chapter('01-why', 2)], [lesson('01-why/01-intro', 1)])).toThrow(
      /01-why\/chapter\.yaml: order is 2/,
    );
  });

  it('refuses unnumbered names', () => {
    expect(() => buildCourse([chapter('why', 1)], [])).toThrow(CourseStructureError);
  });

  it('refuses a lesson in a folder without chapter.yaml', () => {
    expect(() => buildCourse([chapter('01-why', 1)], [lesson('01-why/01-intro', 1), lesson('02-x/01-y', 1)])).toThrow(
      /02-x\/01-y\.mdx: its folder has no chapter\.yaml/,
    );
  });

  it('refuses an empty chapter', () => {
    expect(() => buildCourse([chapter('01-why', 1), chapter('02-empty', 2)], [lesson('01-why/01-intro', 1)])).toThrow(
      /02-empty\/: a chapter needs at least one lesson/,
    );
  });

  it('refuses unknown and later prerequisites', () => {
    expect(() => buildCourse([chapter('01-why', 1)], [lesson('01-why/01-intro', 1, ['01-why/09-nope'])])).toThrow(
      /prerequisite "01-why\/09-nope" is not a lesson id/,
    );
    expect(() =>
      buildCourse(
        [chapter('01-why', 1)],
        [lesson('01-why/01-intro', 1, ['01-why/02-cost']), lesson('01-why/02-cost', 2)],
      ),
    ).toThrow(/must come earlier/);
  });
});
