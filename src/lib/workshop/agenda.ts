/**
 * A workshop's agenda resolved against the lessons: each item with its length, its offset from the start,
 * and totals by kind. The build calls `resolveAgenda` for every workshop page, so a reference to a lesson
 * that does not exist fails the build naming the workshop file and the lesson id. DOM-free.
 */
import type { AgendaItem, Workshop } from '../../schemas/workshop.ts';
import { formatClock } from './clock.ts';

/** What the agenda needs to know about a lesson. */
export interface LessonFacts {
  title: string;
  minutes: number;
  href: string;
}

export type ScheduledItem = AgendaItem & {
  /** Minutes from the workshop's start to this item's start. */
  offset: number;
  /** Length in minutes: a lesson's own minutes plus discussion, or the item's minutes. */
  length: number;
  title: string;
  /** Set for lessons. */
  lessonFacts?: LessonFacts;
};

export interface Totals {
  lessons: number;
  exercises: number;
  breaks: number;
  all: number;
}

export interface ResolvedAgenda {
  items: ScheduledItem[];
  totals: Totals;
}

export class WorkshopReferenceError extends Error {
  override name = 'WorkshopReferenceError';
}

export function resolveAgenda(workshopId: string, workshop: Pick<Workshop, 'agenda'>, lessons: ReadonlyMap<string, LessonFacts>): ResolvedAgenda {
  const file = `content/workshops/${workshopId}.yaml`;
  const missing = workshop.agenda.flatMap((item, index) =>
    item.type === 'lesson' && !lessons.has(item.lesson) ? [`agenda[${index}].lesson: no lesson "${item.lesson}"`] : [],
  );
  if (missing.length > 0) {
    throw new WorkshopReferenceError(`${file}: ${missing.join('; ')} (lessons: ${[...lessons.keys()].join(', ') || 'none'})`);
  }
  const totals: Totals = { lessons: 0, exercises: 0, breaks: 0, all: 0 };
  const items = workshop.agenda.map((item): ScheduledItem => {
    const offset = totals.all;
    let scheduled: ScheduledItem;
    if (item.type === 'lesson') {
      const facts = lessons.get(item.lesson) as LessonFacts;
      scheduled = { ...item, offset, length: facts.minutes + item.discussionMinutes, title: facts.title, lessonFacts: facts };
      totals.lessons += scheduled.length;
    } else {
      scheduled = { ...item, offset, length: item.minutes };
      if (item.type === 'break') totals.breaks += item.minutes;
      else totals.exercises += item.minutes;
    }
    totals.all += scheduled.length;
    return scheduled;
  });
  return { items, totals };
}

/** Clock times of an item, e.g. { start: "09:12", end: "09:30" }, from the start time in minutes. */
export function clockTimes(item: Pick<ScheduledItem, 'offset' | 'length'>, startMinutes: number): { start: string; end: string } {
  return { start: formatClock(startMinutes + item.offset), end: formatClock(startMinutes + item.offset + item.length) };
}
