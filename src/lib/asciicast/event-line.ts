/**
 * A fast reader for the usual event line, `[1.234, "o", "text"]`: the time and the one-letter code are read
 * by hand, and only the data's string literal goes through `JSON.parse` (which unescapes and validates it
 * natively). That skips building a throw-away array per line and parsing the number and code as JSON, about
 * a third of the parser's time on a large recording.
 *
 * Anything unusual (other spacing, a longer code, a number this reader does not accept, extra elements,
 * trailing characters, a broken literal) returns undefined, and the caller parses the line the general way,
 * so results and error messages are exactly those of `JSON.parse`.
 */

const space = 0x20;
const tab = 0x09;
const comma = 0x2c;
const quote = 0x22;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/**
 * A JSON number without sign, maybe followed by spaces: `JSON.parse` and `Number` read these the same way.
 * (Negative times are an error, which the general parser reports.)
 */
const jsonNumber = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?[ \t]*$/;

/** `[seconds, code, data]` of a well-formed usual line, or undefined to fall back to the general parser. */
export function readEventLine(line: string): [number, string, string] | undefined {
  if (line.charCodeAt(0) !== openBracket) return undefined;
  const end = line.length - 1;
  if (line.charCodeAt(end) !== closeBracket || line.charCodeAt(end - 1) !== quote) return undefined;
  let at = skipSpaces(line, 1);
  const numberEnd = line.indexOf(',', at);
  if (numberEnd === -1) return undefined;
  const numberText = line.slice(at, numberEnd);
  if (!jsonNumber.test(numberText)) return undefined;
  at = skipSpaces(line, numberEnd + 1);
  // The code: one character between quotes (every code the formats define is one letter).
  if (line.charCodeAt(at) !== quote || line.charCodeAt(at + 2) !== quote) return undefined;
  const codeChar = line.charCodeAt(at + 1);
  if (codeChar === quote || codeChar === 0x5c || codeChar < space) return undefined;
  const code = line.charAt(at + 1);
  at = skipSpaces(line, at + 3);
  if (line.charCodeAt(at) !== comma) return undefined;
  at = skipSpaces(line, at + 1);
  if (line.charCodeAt(at) !== quote || at >= end - 1) return undefined;
  // `"…"` up to the closing quote before `]`. If an unescaped quote hides inside (more elements, or a broken
  // line), the literal is not valid JSON on its own and the general parser takes the line.
  let data: unknown;
  try {
    data = JSON.parse(line.slice(at, end));
  } catch {
    return undefined;
  }
  return typeof data === 'string' ? [Number(numberText), code, data] : undefined;
}

function skipSpaces(line: string, at: number): number {
  let next = at;
  for (let char = line.charCodeAt(next); char === space || char === tab; char = line.charCodeAt(++next));
  return next;
}
