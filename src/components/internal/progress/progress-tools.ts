/**
 * <progress-tools>: export the progress record as a JSON file, import one (file picker or drag and drop),
 * and reset one chapter. Validation and merging live in lib/progress/exchange.ts; a refused file changes
 * nothing.
 */
import { exportFileName, exportProgress, importProgress, MAX_IMPORT_BYTES } from '../../../lib/progress/exchange.ts';
import { resetChapter } from '../../../lib/progress/operations.ts';
import { progressStore } from './client.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

class ProgressTools extends HTMLElement {
  #status!: HTMLElement;

  connectedCallback(): void {
    this.#status = this.querySelector('[data-tools-status]') as HTMLElement;
    const store = progressStore();
    this.querySelector('[data-action="export"]')?.addEventListener('click', () => {
      const now = new Date();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([exportProgress(store.record, now)], { type: 'application/json' }));
      link.download = exportFileName(now);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      this.#say(`Exported your progress as ${link.download}.`, false);
    });

    const input = this.querySelector<HTMLInputElement>('input[type="file"]');
    input?.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.#import(file);
      input.value = '';
    });
    const zone = this.querySelector<HTMLElement>('[data-drop-zone]');
    zone?.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.dataset['dragging'] = '';
    });
    zone?.addEventListener('dragleave', () => delete zone.dataset['dragging']);
    zone?.addEventListener('drop', (event) => {
      event.preventDefault();
      delete zone.dataset['dragging'];
      const file = event.dataTransfer?.files[0];
      if (file) void this.#import(file);
    });

    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-reset-chapter]')) {
      button.addEventListener('click', () => {
        const chapterId = button.dataset['resetChapter'] ?? '';
        const title = button.dataset['chapterTitle'] ?? chapterId;
        if (!window.confirm(`Forget your progress in “${title}”: lessons read, quiz answers and exercises? This cannot be undone.`)) return;
        store.update((record) => resetChapter(record, chapterId));
        this.#say(`Progress in “${title}” was reset.`, false);
      });
    }
    for (const element of this.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;
  }

  async #import(file: File): Promise<void> {
    const store = progressStore();
    const result =
      file.size > MAX_IMPORT_BYTES
        ? ({ ok: false, message: 'This file was not imported: it is too large to be a progress export. Your progress is unchanged.' } as const)
        : importProgress(await file.text(), store.record, new Date());
    if (!result.ok) {
      this.#say(result.message, true);
      return;
    }
    store.replace(result.record);
    const { lessons, answers, exercises } = result.added;
    this.#say(
      `Imported ${file.name}: ${plural(lessons, 'new lesson')}, ${plural(answers, 'new answer')} and ${plural(exercises, 'new exercise')}; newer entries were kept.`,
      false,
    );
  }

  #say(message: string, isError: boolean): void {
    this.#status.textContent = message;
    this.#status.dataset['kind'] = isError ? 'error' : 'ok';
  }
}

customElements.define('progress-tools', ProgressTools);
