/**
 * Which quizzes a workshop's answer key lists: those its lessons embed (`<Quiz id="…" />` in the MDX), in
 * agenda order, then the extra ones the workshop file names. DOM-free.
 */

const quizTag = /<Quiz\b[^>]*?\sid=["']([a-z0-9][a-z0-9-]*)["']/g;

/** Quiz ids a lesson's MDX source embeds, in order of appearance. */
export function quizIdsInLesson(source: string): string[] {
  return [...source.matchAll(quizTag)].map((match) => match[1] ?? '');
}

/** Lesson quizzes first, then extras; each id once. */
export function answerKeyQuizzes(lessonSources: readonly string[], extra: readonly string[]): string[] {
  return [...new Set([...lessonSources.flatMap(quizIdsInLesson), ...extra])];
}
