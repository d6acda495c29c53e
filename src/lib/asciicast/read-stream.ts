import type { Recording, RecordingEvent } from './model.ts';
import { AsciicastReader } from './parse.ts';
import type { Header } from './parse.ts';

/** Longest stretch of parsing without letting the browser run timers, draw, or take in more of the download. */
const busyLimitMs = 8;
/** The same while the download goes on, in idle time: what arrives is taken in first. */
const idleSliceMs = 3;

/**
 * One turn of the event loop, queued behind the tasks already waiting (`scheduler.yield()` would jump ahead
 * of them): a message to ourselves, because nested zero timeouts are held back to 4 ms each.
 */
function pause(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export interface StreamCallbacks {
  /** As soon as the header line has been parsed, with the terminal size, so the terminal can be set up meanwhile. */
  onHeader?(header: Header): void;
  /** After each piece is parsed, with the events so far (one growing array), so they can be indexed meanwhile. */
  onEvents?(events: readonly RecordingEvent[]): void;
  /**
   * Once the last piece is in (or, if the header line ends later, once it is parsed), with how much of the
   * text is parsed yet and how much there is: what parsing has left to do can be worked around (the replay
   * shows a linear recording's last frame, read from its end). Parsing resumes when the promise it returns, if
   * any, settles (say, once what it showed has been drawn).
   */
  onDownloaded?(parsedChars: number, totalChars: number): void | Promise<void>;
}

export interface ReadOptions {
  /**
   * While the download goes on, parsing past the header waits this long before it takes idle time: for a
   * download whose last frame is read from its end (end-frame-download.ts), parsing at once would slow the
   * download itself on a machine with few cores, and so the frame. A fast download is over by then; a slow
   * one is parsed as it arrives after that.
   */
  holdParsingMs?: number;
}

/**
 * Parses a recording while it downloads: a `fetch` body (bytes), or text already decoded (a download read
 * for its last frame, end-frame-download.ts). Taking in the download and parsing are two loops:
 * every piece that has arrived is decoded and kept at once, and parsing follows in slices of a few
 * milliseconds, so on a fast connection the download ends as soon as the network allows (parsing behind it),
 * and on a slow one parsing keeps up and costs no time of its own.
 * Throws `AsciicastParseError` like `parseAsciicast`, and stops reading at the first bad line.
 */
export async function readAsciicastStream(stream: ReadableStream<Uint8Array | string>, callbacks: StreamCallbacks = {}, options: ReadOptions = {}): Promise<Recording> {
  const holdUntil = performance.now() + (options.holdParsingMs ?? 0);
  const parser = new AsciicastReader();
  const source = stream.getReader();
  const pieces: string[] = [];
  let totalChars = 0;
  /** Set by the download loop; an object, as the parsing loop reads it between awaits. */
  const download: { done: boolean; failure?: { error: unknown } } = { done: false };
  let wake: (() => void) | undefined;
  /** Tells the parsing loop below, if it is waiting, that a piece has arrived or the download has ended. */
  const signal = (): void => wake?.();
  const downloading = (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await source.read();
        // `stream: true` keeps a UTF-8 character split between chunks for the next one.
        const text = typeof value === 'string' ? value : done ? decoder.decode() : decoder.decode(value, { stream: true });
        if (text !== '') {
          pieces.push(text);
          totalChars += text.length;
        }
        if (done) break;
        signal();
      }
      download.done = true;
    } catch (error) {
      download.failure = { error };
    }
    signal();
  })();

  let next = 0;
  let parsedChars = 0;
  let told = false;
  let busySince = performance.now();
  /** While downloading, where the browser can say when it is idle, parsing waits for idle time (see below). */
  const idleParsing = typeof requestIdleCallback === 'function';
  let idleUntil: IdleDeadline | undefined;
  try {
    for (;;) {
      if (download.failure) throw download.failure.error;
      if (download.done && !told && parser.header) {
        told = true;
        await callbacks.onDownloaded?.(parsedChars, totalChars);
        busySince = performance.now();
      }
      if (!download.done && parser.header && performance.now() < holdUntil) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            wake = undefined;
            resolve();
          }, holdUntil - performance.now());
          wake = () => {
            if (!download.done && !download.failure) return; // a new piece: it waits like the others
            wake = undefined;
            clearTimeout(timer);
            resolve();
          };
        });
        busySince = performance.now();
        continue;
      }
      if (!download.done && idleParsing && parser.header) {
        // Once the header is in (the terminal can be made), taking in the download comes first: on a fast
        // connection the main thread is busy with arriving data and parsing waits for the last byte; on a slow
        // one it is mostly idle, and parsing keeps up in between.
        // Idle periods last up to 50 ms; a piece that arrives meanwhile waits no longer than `idleSliceMs`.
        if (next === pieces.length || !idleUntil || idleUntil.timeRemaining() < 1 || performance.now() - busySince > idleSliceMs) {
          idleUntil = await new Promise<IdleDeadline | undefined>((resolve) => {
            const handle = requestIdleCallback((deadline) => {
              wake = undefined;
              resolve(deadline);
            });
            wake = () => {
              if (!download.done && !download.failure) return; // a new piece: it waits for idle time like the others
              wake = undefined;
              cancelIdleCallback(handle);
              resolve(undefined);
            };
          });
          busySince = performance.now();
          continue;
        }
      } else if (next === pieces.length) {
        if (download.done) break;
        await new Promise<void>((resolve) => {
          wake = () => {
            wake = undefined;
            resolve();
          };
        });
        busySince = performance.now();
        continue;
      } else if (performance.now() - busySince > busyLimitMs) {
        // Give the browser a turn every few milliseconds: it draws, runs timers, and the download loop above
        // takes in what has arrived meanwhile (pieces already received resolve its reads at once, as microtasks).
        await pause();
        busySince = performance.now();
        continue;
      }
      let piece = pieces[next] as string;
      const hadHeader = parser.header !== undefined;
      const headerEnd = hadHeader ? -1 : piece.indexOf('\n') + 1;
      if (headerEnd > 0 && headerEnd < piece.length) {
        // The header line alone first: what follows it waits its turn like any later piece (a whole recording
        // can arrive as one piece, and parsing it all here would leave nothing for `onDownloaded` to work around).
        pieces[next] = piece.slice(headerEnd);
        piece = piece.slice(0, headerEnd);
      } else {
        pieces[next] = ''; // let it go as it is parsed
        next++;
      }
      parser.push(piece);
      parsedChars += piece.length;
      if (!hadHeader && parser.header) callbacks.onHeader?.(parser.header);
      callbacks.onEvents?.(parser.eventsSoFar);
    }
    return parser.finish();
  } catch (error) {
    await source.cancel().catch(() => undefined);
    throw error;
  } finally {
    await downloading;
    source.releaseLock();
  }
}
