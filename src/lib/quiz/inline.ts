/**
 * Quiz text allows one piece of markup: `inline code` in backticks. Everything else is text, so a quiz
 * file can never inject HTML. DOM-free: returns segments the component renders.
 */
export interface InlineSegment {
  code: boolean;
  text: string;
}

export function inlineSegments(source: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    if (match.index > last) segments.push({ code: false, text: source.slice(last, match.index) });
    segments.push({ code: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < source.length) segments.push({ code: false, text: source.slice(last) });
  return segments;
}

/** The same text without markup, for places that take plain text (aria-labels, announcements). */
export function plainText(source: string): string {
  return inlineSegments(source)
    .map((segment) => segment.text)
    .join('');
}
