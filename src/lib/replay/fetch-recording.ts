import type { Recording } from '../asciicast/model.ts';
import type { Header } from '../asciicast/parse.ts';
import { readAsciicastStream } from '../asciicast/read-stream.ts';
import { endFrame } from './end-frame.ts';
import { OutputIndexBuilder } from './output-index.ts';
import type { OutputIndex } from './output-index.ts';
import { RawLinearCheck } from './raw-linear.ts';

export interface FetchOptions {
  /**
   * As soon as the first line is in, with the terminal size, so the terminal is made while the rest downloads
   * (`download.bytes`: the size the server announced, if it did).
   */
  onHeader?: (header: Header, download: { bytes: number | undefined }) => void;
  /**
   * The recording's last frame (text for a freshly reset terminal), when it can be had before parsing ends:
   * the download is complete, the output is linear throughout (raw-linear.ts), and more than `endFrameAfterChars`
   * is left to parse. Runs after `onHeader`; the player's `load()` later shows the same frame. Parsing resumes
   * when the promise it returns, if any, settles: return one that waits until the frame is drawn.
   */
  onEndFrame?: (frame: string) => void | Promise<void>;
  /** The request for the URL, already under way (element.ts starts it alongside loading xterm). */
  started?: Promise<Response>;
}

/** Below this much text left to parse, the end frame is not worth reading separately: parsing ends soon. */
const endFrameAfterChars = 256 * 1024;

/**
 * Downloads, parses and indexes a recording at once: lines are parsed and indexed as they arrive (see
 * readAsciicastStream). Pass `outputIndex` to the player (`PlayerOptions.outputIndex`).
 * Rejects with an Error naming the URL when the download fails, and with `AsciicastParseError` when the file
 * is malformed.
 */
export async function fetchRecording(url: string, options: FetchOptions = {}): Promise<{ recording: Recording; outputIndex: OutputIndex }> {
  const { onHeader, onEndFrame, started } = options;
  const response = await (started ?? fetch(url)).catch(() => undefined);
  if (!response?.ok || !response.body) {
    throw new Error(`Could not load the recording ${url}: ${response ? `HTTP ${response.status}` : 'network error'}.`);
  }
  const length = Number(response.headers.get('content-length'));
  const download = { bytes: Number.isFinite(length) && length > 0 ? length : undefined };
  const index = new OutputIndexBuilder();
  const raw = onEndFrame ? new RawLinearCheck() : undefined;
  let rows = 0;
  const recording = await readAsciicastStream(response.body, {
    onHeader: (header) => {
      rows = header.rows;
      onHeader?.(header, download);
    },
    onEvents: (events) => index.update(events),
    ...(raw && onEndFrame
      ? {
          onText: (text: string, bytes: Uint8Array) => raw.push(text, bytes),
          onDownloaded: (text: string, parsedChars: number) => {
            if (!raw.finish() || text.length - parsedChars < endFrameAfterChars) return undefined;
            const frame = endFrame(text, rows, { escapes: raw.escapes });
            return frame === undefined ? undefined : onEndFrame(frame);
          },
        }
      : {}),
  });
  return { recording, outputIndex: index.finish(recording.events) };
}
