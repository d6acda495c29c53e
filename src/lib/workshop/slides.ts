/**
 * Splits a lesson's rendered HTML into slides at its top-level <h2> sections: the text before the first <h2>
 * joins the title slide, and every <h2> starts a new slide. An <h2> nested inside a component (depth > 0)
 * stays where it is. A small tag scanner tracks the nesting depth; it skips comments and the raw text of
 * <script>, <style> and <textarea>, and knows the void elements. DOM-free, so the build and tests run it.
 */

export interface Slide {
  /** Plain text of the slide's <h2>; undefined for the part before the first <h2>. */
  heading: string | undefined;
  html: string;
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const rawTextElements = new Set(['script', 'style', 'textarea']);
// A tag with quoted attribute values that may contain '>', or a comment.
const tagPattern = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;

/** Offsets of every top-level `<h2` in `html`. */
function topLevelHeadingOffsets(html: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  tagPattern.lastIndex = 0;
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    const [whole, closing, rawName, attributes = ''] = match;
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (name === 'h2' && depth === 0) offsets.push(match.index);
    if (voidElements.has(name) || attributes.trimEnd().endsWith('/')) continue;
    if (rawTextElements.has(name)) {
      // Jump past the raw text: '<' inside a script is not a tag.
      const end = html.toLowerCase().indexOf(`</${name}`, match.index + whole.length);
      tagPattern.lastIndex = end === -1 ? html.length : end;
    }
    depth++;
  }
  return offsets;
}

/** The text of an HTML fragment's first <h2>, tags removed and basic entities decoded. */
export function headingText(html: string): string | undefined {
  const match = /<h2\b(?:"[^"]*"|'[^']*'|[^'">])*>([\s\S]*?)<\/h2>/i.exec(html);
  if (!match) return undefined;
  return decodeEntities((match[1] ?? '').replace(/<[^>]*>/g, '')).trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function splitIntoSlides(html: string): Slide[] {
  const offsets = topLevelHeadingOffsets(html);
  const bounds = [0, ...offsets, html.length];
  const slides: Slide[] = [];
  for (let index = 0; index < bounds.length - 1; index++) {
    const part = html.slice(bounds[index], bounds[index + 1]);
    const isIntro = index === 0;
    if (isIntro && part.trim() === '') continue;
    slides.push({ heading: isIntro ? undefined : headingText(part), html: part });
  }
  return slides;
}
