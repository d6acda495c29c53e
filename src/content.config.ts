import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';
import { lessonSchema } from './schemas/lesson.ts';
import { quizCollectionSchema } from './schemas/quiz.ts';
import { sourceSchema } from './schemas/source.ts';
import { workshopSchema } from './schemas/workshop.ts';

// Content lives in the top-level content/ folder, apart from code (see DESIGN.md).

/** Chapters: one `chapter.yaml` per numbered folder; the id is the folder name, e.g. `01-why-it-matters`. */
const chapters = defineCollection({
  loader: glob({
    pattern: '*/chapter.yaml',
    base: './content/lessons',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: chapterSchema,
});

/** Lessons: the id keeps the numbers, e.g. `01-why-it-matters/01-introduction`. */
const lessons = defineCollection({
  loader: glob({
    pattern: '*/*.mdx',
    base: './content/lessons',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: lessonSchema,
});

/** Sources that lessons cite, keyed by id. */
const sources = defineCollection({
  loader: file('./content/sources.yaml'),
  schema: sourceSchema,
});

/** Quizzes: `content/quizzes/<id>.yaml`; the id is the file name. Errors name the question id. */
const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/quizzes' }),
  schema: quizCollectionSchema,
});

/** Workshops: `content/workshops/<id>.yaml`; lesson ids in agendas are checked when the pages build. */
const workshops = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/workshops' }),
  schema: workshopSchema,
});

export const collections = { chapters, lessons, sources, quizzes, workshops };
