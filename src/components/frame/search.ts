/** Pure logic of the search dialog (search-dialog.ts), kept apart from the DOM so it is tested beside. */

/** One run of an excerpt: plain text, or text Pagefind marked as matching the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt (escaped text with <mark> around matches) into runs, so the dialog builds text
 * nodes and <mark> elements itself and never assigns HTML. Any other tag is dropped, its text kept.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?[a-z][^>]*>)/i)) {
    if (/^<mark\b/i.test(piece)) marked = true;
    else if (/^<\/mark>/i.test(piece)) marked = false;
    else if (!/^<\/?[a-z]/i.test(piece) && piece) {
      const text = decode(piece);
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/** The status line read out to screen readers after each search. */
export function resultsStatus(query: string, count: number): string {
  if (!query.trim()) return '';
  if (count === 0) return `No results for “${query.trim()}”.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${query.trim()}”.`;
}
