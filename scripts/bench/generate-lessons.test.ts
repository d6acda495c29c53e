import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chapterSchema } from '../../src/schemas/chapter.ts';
import { lessonSchema } from '../../src/schemas/lesson.ts';
import { bodyOf, generatedLessonFiles } from './generate-lessons.ts';

const frontmatter = (source: string): unknown => parse(/^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '');

describe('generatedLessonFiles', () => {
  const files = generatedLessonFiles(23, 'Body text.\n');
  const lessons = files.filter((file) => file.path.endsWith('.mdx'));
  const chapters = files.filter((file) => file.path.endsWith('chapter.yaml'));

  it('makes the asked number of lessons, ten to a chapter', () => {
    expect(lessons).toHaveLength(23);
    expect(chapters).toHaveLength(3);
    expect(lessons.at(-1)?.path).toBe('content/lessons/22-bench-chapter-3/03-bench-lesson-3.mdx');
  });

  it('writes frontmatter the course schemas accept, with order equal to the file number', () => {
    for (const chapter of chapters) {
      const parsed = chapterSchema.parse(parse(chapter.content));
      expect(chapter.path).toContain(`/${parsed.order}-`);
    }
    for (const lesson of lessons) {
      const parsed = lessonSchema.parse(frontmatter(lesson.content));
      expect(lesson.path).toMatch(new RegExp(`/0?${parsed.order}-bench-lesson-`));
      expect(lesson.content.endsWith('Body text.\n')).toBe(true);
    }
  });

  it('refuses more chapters than two digits allow', () => {
    expect(() => generatedLessonFiles(1000, '')).toThrow(/two-digit/);
  });
});

describe('bodyOf', () => {
  it('drops the frontmatter and keeps the MDX', () => {
    expect(bodyOf('---\ntitle: x\n---\n\nimport a from "b";\n# Hi\n')).toBe('\nimport a from "b";\n# Hi\n');
    expect(() => bodyOf('# no frontmatter')).toThrow();
  });
});
