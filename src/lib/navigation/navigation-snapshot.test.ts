import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { chapterSchema } from '../../schemas/chapter.ts';
import { lessonSchema } from '../../schemas/lesson.ts';
import { buildCourse, type ChapterEntry, type Course, type LessonEntry } from './course.ts';

/** Reads the real content folder the way the content collections do, without Astro. */
function readCourseFromDisk(root: string): Course {
  const chapters: ChapterEntry[] = [];
  const lessons: LessonEntry[] = [];
  for (const folder of readdirSync(root).sort()) {
    chapters.push({ id: folder, data: chapterSchema.parse(parse(readFileSync(join(root, folder, 'chapter.yaml'), 'utf8'))) });
    for (const file of readdirSync(join(root, folder)).filter((name) => name.endsWith('.mdx'))) {
      const source = readFileSync(join(root, folder, file), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
      lessons.push({ id: `${folder}/${file.replace(/\.mdx$/, '')}`, data: lessonSchema.parse(parse(frontmatter)) });
    }
  }
  return buildCourse(chapters, lessons);
}

function renderTree(course: Course): string {
  return course.chapters
    .map((chapter) =>
      [
        `${chapter.order}. ${chapter.title}  ${chapter.href}  (${chapter.minutes} min)`,
        ...chapter.lessons.map((lesson) => `   ${lesson.number} ${lesson.title}  ${lesson.href}  (${lesson.minutes} min)`),
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}

it('keeps the course navigation tree as reviewed', async () => {
  const course = readCourseFromDisk(join(import.meta.dirname, '../../../content/lessons'));
  await expect(renderTree(course)).toMatchFileSnapshot('./__snapshots__/navigation-tree.txt');
});
