/**
 * The part of a quiz every page loads, kept tiny (issue #2: a text lesson ships at most 5,000 B of gzipped
 * JavaScript, and the introduction's quiz must fit in that). It fetches the grader (quiz-form.ts, which
 * defines <quiz-form> and shows its buttons) when a quiz comes within a screen of the viewport, so the grader
 * is in place before the learner sees the quiz, saved answers included. A form submitted before it arrives
 * (Enter in an answer field) is held as `data-check-pending` and checked on arrival, not sent as a page load.
 *
 * Why a script URL and not `import('./quiz-form.ts')`: as for the search dialog (search-trigger.ts), Vite's
 * preload helper would ship with every page, costing more than it defers; `?worker&url` bundles the grader
 * on its own, with its own copy of the progress client, which finds the page's one store (client.ts). With no
 * imports this file is small enough for Astro to inline into the page.
 */
import graderScript from './quiz-form.ts?worker&url';

let loadGrader = (): void => {
  loadGrader = () => undefined;
  document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: graderScript }));
};

const nearViewport = new IntersectionObserver((entries) => {
  if (entries.some((entry) => entry.isIntersecting)) loadGrader();
}, { rootMargin: '100%' });

for (const quiz of document.querySelectorAll<HTMLElement>('quiz-form')) {
  nearViewport.observe(quiz);
  quiz.addEventListener('submit', (event) => {
    // Once the grader has defined <quiz-form>, the form's own listener checks the answers.
    if (customElements.get('quiz-form')) return;
    event.preventDefault();
    quiz.dataset['checkPending'] = '';
    loadGrader();
  });
}
