/**
 * The search dialog's behaviour, loaded the first time a <site-search> opens (see search-trigger.ts): it
 * queries the Pagefind index built by src/integrations/pagefind-integration.ts and lists the results. The
 * dialog is already open when this runs, so a query typed meanwhile is searched at once.
 */
import { excerptParts, resultsStatus } from './search.ts';

/** The part of Pagefind's browser API the dialog uses (pagefind/pagefind.js, generated at build). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>;
  debouncedSearch(query: string, options?: object, debounceMs?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const maxResults = 10;
let pagefind: Promise<Pagefind> | undefined;

/** Fetches Pagefind once; the path is built at run time so the bundler leaves it alone. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pagefindUrl = new URL('/pagefind/pagefind.js', location.href).href;
    const module = (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
    await module.options({ excerptLength: 24 });
    return module;
  })();
  return pagefind;
}

function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  for (const part of excerptParts(result.excerpt)) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(part.text);
    }
  }
  item.append(link, excerpt);
  return item;
}

function upgrade(host: Element): void {
  const button = host.querySelector('button');
  const dialog = host.querySelector('dialog');
  const input = host.querySelector('input');
  const form = host.querySelector('form');
  const status = host.querySelector('.search-status');
  const list = host.querySelector('.search-results');
  if (!button || !dialog || !input || !form || !status || !list) return;

  const search = async (query: string): Promise<void> => {
    let loaded: Pagefind;
    try {
      loaded = await loadPagefind();
    } catch {
      status.textContent = 'Search is not available: its index could not be loaded.';
      return;
    }
    const found = await loaded.debouncedSearch(query, {}, 200);
    // null: a newer query superseded this one.
    if (found === null) return;
    const results = await Promise.all(found.results.slice(0, maxResults).map((result) => result.data()));
    list.replaceChildren(...results.map(resultItem));
    status.textContent = resultsStatus(query, found.results.length);
  };

  host.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  // A search field would spend the first Escape on clearing itself; here Escape always closes.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dialog.close();
  });
  dialog.addEventListener('close', () => button.focus());
  // Enter goes to the first result (the form's method="dialog" would otherwise close the dialog).
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    list.querySelector('a')?.focus();
  });
  input.addEventListener('input', () => void search(input.value));
  if (input.value) void search(input.value);
  // Warm Pagefind up while the learner types the first word.
  void loadPagefind().catch(() => undefined);
}

for (const host of document.querySelectorAll('site-search')) upgrade(host);
