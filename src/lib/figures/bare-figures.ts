/**
 * Finds size and time figures in lesson source that are neither measured (<Measure … />) nor cited
 * (<Cite …>…</Cite>). Code is exempt: fenced blocks, inline code, import/export lines and comments.
 * Everything else a learner reads counts, frontmatter included (titles and summaries are shown too).
 *
 * The exempt parts are blanked with spaces rather than removed, so line and column numbers stay true.
 */

export interface BareFigure {
  line: number;
  column: number;
  text: string;
}

/** A number (1,234 or 9.17) followed by a size or time unit, not glued to a word or version before it. */
const figurePattern =
  /(?<![\w.,/-])\d[\d,]*(?:\.\d+)?(?:\s|&nbsp;|\u00a0|\u202f)?(?:[kKMGT]i?B|B|bytes?|(?:kilo|mega|giga|tera)bytes?|ms|µs|us|ns|s|secs?|seconds?|milliseconds?)(?![\w])/g;

/** Replace every character except newlines by a space. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function blankMatches(source: string, pattern: RegExp): string {
  return source.replace(pattern, (match) => blank(match));
}

/** The source with all exempt regions blanked, same length and same line breaks. */
export function proseOnly(source: string): string {
  let text = source;
  // Fenced code blocks (``` or ~~~, any length of at least three, closed by the same fence).
  text = blankMatches(text, /^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1?[ \t]*\2[ \t]*$/gm);
  // MDX and HTML comments.
  text = blankMatches(text, /\{\/\*[\s\S]*?\*\/\}/g);
  text = blankMatches(text, /<!--[\s\S]*?-->/g);
  // ESM lines of MDX.
  text = blankMatches(text, /^(?:import|export)\s[^\n]*$/gm);
  // Measured and cited figures: <Measure …/> (self-closing or not) and <Cite …>…</Cite>.
  text = blankMatches(text, /<Measure\b[\s\S]*?(?:\/>|<\/Measure>)/g);
  text = blankMatches(text, /<Cite\b[\s\S]*?<\/Cite>/g);
  // Inline code: `…` or ``…`` on one line.
  text = blankMatches(text, /(`+)[^`\n][^\n]*?\1/g);
  return text;
}

export function findBareFigures(source: string): BareFigure[] {
  const text = proseOnly(source);
  const lines = text.split('\n');
  const found: BareFigure[] = [];
  lines.forEach((line, index) => {
    for (const match of line.matchAll(figurePattern)) {
      found.push({ line: index + 1, column: match.index + 1, text: match[0] });
    }
  });
  return found;
}
