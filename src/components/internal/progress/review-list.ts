/** <review-list>: shows the answered questions of the server-rendered review (ReviewList.astro). */
import { answerFor } from '../../../lib/progress/operations.ts';
import { progressStore } from './client.ts';

class ReviewList extends HTMLElement {
  connectedCallback(): void {
    progressStore().subscribe(({ record }) => {
      let shown = 0;
      for (const section of this.querySelectorAll<HTMLElement>('[data-review-quiz]')) {
        let shownInQuiz = 0;
        for (const item of section.querySelectorAll<HTMLElement>('[data-review-key]')) {
          const answer = answerFor(record, item.dataset['reviewKey'] ?? '', item.dataset['hash'] ?? '');
          item.hidden = !answer;
          if (!answer) continue;
          shownInQuiz += 1;
          item.dataset['result'] = answer.correct ? 'correct' : 'wrong';
          const verdict = item.querySelector('[data-review-verdict]');
          if (verdict) verdict.textContent = answer.correct ? 'You answered correctly.' : 'Your answer was wrong.';
          const attempts = item.querySelector('[data-review-attempts]');
          if (attempts) {
            const when = new Date(answer.at).toLocaleString();
            attempts.textContent = `${answer.attempts} ${answer.attempts === 1 ? 'attempt' : 'attempts'}, last on ${when}.`;
          }
          this.#showResponse(item, answer.response);
        }
        section.hidden = shownInQuiz === 0;
        shown += shownInQuiz;
      }
      const empty = this.querySelector<HTMLElement>('[data-review-empty]');
      if (empty) empty.hidden = shown > 0;
    });
  }

  #showResponse(item: HTMLElement, response: number | number[]): void {
    const chosen = Array.isArray(response) ? response : [response];
    for (const choice of item.querySelectorAll<HTMLElement>('[data-choice]')) {
      const isChosen = chosen.includes(Number(choice.dataset['choice']));
      const isCorrect = choice.dataset['correct'] === 'true';
      if (isChosen) choice.dataset['chosen'] = '';
      else delete choice.dataset['chosen'];
      const label = choice.querySelector('[data-choice-label]');
      if (label) {
        label.textContent = isChosen ? (isCorrect ? 'Your choice, right: ' : 'Your choice, wrong: ') : isCorrect ? 'Right answer: ' : 'Not chosen: ';
      }
    }
    const number = item.querySelector('[data-your-number]');
    if (number) number.textContent = String(response);
    const order = item.querySelector('[data-your-order]');
    if (order) {
      order.replaceChildren(
        ...chosen.map((step) => {
          const entry = document.createElement('li');
          entry.textContent = item.querySelector(`[data-step-text="${step}"] [data-step-label]`)?.textContent ?? '?';
          return entry;
        }),
      );
    }
  }
}

customElements.define('review-list', ReviewList);
