/**
 * <progress-notice>: tells the learner when progress cannot be kept normally (recovered from corruption,
 * storage disabled or full, newer version). Only the first one on a page speaks, so the frame and a page
 * can both include it safely.
 */
import { describeNotice } from '../../../lib/progress/store.ts';
import { progressStore } from './client.ts';

class ProgressNotice extends HTMLElement {
  connectedCallback(): void {
    if (document.querySelector('progress-notice') !== this) {
      this.hidden = true;
      return;
    }
    const list = this.querySelector('[data-notices]');
    if (!list) return;
    progressStore().subscribe((store) => {
      const messages = store.notices.map(describeNotice);
      list.replaceChildren(
        ...messages.map((message) => {
          const item = document.createElement('p');
          item.textContent = message;
          return item;
        }),
      );
      this.hidden = messages.length === 0;
    });
  }
}

customElements.define('progress-notice', ProgressNotice);
