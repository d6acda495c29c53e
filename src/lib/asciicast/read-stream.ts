import type { Recording, RecordingEvent } from './model.ts';
import { AsciicastReader } from './parse.ts';
import type { Header } from './parse.ts';

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
  try {
    for (;;) {
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
