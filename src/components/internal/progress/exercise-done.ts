/** <exercise-done data-exercise-id>: a checkbox that records an exercise as done in the learner's progress. */
import { markExercise } from '../../../lib/progress/operations.ts';
import { currentLessonId, progressStore } from './client.ts';

class ExerciseDone extends HTMLElement {
  connectedCallback(): void {
    const exerciseId = this.dataset['exerciseId'];
    const checkbox = this.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!exerciseId || !checkbox) return;
    const store = progressStore();
    store.subscribe(({ record }) => {
      checkbox.checked = record.exercises[exerciseId]?.done === true;
    });
    checkbox.addEventListener('change', () =>
      store.update((record) => markExercise(record, exerciseId, checkbox.checked, new Date().toISOString(), currentLessonId())),
    );
    this.hidden = false;
  }
}

customElements.define('exercise-done', ExerciseDone);
