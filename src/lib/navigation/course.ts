/**
 * Builds the course's navigation (chapters → lessons, in order, with URLs and neighbours) from content
 * entries, and checks the structure that a schema cannot see on one file alone: numbering agrees with
 * `order`, prerequisites exist and come earlier, slugs are unique. DOM-free and Astro-free, so it is tested
 * on plain objects.
 */

export interface ChapterEntry {
  /** Folder name, e.g. `01-why-it-matters`. */
  id: string;
  data: { title: string; summary: string; order: number };
}

export interface LessonEntry {
  /** `chapter-folder/lesson-file`, e.g. `01-why-it-matters/01-introduction`. */
  id: string;
  data: { title: string; summary: string; minutes: number; order: number; prerequisites: string[] };
}

export interface NavLesson {
  id: string;
  chapterId: string;
  slug: string;
  title: string;
  summary: string;
  href: string;
  minutes: number;
  /** Human numbering, e.g. `1.2` for the second lesson of chapter one. */
  number: string;
}

export interface NavChapter {
  id: string;
  slug: string;
  title: string;
  summary: string;
  href: string;
  order: number;
  minutes: number;
  lessons: NavLesson[];
}

export interface Course {
  chapters: NavChapter[];
  /** Every lesson in reading order. */
  lessons: NavLesson[];
}

/** A course-structure problem, naming the file to fix. */
export class CourseStructureError extends Error {
  override name = 'CourseStructureError';
}

const numbered = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

function splitNumbered(name: string, file: string): { number: number; slug: string } {
  const match = numbered.exec(name);
  if (!match?.[1] || !match[2]) {
    throw new CourseStructureError(
      `${file}: name "${name}" must be two digits, a dash and a lowercase slug, e.g. "01-introduction".`,
    );
  }
  return { number: Number(match[1]), slug: match[2] };
}

export function buildCourse(chapterEntries: ChapterEntry[], lessonEntries: LessonEntry[]): Course {
  const chapters = new Map<string, NavChapter>();
  const sortedChapters = [...chapterEntries].sort((a, b) => a.data.order - b.data.order);
  for (const entry of sortedChapters) {
    const file = `content/lessons/${entry.id}/chapter.yaml`;
    const { number, slug } = splitNumbered(entry.id, file);
    if (number !== entry.data.order) {
      throw new CourseStructureError(`${file}: order is ${entry.data.order} but the folder is numbered ${number}.`);
    }
    if ([...chapters.values()].some((chapter) => chapter.slug === slug)) {
      throw new CourseStructureError(`${file}: another chapter already uses the slug "${slug}".`);
    }
    chapters.set(entry.id, {
      id: entry.id,
      slug,
      title: entry.data.title,
      summary: entry.data.summary,
      href: `/course/${slug}/`,
      order: entry.data.order,
      minutes: 0,
      lessons: [],
    });
  }

  const sortedLessons = [...lessonEntries].sort((a, b) => a.id.localeCompare(b.id));
  for (const entry of sortedLessons) {
    const file = `content/lessons/${entry.id}.mdx`;
    const [chapterId = '', lessonName = ''] = entry.id.split('/');
    const chapter = chapters.get(chapterId);
    if (!chapter) {
      throw new CourseStructureError(`${file}: its folder has no chapter.yaml.`);
    }
    const { number, slug } = splitNumbered(lessonName, file);
    if (number !== entry.data.order) {
      throw new CourseStructureError(`${file}: order is ${entry.data.order} but the file is numbered ${number}.`);
    }
    if (chapter.lessons.some((lesson) => lesson.slug === slug)) {
      throw new CourseStructureError(`${file}: another lesson in this chapter already uses the slug "${slug}".`);
    }
    chapter.lessons.push({
      id: entry.id,
      chapterId,
      slug,
      title: entry.data.title,
      summary: entry.data.summary,
      href: `${chapter.href}${slug}/`,
      minutes: entry.data.minutes,
      number: `${chapter.order}.${number}`,
    });
    chapter.minutes += entry.data.minutes;
  }

  const list = [...chapters.values()];
  for (const chapter of list) {
    if (chapter.lessons.length === 0) {
      throw new CourseStructureError(`content/lessons/${chapter.id}/: a chapter needs at least one lesson.`);
    }
  }
  const lessons = list.flatMap((chapter) => chapter.lessons);
  checkPrerequisites(lessons, lessonEntries);
  return { chapters: list, lessons };
}

function checkPrerequisites(lessons: NavLesson[], entries: LessonEntry[]): void {
  const position = new Map(lessons.map((lesson, index) => [lesson.id, index]));
  for (const entry of entries) {
    const own = position.get(entry.id) ?? 0;
    for (const prerequisite of entry.data.prerequisites) {
      const at = position.get(prerequisite);
      if (at === undefined) {
        throw new CourseStructureError(
          `content/lessons/${entry.id}.mdx: prerequisite "${prerequisite}" is not a lesson id.`,
        );
      }
      if (at >= own) {
        throw new CourseStructureError(
          `content/lessons/${entry.id}.mdx: prerequisite "${prerequisite}" must come earlier in the course.`,
        );
      }
    }
  }
}

export interface Neighbours {
  previous: NavLesson | undefined;
  next: NavLesson | undefined;
}

/** The lessons before and after one lesson in reading order (across chapters). */
export function neighbours(course: Course, lessonId: string): Neighbours {
  const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
  if (index < 0) throw new CourseStructureError(`No lesson with id "${lessonId}".`);
  return { previous: course.lessons[index - 1], next: course.lessons[index + 1] };
}

/** Finds a lesson by id or throws naming it. */
export function lessonById(course: Course, lessonId: string): NavLesson {
  const lesson = course.lessons.find((candidate) => candidate.id === lessonId);
  if (!lesson) throw new CourseStructureError(`No lesson with id "${lessonId}".`);
  return lesson;
}
