/**
 * <quiz-form>: upgrades a server-rendered quiz (QuizForm.astro) into a checked one: shuffles options with
 * the learner's seed, checks answers, shows per-option rationale, announces the score in a status region,
 * retries only wrong questions, reveals answers on request, and keeps everything in the progress store.
 * Grading and storage rules live in the DOM-free libraries; this file only reads and writes the page.
 *
 * Fetched on demand by quiz-loader.ts and bundled on its own (its copy of the progress client finds the
 * page's one store), and runs a check the learner submitted before it arrived (`data-check-pending`).
 */
import type { ProgressStore } from '../../../lib/progress/store.ts';
import { answerFor, recordAnswer, recordScore } from '../../../lib/progress/operations.ts';
import { grade, isResponseFor, parseNumber, score, type AnswerKey, type Grade, type Response } from '../../../lib/quiz/scoring.ts';
import { derangedOrder, shuffledOrder } from '../../../lib/quiz/shuffle.ts';
import { currentLessonId, progressStore } from '../progress/client.ts';

interface QuestionData {
  key: string;
  hash: string;
  answerKey: AnswerKey;
}

interface QuestionState extends QuestionData {
  fieldset: HTMLFieldSetElement;
  grade: Grade | undefined;
  /** Checked at least once without an answer. */
  unanswered: boolean;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

class QuizForm extends HTMLElement {
  #questions: QuestionState[] = [];
  #store!: ProgressStore;
  #formId = '';
  #lessonId: string | undefined;
  #status!: HTMLElement;
  #retryButton!: HTMLButtonElement;
  #revealButton!: HTMLButtonElement;

  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form || this.#questions.length > 0) return;
    this.#store = progressStore();
    this.#lessonId = currentLessonId();
    const quizId = this.dataset['quizId'];
    // A lesson's quiz is scored per lesson (so a chapter reset clears it); a self-check page by its own id.
    // "/" joins them because the record's reader accepts ids of word characters, ".", "/" and "-" only (a "#"
    // made the whole record unreadable on the next visit).
    this.#formId = quizId && this.#lessonId ? `${this.#lessonId}/${quizId}` : (this.dataset['formId'] ?? 'quiz');
    this.#status = this.querySelector('[data-status]') as HTMLElement;
    this.#retryButton = this.querySelector('[data-action="retry"]') as HTMLButtonElement;
    this.#revealButton = this.querySelector('[data-action="reveal"]') as HTMLButtonElement;
    // Each question's fieldset carries what grading needs (QuestionView.astro).
    this.#questions = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-answer-key]')].map((fieldset) => ({
      key: fieldset.dataset['questionKey'] ?? '',
      hash: fieldset.dataset['hash'] ?? '',
      answerKey: JSON.parse(fieldset.dataset['answerKey'] ?? '') as AnswerKey,
      fieldset,
      grade: undefined,
      unanswered: false,
    }));

    for (const question of this.#questions) {
      this.#arrange(question, this.#store.record.seed);
      question.fieldset.querySelector<HTMLDetailsElement>('[data-reveal]')?.setAttribute('hidden', '');
    }
    for (const element of this.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;
    this.#restore();

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#check();
    });
    this.#retryButton.addEventListener('click', () => this.#retryWrong());
    this.#revealButton.addEventListener('click', () => this.#revealAll());
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-move]');
      if (button) this.#move(button);
    });
    if ('checkPending' in this.dataset) {
      delete this.dataset['checkPending'];
      this.#check();
    }
  }

  /** Shuffles options (unless order matters) and scrambles orderings with the learner's own seed. */
  #arrange(question: QuestionState, seed: string): void {
    const list = question.fieldset.querySelector<HTMLElement>('[data-options], [data-ordering]');
    if (!list) return;
    const items = [...list.children] as HTMLElement[];
    const id = (item: HTMLElement) => Number(item.dataset['option'] ?? item.dataset['step']);
    let order: number[] | undefined;
    if (question.fieldset.dataset['shuffle'] === 'true') order = shuffledOrder(items.length, `${seed}/${question.key}`);
    if (question.answerKey.type === 'ordering') order = derangedOrder(items.length, `${seed}/${question.key}`);
    if (!order) return;
    for (const index of order) {
      const item = items.find((candidate) => id(candidate) === index);
      if (item) list.append(item);
    }
  }

  #readResponse(question: QuestionState): Response | undefined {
    const { fieldset, answerKey } = question;
    switch (answerKey.type) {
      case 'single':
      case 'pick-line': {
        const checked = fieldset.querySelector<HTMLInputElement>('input:checked');
        return checked ? Number(checked.value) : undefined;
      }
      case 'multiple': {
        const checked = [...fieldset.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => Number(input.value));
        return checked.length > 0 ? checked : undefined;
      }
      case 'numeric':
        return parseNumber(fieldset.querySelector<HTMLInputElement>('input')?.value ?? '');
      case 'ordering':
        // The scrambled start is not an answer: the learner must have moved at least one step.
        if (!('touched' in fieldset.dataset)) return undefined;
        return [...fieldset.querySelectorAll<HTMLElement>('[data-step]')].map((item) => Number(item.dataset['step']));
    }
  }

  #writeResponse(question: QuestionState, response: Response): void {
    const { fieldset, answerKey } = question;
    if (answerKey.type === 'numeric') {
      const input = fieldset.querySelector<HTMLInputElement>('input');
      if (input) input.value = String(response);
    } else if (answerKey.type === 'ordering') {
      fieldset.dataset['touched'] = '';
      const list = fieldset.querySelector('[data-ordering]');
      for (const step of response as number[]) {
        const item = fieldset.querySelector(`[data-step="${step}"]`);
        if (list && item) list.append(item);
      }
    } else {
      const chosen = Array.isArray(response) ? response : [response];
      for (const input of fieldset.querySelectorAll<HTMLInputElement>('input')) input.checked = chosen.includes(Number(input.value));
    }
  }

  /** Shows what the progress record holds for these questions, as if just checked. */
  #restore(): void {
    const { record } = this.#store;
    for (const question of this.#questions) {
      const saved = answerFor(record, question.key, question.hash);
      if (!saved || !isResponseFor(question.answerKey, saved.response)) continue;
      this.#writeResponse(question, saved.response);
      question.grade = grade(question.answerKey, saved.response);
      this.#showFeedback(question);
    }
    if (this.#questions.some((question) => question.grade)) this.#summarise(false);
  }

  #check(): void {
    const open = this.#questions.filter((question) => !question.fieldset.disabled);
    if (!open.some((question) => this.#readResponse(question) !== undefined)) {
      // Nothing to grade: say so rather than record a score of nothing.
      this.#status.textContent = 'Answer at least one question, then check your answers.';
      return;
    }
    const store = this.#store;
    const at = new Date().toISOString();
    for (const question of open) {
      const response = this.#readResponse(question);
      if (response === undefined) {
        question.unanswered = true;
        this.#showFeedback(question);
        continue;
      }
      question.unanswered = false;
      question.grade = grade(question.answerKey, response);
      store.update((current) =>
        recordAnswer(current, question.key, { hash: question.hash, response, correct: question.grade?.correct ?? false, at, lessonId: this.#lessonId }),
      );
      this.#showFeedback(question);
    }
    const result = score(this.#questions.map((question) => question.grade));
    store.update((current) => recordScore(current, this.#formId, result, at));
    this.#summarise(true);
  }

  #summarise(announce: boolean): void {
    const result = score(this.#questions.map((question) => question.grade));
    const toRetry = this.#questions.filter((question) => !question.grade?.correct && (question.grade || question.unanswered)).length;
    const open = this.#questions.filter((question) => !question.grade && !question.unanswered).length;
    const parts = [`Score: ${result.correct} of ${result.total} correct.`];
    if (toRetry > 0) parts.push(`${plural(toRetry, 'question')} to retry.`);
    if (open > 0) parts.push(`${plural(open, 'question')} not answered yet.`);
    if (result.correct === result.total) parts.push('Well done: every answer is right.');
    // Writing the same text twice is not announced again; a zero-width change makes a re-check audible.
    const text = parts.join(' ');
    this.#status.textContent = announce && this.#status.textContent === text ? `${text}\u200b` : text;
    this.#retryButton.hidden = toRetry === 0;
    this.#revealButton.hidden = result.correct === result.total;
  }

  #showFeedback(question: QuestionState): void {
    const { fieldset, grade: result } = question;
    const feedback = fieldset.querySelector<HTMLElement>('[data-feedback]');
    if (!feedback) return;
    this.#clearMarks(question);
    feedback.hidden = false;
    feedback.replaceChildren();
    const line = (text: string, className?: string) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      if (className) paragraph.className = className;
      feedback.append(paragraph);
    };
    if (!result) {
      const what = question.answerKey.type === 'ordering' ? 'Move the steps into order' : 'Answer this question';
      line(`Not answered yet: ${what.toLowerCase()}, then check again.`, 'verdict is-wrong');
      return;
    }
    fieldset.disabled = true;
    fieldset.dataset['result'] = result.correct ? 'correct' : 'wrong';
    line(result.correct ? 'Correct.' : 'Not quite.', `verdict ${result.correct ? 'is-correct' : 'is-wrong'}`);
    if (result.type === 'multiple' && result.missed > 0) line(`You missed ${plural(result.missed, 'correct option')}.`);
    if (result.type === 'numeric' && !result.correct) line(`Your answer is too ${result.direction}.`);
    if (result.type === 'ordering' && !result.correct) line(`${result.inPlace} of ${result.count} steps are in the right place.`);
    // The rationale of each chosen option; an ordering's rationales would give the order away, so only when right.
    for (const item of fieldset.querySelectorAll<HTMLElement>('[data-option], [data-step]')) {
      const input = item.querySelector<HTMLInputElement>('input');
      const isChosen = input ? input.checked : result.correct;
      if (!isChosen) continue;
      const index = Number(item.dataset['option'] ?? item.dataset['step']);
      const right = this.#isCorrectOption(question.answerKey, index);
      this.#mark(item, right ? 'Right choice:' : 'Wrong choice:', right);
    }
    if (result.correct) {
      const explanation = fieldset.querySelector('.explanation')?.textContent;
      if (explanation) line(explanation, 'explanation');
    }
  }

  #isCorrectOption(key: AnswerKey, index: number): boolean {
    if (key.type === 'single' || key.type === 'pick-line') return key.correct === index;
    if (key.type === 'multiple') return key.correct.includes(index);
    return true;
  }

  #mark(item: HTMLElement, verdict: string, right: boolean): void {
    const rationale = item.querySelector<HTMLElement>('[data-rationale]');
    const label = rationale?.querySelector('[data-verdict]');
    if (!rationale || !label) return;
    label.textContent = verdict;
    rationale.hidden = false;
    item.dataset['mark'] = right ? 'correct' : 'wrong';
  }

  #clearMarks(question: QuestionState): void {
    for (const item of question.fieldset.querySelectorAll<HTMLElement>('[data-mark]')) delete item.dataset['mark'];
    for (const rationale of question.fieldset.querySelectorAll<HTMLElement>('[data-rationale]')) rationale.hidden = true;
  }

  /** Opens the wrong and unanswered questions again, clears their answers, and keeps the right ones. */
  #retryWrong(): void {
    const retry = this.#questions.filter((question) => !question.grade?.correct);
    for (const question of retry) {
      const { fieldset } = question;
      fieldset.disabled = false;
      delete fieldset.dataset['result'];
      this.#clearMarks(question);
      const feedback = fieldset.querySelector<HTMLElement>('[data-feedback]');
      if (feedback) feedback.hidden = true;
      for (const input of fieldset.querySelectorAll<HTMLInputElement>('input')) {
        if (input.type === 'text') input.value = '';
        else input.checked = false;
      }
      question.grade = undefined;
      question.unanswered = false;
    }
    this.#retryButton.hidden = true;
    this.#status.textContent = `Retrying ${plural(retry.length, 'question')}; the right answers stay as they are.`;
    retry[0]?.fieldset.querySelector<HTMLElement>('input, button')?.focus();
  }

  /** The learner gives up: every question shows its answer, rationales and explanation. */
  #revealAll(): void {
    for (const question of this.#questions) {
      const reveal = question.fieldset.querySelector<HTMLDetailsElement>('[data-reveal]');
      if (!reveal) continue;
      reveal.hidden = false;
      reveal.open = true;
    }
    this.#revealButton.hidden = true;
    this.#status.textContent = 'The correct answers are shown below each question.';
    this.#questions[0]?.fieldset.querySelector<HTMLElement>('[data-reveal] summary')?.focus();
  }

  #move(button: HTMLButtonElement): void {
    const item = button.closest<HTMLElement>('[data-step]');
    const list = item?.parentElement;
    if (!item || !list) return;
    const up = button.dataset['move'] === 'up';
    const sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (sibling) list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
    const fieldset = item.closest('fieldset');
    if (fieldset) fieldset.dataset['touched'] = '';
    button.focus();
    const position = [...list.children].indexOf(item) + 1;
    const announcer = fieldset?.querySelector('[data-move-announcer]');
    const text = item.querySelector('.step-text')?.textContent ?? '';
    if (announcer) {
      announcer.textContent = sibling
        ? `${text}: now step ${position} of ${list.children.length}.`
        : `${text} is already ${up ? 'first' : 'last'}.`;
    }
  }
}

customElements.define('quiz-form', QuizForm);
