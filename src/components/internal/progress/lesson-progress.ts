/**
 * <lesson-progress data-lesson-id>: marks the lesson read when the page is opened, and lets the learner
 * mark it completed (or take that back) with a checkbox.
 */
import { markLesson, reopenLesson } from '../../../lib/progress/lesson-operations.ts';
import { progressStore } from './client.ts';

class LessonProgress extends HTMLElement {
  connectedCallback(): void {
    const lessonId = this.dataset['lessonId'];
    const checkbox = this.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!lessonId || !checkbox) return;
    const store = progressStore();
    store.update((record) => markLesson(record, lessonId, 'read', new Date().toISOString()));
    store.subscribe(({ record }) => {
      checkbox.checked = record.lessons[lessonId]?.status === 'completed';
    });
    checkbox.addEventListener('change', () => {
      const at = new Date().toISOString();
      store.update((record) => (checkbox.checked ? markLesson(record, lessonId, 'completed', at) : reopenLesson(record, lessonId, at)));
    });
    this.hidden = false;
  }
}

customElements.define('lesson-progress', LessonProgress);
