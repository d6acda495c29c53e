/**
 * Build-time loading of workshops: the collection entry with its agenda resolved against the course's
 * lessons. A lesson id that does not exist fails the build here, naming the workshop file and the id.
 * Only Astro frontmatter imports this.
 */
import { getCollection, getEntry, render } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { loadCourse } from '../../../lib/navigation/from-collections.ts';
import { clockTimes, resolveAgenda } from '../../../lib/workshop/agenda.ts';
import { parseClock } from '../../../lib/workshop/clock.ts';
import type { LessonFacts, ResolvedAgenda } from '../../../lib/workshop/agenda.ts';
import { answerKeyQuizzes } from '../../../lib/workshop/quizzes.ts';

export interface LoadedWorkshop {
  id: string;
  workshop: CollectionEntry<'workshops'>['data'];
  agenda: ResolvedAgenda;
  /** The lesson entries of the agenda, in agenda order, for rendering. */
  lessons: CollectionEntry<'lessons'>[];
  /** Quiz ids for the answer key: the lessons' own quizzes, then the workshop's extras. */
  quizzes: string[];
}

async function lessonFacts(): Promise<Map<string, LessonFacts>> {
  const course = await loadCourse();
  return new Map(course.lessons.map((lesson) => [lesson.id, { title: lesson.title, minutes: lesson.minutes, href: lesson.href }]));
}

export async function loadWorkshop(id: string): Promise<LoadedWorkshop> {
  const entry = await getEntry('workshops', id);
  if (!entry) throw new Error(`No workshop content/workshops/${id}.yaml`);
  const agenda = resolveAgenda(id, entry.data, await lessonFacts());
  const entries = new Map((await getCollection('lessons')).map((lesson) => [lesson.id, lesson]));
  const lessons = agenda.items.flatMap((item) => (item.type === 'lesson' ? [entries.get(item.lesson) as CollectionEntry<'lessons'>] : []));
  const quizzes = answerKeyQuizzes(lessons.map((lesson) => lesson.body ?? ''), entry.data.quizzes);
  return { id, workshop: entry.data, agenda, lessons, quizzes };
}

/** Every workshop, sorted by id, each resolved (so one bad reference fails every page, not just its own). */
export async function loadWorkshops(): Promise<LoadedWorkshop[]> {
  const ids = (await getCollection('workshops')).map((entry) => entry.id).sort();
  return Promise.all(ids.map(loadWorkshop));
}

/** A workshop ready for the slide views: its lessons rendered, and each agenda item placed on the clock. */
export async function loadWorkshopSlides(id: string) {
  const loaded = await loadWorkshop(id);
  const start = parseClock(loaded.workshop.startTime);
  const contents = new Map(
    await Promise.all(loaded.lessons.map(async (entry) => [entry.id, { entry, ...(await render(entry)) }] as const)),
  );
  const plan = loaded.agenda.items.map((item) => ({ offset: item.offset, length: item.length, ...clockTimes(item, start) }));
  return { ...loaded, start, contents, plan };
}
