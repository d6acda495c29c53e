import { readEventLine } from './event-line.ts';
import { AsciicastParseError, limits } from './model.ts';
import type { EventCode, Marker, Recording, RecordingEvent } from './model.ts';

const knownCodes = new Set<string>(['o', 'i', 'm', 'r', 'x']);

/** What the first line says; the rest of `Recording` comes from the events. */
export interface Header {
  version: 2 | 3;
  cols: number;
  rows: number;
  title?: string;
  command?: string;
  timestamp?: number;
  idleTimeLimitMs?: number;
}

/**
 * Parses asciicast v2 or v3 text into the shared model. Throws only `AsciicastParseError`.
 * Output is returned as recorded; neutralising escape sequences is `sanitize.ts`'s job, done when written.
 */
export function parseAsciicast(text: string): Recording {
  if (typeof text !== 'string') throw new AsciicastParseError(0, 'the recording is not text');
  const reader = new AsciicastReader();
  reader.push(text);
  return reader.finish();
}

/**
 * The parser, fed in pieces: a recording can be parsed while it downloads, so parsing costs (almost) no
 * time of its own, and the header (the terminal size) is known from the first chunk, so the terminal can be
 * set up before the rest arrives. `parseAsciicast(text)` is `push(text)` then `finish()`.
 */
export class AsciicastReader {
  /** The header, once its line has been read. */
  header: Header | undefined;
  private readonly events: RecordingEvent[] = [];
  private readonly markers: Marker[] = [];
  /** The start of a line whose end has not arrived yet. */
  private partial = '';
  /** Lines read so far, for error messages. */
  private lineNumber = 0;
  private length = 0;
  private timeMs = 0;
  private previousSeconds = 0;
  private finished = false;

  /** Reads the complete lines in `chunk`; throws `AsciicastParseError` at the first bad one. */
  push(chunk: string): void {
    if (this.finished) throw new Error('AsciicastReader: push after finish');
    this.length += chunk.length;
    // A JS string's length counts UTF-16 units, which is at most the UTF-8 byte count: a cheap upper check.
    if (this.length > limits.maxFileBytes) {
      throw new AsciicastParseError(0, `the file is larger than ${limits.maxFileBytes} bytes`);
    }
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      const line = chunk.slice(start, end);
      start = end + 1;
      if (this.partial === '') this.readLine(line);
      else {
        this.readLine(this.partial + line);
        this.partial = '';
      }
    }
    if (start < chunk.length) this.partial += chunk.slice(start);
  }

  /** The events parsed so far: one array, growing with each `push` (and returned by `finish`). */
  get eventsSoFar(): readonly RecordingEvent[] {
    return this.events;
  }

  /** Reads the last line (which needs no line feed) and returns the recording. */
  finish(): Recording {
    this.finished = true;
    this.readLine(this.partial);
    this.partial = '';
    if (!this.header) throw new AsciicastParseError(1, 'the file is empty: expected a JSON header');
    return { ...this.header, events: this.events, markers: this.markers, durationMs: this.timeMs };
  }

  private readLine(line: string): void {
    const lineNumber = ++this.lineNumber;
    const header = this.header;
    // An event line starts with `[` (so it is neither blank nor a comment); most take the fast reader.
    const fast = header && line.charCodeAt(0) === 0x5b ? readEventLine(line) : undefined;
    if (!fast && isBlankOrComment(line)) return;
    if (!header) {
      this.header = parseHeader(line, lineNumber);
      return;
    }
    const [seconds, code, data] = fast ? checkedEvent(fast, lineNumber) : parseEventLine(line, lineNumber);
    if (header.version === 2) {
      if (seconds < this.previousSeconds) {
        throw new AsciicastParseError(lineNumber, `time ${seconds} goes backwards (previous ${this.previousSeconds})`);
      }
      this.previousSeconds = seconds;
      this.timeMs = seconds * 1000;
    } else {
      this.timeMs += seconds * 1000;
    }
    const timeMs = this.timeMs;
    if (timeMs > limits.maxDurationMs) {
      throw new AsciicastParseError(lineNumber, `time ${timeMs / 1000} s is past the ${limits.maxDurationMs / 1000} s limit`);
    }
    if (!knownCodes.has(code)) return; // the formats ask players to skip codes they do not know
    if (code === 'r') parseSize(data, lineNumber);
    if (code === 'm') this.markers.push({ eventIndex: this.events.length, timeMs, label: data });
    if (code === 'x') attachExitStatus(this.markers, data);
    this.events.push([timeMs, code as EventCode, data]);
  }
}

