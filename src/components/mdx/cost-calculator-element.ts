/**
 * <cost-calculator>: upgrades the server-rendered calculator. On every input it re-parses the form and
 * redraws the table; a bad field gets a message beside it (aria-invalid) while the table keeps showing the
 * last valid numbers, and what the learner typed stays in the field. The live region hears one short
 * sentence, at most once per pause in typing, so screen readers are not flooded.
 */
import { costFields, exampleInputs, parseInputs, type CostInputName } from '../../lib/cost/inputs.ts';
import { tableView, type CalculatorImage } from './CostCalculator.ts';

/** Quiet time after the last keystroke before the live region speaks. */
const ANNOUNCE_DELAY_MS = 700;

class CostCalculatorElement extends HTMLElement {
  #images: CalculatorImage[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastAnnounced = '';

  connectedCallback(): void {
    try {
      this.#images = JSON.parse(this.dataset['images'] ?? '[]') as CalculatorImage[];
    } catch {
      return; // the server-rendered table stays as it is
    }
    const form = this.querySelector('form');
    if (!form) return;
    this.querySelector<HTMLElement>('[data-static-note]')?.setAttribute('hidden', '');
    const reset = this.querySelector<HTMLButtonElement>('[data-reset]');
    reset?.removeAttribute('hidden');
    this.#lastAnnounced = this.#status()?.textContent ?? '';
    form.addEventListener('input', () => this.#update());
    // Enter in a text field would submit the form and reload the page, losing every number typed.
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#update();
    });
    reset?.addEventListener('click', () => {
      for (const field of costFields) {
        const input = this.#input(field.name);
        if (input) input.value = String(exampleInputs[field.name]);
      }
      this.#update();
    });
    // A page restored from the back/forward cache or autofilled keeps typed values: show their results.
    this.#update({ quiet: true });
  }

  disconnectedCallback(): void {
    clearTimeout(this.#timer);
  }

  #input(name: CostInputName): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  }

  #status(): HTMLElement | null {
    return this.querySelector<HTMLElement>('[data-status]');
  }

  #update({ quiet = false } = {}): void {
    const raw = Object.fromEntries(costFields.map((field) => [field.name, this.#input(field.name)?.value ?? ''])) as Record<CostInputName, string>;
    const result = parseInputs(raw);
    for (const field of costFields) {
      const message = result.ok ? undefined : result.errors[field.name];
      this.#input(field.name)?.setAttribute('aria-invalid', message ? 'true' : 'false');
      const error = this.querySelector<HTMLElement>(`[data-error-for="${field.name}"]`);
      if (error) error.textContent = message ?? '';
    }
    let announcement: string;
    if (result.ok) {
      const view = tableView(this.#images, result.inputs);
      this.#renderRows(view.rows);
      const worked = this.querySelector<HTMLElement>('[data-worked]');
      if (worked) worked.textContent = view.worked;
      const isExample = costFields.every((field) => result.inputs[field.name] === exampleInputs[field.name]);
      const caption = this.querySelector<HTMLElement>('[data-caption]');
      if (caption) caption.textContent = isExample ? 'Monthly cost per image for the example inputs (hypothetical)' : 'Monthly cost per image for your inputs';
      announcement = view.summary;
    } else {
      const count = Object.keys(result.errors).length;
      announcement = `${count === 1 ? 'One field needs' : `${count} fields need`} fixing; the table still shows your last valid numbers.`;
    }
    if (!quiet) this.#announceLater(announcement);
  }

  #renderRows(rows: { cells: string[] }[]): void {
    const body = this.querySelector('[data-rows]');
    if (!body) return;
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement('tr');
        row.cells.forEach((cell, index) => {
          if (index === 0) {
            const th = document.createElement('th');
            th.scope = 'row';
            const code = document.createElement('code');
            code.textContent = cell;
            th.append(code);
            tr.append(th);
          } else {
            const td = document.createElement('td');
            td.textContent = cell;
            tr.append(td);
          }
        });
        return tr;
      }),
    );
  }

  /** Speaks once typing pauses, and only when the sentence changed. */
  #announceLater(text: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const status = this.#status();
      if (!status || text === this.#lastAnnounced) return;
      this.#lastAnnounced = text;
      status.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }
}

if (!customElements.get('cost-calculator')) customElements.define('cost-calculator', CostCalculatorElement);
