import type { Recording } from '../asciicast/model.ts';
import type { Header } from '../asciicast/parse.ts';
import { readAsciicastStream } from '../asciicast/read-stream.ts';
import { OutputIndexBuilder } from './output-index.ts';
import type { OutputIndex } from './output-index.ts';

/**
 * Downloads, parses and indexes a recording at once: lines are parsed and indexed as they arrive, and
 * `onHeader` runs with the terminal size as soon as the first line is in, so the terminal is made while the
 * rest downloads (`download.bytes`: the size the server announced, if it did). Pass `outputIndex` to the player (`PlayerOptions.outputIndex`).
 * Rejects with an Error naming the URL when the download fails, and with `AsciicastParseError` when the file
 * is malformed.
 */
export async function fetchRecording(
  url: string,
  onHeader?: (header: Header, download: { bytes: number | undefined }) => void,
  started?: Promise<Response>,
): Promise<{ recording: Recording; outputIndex: OutputIndex }> {
  // `started`: the request for `url` already under way (element.ts starts it alongside loading xterm).
  const response = await (started ?? fetch(url)).catch(() => undefined);
  if (!response?.ok || !response.body) {
    throw new Error(`Could not load the recording ${url}: ${response ? `HTTP ${response.status}` : 'network error'}.`);
  }
  const length = Number(response.headers.get('content-length'));
  const download = { bytes: Number.isFinite(length) && length > 0 ? length : undefined };
  const index = new OutputIndexBuilder();
  const recording = await readAsciicastStream(response.body, (header) => onHeader?.(header, download), (events) => index.update(events));
  return { recording, outputIndex: index.finish(recording.events) };
}
