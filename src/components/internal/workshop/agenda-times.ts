/**
 * `<agenda-times>`: recomputes the agenda's clock times in the browser from `?start=HH:MM` or the start-time
 * field, so a static page shows any start time. The server renders the workshop's default start, which is
 * what a browser without JavaScript shows.
 */
import { formatClock, parseClock } from '../../../lib/workshop/clock.ts';

class AgendaTimes extends HTMLElement {
  connectedCallback(): void {
    const input = document.querySelector<HTMLInputElement>('#start-time');
    const requested = new URLSearchParams(location.search).get('start');
    const start = this.validStart(requested) ?? this.validStart(this.dataset['defaultStart'] ?? null);
    if (start !== undefined) this.show(start);
    if (input && start !== undefined) input.value = formatClock(start);
    input?.addEventListener('change', () => {
      const chosen = this.validStart(input.value);
      if (chosen === undefined) return;
      this.show(chosen);
      const url = new URL(location.href);
      url.searchParams.set('start', formatClock(chosen));
      history.replaceState(null, '', url);
    });
  }

  private validStart(text: string | null): number | undefined {
    if (text === null) return undefined;
    try {
      return parseClock(text);
    } catch {
      return undefined;
    }
  }

  private show(start: number): void {
    let total = 0;
    for (const row of this.querySelectorAll<HTMLTableRowElement>('tbody tr[data-offset]')) {
      const offset = Number(row.dataset['offset']);
      const length = Number(row.dataset['length']);
      const startCell = row.querySelector('.agenda-start');
      const endCell = row.querySelector('.agenda-end');
      if (startCell) startCell.textContent = formatClock(start + offset);
      if (endCell) endCell.textContent = formatClock(start + offset + length);
      total = Math.max(total, offset + length);
    }
    const finish = this.querySelector('.agenda-finish');
    if (finish) finish.textContent = formatClock(start + total);
    const caption = this.querySelector('.agenda-caption-start');
    if (caption) caption.textContent = formatClock(start);
  }
}

if (!customElements.get('agenda-times')) customElements.define('agenda-times', AgendaTimes);
