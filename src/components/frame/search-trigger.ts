/**
 * <site-search>: the header's search button and the "/" shortcut. Opening shows the server-rendered dialog
 * at once; what the dialog does (Pagefind queries, results, closing) is in search-dialog.ts, fetched on the
 * first opening, so pages do not load it before it is used.
 *
 * Why not `import('./search-dialog.ts')`: Vite wraps every dynamic import in its preload helper, which would
 * ship with every page (0.9 kB gzipped, more than the code it defers). Vite's `?worker&url` bundles the module
 * on its own (minified, hashed, in /_astro/) and gives its URL; it has no worker-specific code, so the page
 * loads it as an ordinary module script.
 */
import { opensSearch } from './search-shortcut.ts';
import dialogScript from './search-dialog.ts?worker&url';

let dialogRequested = false;

class SiteSearch extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const dialog = this.querySelector('dialog');
    const input = this.querySelector('input');
    if (!button || !dialog || !input) return;
    const open = (): void => {
      if (dialog.open) return;
      dialog.showModal();
      input.focus();
      input.select();
      if (!dialogRequested) {
        dialogRequested = true;
        const script = document.createElement('script');
        script.type = 'module';
        script.src = dialogScript;
        document.head.append(script);
      }
    };
    button.addEventListener('click', open);
    document.addEventListener('keydown', (event) => {
      const target = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) ? 'text-field' : 'other';
      if (!opensSearch(event, target)) return;
      event.preventDefault();
      open();
    });
  }
}

customElements.define('site-search', SiteSearch);
