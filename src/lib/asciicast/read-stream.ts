import type { Recording, RecordingEvent } from './model.ts';
import { AsciicastReader } from './parse.ts';
import type { Header } from './parse.ts';

/** Longest stretch of parsing without letting the browser run timers or draw. */
const busyLimitMs = 8;

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

/**
 * Parses a recording while it downloads (a `fetch` body): each chunk is decoded and its complete lines parsed
 * at once, so parsing overlaps the network instead of following it. `onHeader` runs as soon as the header
 * line has arrived, with the terminal size, so the caller can set up the terminal meanwhile; `onEvents` runs
 * after each chunk with the events so far (one growing array), so the caller can index them meanwhile.
 * Throws `AsciicastParseError` like `parseAsciicast`, and stops reading at the first bad line.
 */
export async function readAsciicastStream(
  stream: ReadableStream<Uint8Array>,
  onHeader?: (header: Header) => void,
  onEvents?: (events: readonly RecordingEvent[]) => void,
): Promise<Recording> {
  const parser = new AsciicastReader();
  const decoder = new TextDecoder();
  const source = stream.getReader();
  let busySince = performance.now();
  try {
    for (;;) {
      // Chunks already received resolve `read()` at once, as microtasks: without a pause the whole download
      // would be parsed in one go, starving timers and rendering (the terminal set up in `onHeader` could not
      // draw, nor the page respond) until the last byte. So give the browser a turn every few milliseconds.
      if (performance.now() - busySince > busyLimitMs) {
        await pause();
        busySince = performance.now();
      }
      const { done, value } = await source.read();
      if (done) break;
      const hadHeader = parser.header !== undefined;
      // `stream: true` keeps a UTF-8 character split between chunks for the next one.
      parser.push(decoder.decode(value, { stream: true }));
      if (!hadHeader && parser.header) onHeader?.(parser.header);
      onEvents?.(parser.eventsSoFar);
    }
    parser.push(decoder.decode());
    const recording = parser.finish();
    return recording;
  } catch (error) {
    await source.cancel().catch(() => undefined);
    throw error;
  } finally {
    source.releaseLock();
  }
}