/** Reads a resize payload "COLSxROWS", bounded like the header's size. */
export function parseSize(data: string, lineNumber: number): { cols: number; rows: number } {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(data);
  if (!match) throw new AsciicastParseError(lineNumber, `resize "${data.slice(0, 40)}" is not COLSxROWS`);
  return { cols: boundedSize(Number(match[1]), 'cols', lineNumber), rows: boundedSize(Number(match[2]), 'rows', lineNumber) };
}

function attachExitStatus(markers: Marker[], status: string): void {
  const last = markers.at(-1);
  if (last && last.exitStatus === undefined) markers[markers.length - 1] = { ...last, exitStatus: status };
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

function parseJson(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new AsciicastParseError(lineNumber, 'not valid JSON');
  }
}

function parseHeader(line: string, lineNumber: number): Header {
  const value = parseJson(line, lineNumber);
  if (!isObject(value)) throw new AsciicastParseError(lineNumber, 'the header is not a JSON object');
  const version = value['version'];
  if (version !== 2 && version !== 3) {
    throw new AsciicastParseError(lineNumber, `unsupported asciicast version ${shown(version)} (expected 2 or 3)`);
  }
  const term = version === 3 ? value['term'] : value;
  if (!isObject(term)) throw new AsciicastParseError(lineNumber, 'the v3 header has no "term" object');
  const cols = boundedSize(term[version === 3 ? 'cols' : 'width'], 'cols', lineNumber);
  const rows = boundedSize(term[version === 3 ? 'rows' : 'height'], 'rows', lineNumber);
  const header: Header = { version, cols, rows };
  const title = value['title'];
  if (typeof title === 'string') header.title = title;
  const command = value['command'];
  if (typeof command === 'string') header.command = command;
  const timestamp = value['timestamp'];
  if (typeof timestamp === 'number' && Number.isFinite(timestamp)) header.timestamp = timestamp;
  const idle = value['idle_time_limit'];
  if (typeof idle === 'number' && Number.isFinite(idle) && idle > 0) header.idleTimeLimitMs = idle * 1000;
  return header;
}

function boundedSize(value: unknown, what: 'cols' | 'rows', lineNumber: number): number {
  const max = what === 'cols' ? limits.maxCols : limits.maxRows;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new AsciicastParseError(lineNumber, `${what} must be a whole number from 1 to ${max}, got ${shown(value)}`);
  }
  return value;
}

function parseEventLine(line: string, lineNumber: number): [number, string, string] {
  const value = parseJson(line, lineNumber);
  if (!Array.isArray(value) || value.length < 3) {
    throw new AsciicastParseError(lineNumber, 'an event must be an array [time, code, data]');
  }
  return checkedEvent(value as unknown[], lineNumber);
}

/** The checks every event passes, however it was read. */
function checkedEvent([time, code, data]: readonly unknown[], lineNumber: number): [number, string, string] {
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
    throw new AsciicastParseError(lineNumber, `time must be a finite number of seconds, not negative, got ${shown(time)}`);
  }
  if (typeof code !== 'string' || code.length === 0) throw new AsciicastParseError(lineNumber, 'the event code must be a string');
  if (typeof data !== 'string') throw new AsciicastParseError(lineNumber, 'the event data must be a string');
  return [time, code, data];
}

/** A value as it appeared in the JSON, for error messages; `undefined` means the field was missing. */
function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
