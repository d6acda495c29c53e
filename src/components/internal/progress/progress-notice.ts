/**
 * <progress-notice>: tells the learner when progress cannot be kept normally (recovered from corruption,
 * storage disabled or full, newer version), with the sentences ProgressNotice.astro renders in its
 * templates. Only the first one on a page speaks, so the frame and a page can both include it safely.
 */
import type { ProgressNotice as Notice } from '../../../lib/progress/store.ts';
import { progressStore } from './client.ts';

/** The template of a notice: a recovery without a backup has its own sentence. */
const templateName = (notice: Notice): string => (notice.kind === 'recovered' && !notice.backupKey ? 'recovered-in-place' : notice.kind);

class ProgressNotice extends HTMLElement {
  connectedCallback(): void {
    if (document.querySelector('progress-notice') !== this) {
      this.hidden = true;
      return;
    }
    const list = this.querySelector('[data-notices]');
    if (!list) return;
    progressStore().subscribe(({ notices }) => {
      const messages = notices.map((notice) => {
        const message = document.createElement('p');
        const template = this.querySelector<HTMLTemplateElement>(`template[data-notice="${templateName(notice)}"]`);
        if (template) message.append(template.content.cloneNode(true));
        if (notice.kind === 'recovered') {
          for (const detail of message.querySelectorAll('[data-problem]')) detail.textContent = notice.problem;
          for (const detail of message.querySelectorAll('[data-backup-key]')) detail.textContent = notice.backupKey ?? '';
        }
        return message;
      });
      list.replaceChildren(...messages);
      this.hidden = messages.length === 0;
    });
  }
}

customElements.define('progress-notice', ProgressNotice);
