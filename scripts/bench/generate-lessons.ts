// Generated lessons for the build-time benchmark: copies of a real lesson's body (same components, code
// blocks and citations) under new chapters, so the build does the work a real course of that size needs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const lessonsPerChapter = 10;
/** Generated chapters are numbered from here, after the course's own. */
export const firstChapterNumber = 20;

export interface GeneratedFile {
  path: string;
  content: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** The MDX body of a lesson file: everything after its frontmatter. */
export function bodyOf(lessonSource: string): string {
  const match = /^---\n[\s\S]*?\n---\n/.exec(lessonSource);
  if (!match) throw new Error('the template lesson has no frontmatter');
  return lessonSource.slice(match[0].length);
}

/** The files for `count` lessons, ten to a chapter, each with valid chapter and lesson frontmatter. */
export function generatedLessonFiles(count: number, body: string): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const chapters = Math.ceil(count / lessonsPerChapter);
  if (firstChapterNumber + chapters - 1 > 99) throw new Error(`${count} lessons need more than two-digit chapter numbers`);
  for (let chapter = 0; chapter < chapters; chapter++) {
    const chapterNumber = firstChapterNumber + chapter;
    const folder = `content/lessons/${pad(chapterNumber)}-bench-chapter-${chapter + 1}`;
    files.push({
      path: `${folder}/chapter.yaml`,
      content: `title: Benchmark chapter ${chapter + 1}\nsummary: A generated chapter that repeats a real lesson, to measure build time.\norder: ${chapterNumber}\n`,
    });
    const inChapter = Math.min(lessonsPerChapter, count - chapter * lessonsPerChapter);
    for (let lesson = 1; lesson <= inChapter; lesson++) {
      const frontmatter = [
        '---',
        `title: Benchmark lesson ${chapter + 1}.${lesson}`,
        'summary: A generated copy of a real lesson, used only to measure how build time grows with the course.',
        'objectives:',
        '  - Measure the build',
        'minutes: 5',
        'topics: [performance]',
        `order: ${lesson}`,
        '---',
        '',
      ].join('\n');
      files.push({ path: `${folder}/${pad(lesson)}-bench-lesson-${lesson}.mdx`, content: frontmatter + body });
    }
  }
  return files;
}

export function writeGeneratedLessons(root: string, count: number, body: string): number {
  const files = generatedLessonFiles(count, body);
  for (const file of files) {
    mkdirSync(join(root, file.path, '..'), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
  }
  return files.filter((file) => file.path.endsWith('.mdx')).length;
}
