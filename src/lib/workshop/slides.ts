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

interface Tag {
  name: string;
  closing: boolean;
  attributes: string;
  start: number;
  end: number;
  /** Nesting depth before this tag. */
  depth: number;
}

/** Every start and end tag of `html` with its nesting depth, skipping comments and raw text. */
function* tags(html: string): Generator<Tag> {
  let depth = 0;
  const pattern = new RegExp(tagPattern.source, 'g');
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const [whole, closing, rawName, attributes = ''] = match;
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    if (closing) {
      depth = Math.max(0, depth - 1);
      yield { name, closing: true, attributes, start: match.index, end: match.index + whole.length, depth };
      continue;
    }
    yield { name, closing: false, attributes, start: match.index, end: match.index + whole.length, depth };
    if (voidElements.has(name) || attributes.trimEnd().endsWith('/')) continue;
    if (rawTextElements.has(name)) {
      // Jump past the raw text: '<' inside a script is not a tag.
      const end = html.toLowerCase().indexOf(`</${name}`, match.index + whole.length);
      pattern.lastIndex = end === -1 ? html.length : end;
    }
    depth++;
  }
}

/** Offsets of every top-level `<h2` in `html`. */
function topLevelHeadingOffsets(html: string): number[] {
  return [...tags(html)].filter((tag) => !tag.closing && tag.name === 'h2' && tag.depth === 0).map((tag) => tag.start);
}

/**
 * The outer HTML of every element whose start tag has `attribute` (e.g. the instructor notes of a slide,
 * `data-instructor-note`), outermost only.
 */
export function elementsWithAttribute(html: string, attribute: string): string[] {
  const found: string[] = [];
  const attributePattern = new RegExp(`\\s${attribute.replace(/[-]/g, '\\-')}(?=[\\s=/]|$)`);
  let open: Tag | undefined;
  for (const tag of tags(html)) {
    if (!open) {
      if (!tag.closing && attributePattern.test(tag.attributes)) open = tag;
      continue;
    }
    if (tag.closing && tag.depth === open.depth) {
      found.push(html.slice(open.start, tag.end));
      open = undefined;
    }
  }
  return found;
}

/** Visible text of an HTML fragment, whitespace collapsed: for previews of the next slide. */
export function textOf(html: string): string {
  const withoutRaw = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ');
  return decodeEntities(withoutRaw.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
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
