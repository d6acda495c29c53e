/**
 * <course-progress data-lesson-ids="a/b c/d …">: marks every `a[data-lesson-id]` link on the page as read
 * or completed, and fills the course progress bar inside it over the course's lessons (progress kept for
 * lessons that no longer exist does not count).
 */
import { courseProgress } from '../../../lib/progress/lesson-operations.ts';
import { progressStore } from './client.ts';

const labels = { read: 'read', completed: 'completed' } as const;

class CourseProgress extends HTMLElement {
  connectedCallback(): void {
    const bar = this.querySelector('progress');
    const summary = this.querySelector('[data-progress-summary]');
    progressStore().subscribe(({ record }) => {
      const links = [...document.querySelectorAll<HTMLElement>('a[data-lesson-id]')];
      const ids = (this.dataset['lessonIds'] ?? '').split(' ').filter(Boolean);
      for (const link of links) {
        const status = record.lessons[link.dataset['lessonId'] ?? '']?.status;
        let mark = link.querySelector<HTMLElement>('[data-progress-mark]');
        if (!status) {
          delete link.dataset['progress'];
          mark?.remove();
          continue;
        }
        link.dataset['progress'] = status;
        if (!mark) {
          mark = document.createElement('span');
          mark.dataset['progressMark'] = '';
          mark.className = 'visually-hidden';
          link.append(mark);
        }
        mark.textContent = ` (${labels[status]})`;
      }
      const counts = courseProgress(record, ids);
      if (bar) {
        bar.max = Math.max(counts.total, 1);
        bar.value = counts.completed;
      }
      if (summary) summary.textContent = `${counts.completed} of ${counts.total} lessons completed`;
      this.hidden = false;
    });
  }
}

customElements.define('course-progress', CourseProgress);
