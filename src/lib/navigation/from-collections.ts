import { getCollection } from 'astro:content';
import { buildCourse, type Course } from './course.ts';

let cached: Promise<Course> | undefined;

/** The course built from the content collections, once per build. */
export function loadCourse(): Promise<Course> {
  cached ??= (async () => buildCourse(await getCollection('chapters'), await getCollection('lessons')))();
  return cached;
}
