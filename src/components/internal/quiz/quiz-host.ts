/**
 * The hand-over between the quiz loader (quiz-loader.ts, on every page with a quiz) and the grader
 * (quiz-form.ts, fetched on demand and bundled on its own). The grader must not import the progress client:
 * its bundle would hold a second store whose stale record overwrites the page's on its next save (a lesson
 * marked completed meanwhile, say). So the grader asks the page for its one store with a synchronous event,
 * and the loader, which shares the store with the frame's progress elements, answers.
 */
import type { ProgressStore } from '../../../lib/progress/store.ts';

/** Dispatched by a <quiz-form> on connecting, bubbling; its `detail` is a QuizHostRequest to fill in. */
export const QUIZ_HOST_EVENT = 'quiz-host';

export interface QuizHost {
  store: ProgressStore;
  /** The lesson this page is, or undefined on pages that are not lessons (self-check pages). */
  lessonId: string | undefined;
}

export interface QuizHostRequest {
  host?: QuizHost;
}
