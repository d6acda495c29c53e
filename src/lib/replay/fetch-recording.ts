import type { Recording } from '../asciicast/model.ts';
import type { Header } from '../asciicast/parse.ts';
import { readAsciicastStream } from '../asciicast/read-stream.ts';
import { readForEndFrame } from './end-frame-download.ts';
import { OutputIndexBuilder } from './output-index.ts';
import type { OutputIndex } from './output-index.ts';
import { tailFrame } from './tail-frame.ts';
import type { Tail } from './tail-request.ts';

export interface FetchOptions {
  /**
   * As soon as the first line is in, with the terminal size (`download.bytes`: the size the server announced,
   * if it did).
   */
  onHeader?: (header: Header, download: { bytes: number | undefined }) => void;
  /**
   * Asks for the recording's last frame as soon as the download is in, read from the end of the file
   * (end-frame-download.ts): called once then, after `onHeader`, with the frame (text for a freshly reset
   * terminal; the player's `load()` later shows the same), or `undefined` when there is none worth showing (the
   * output is not linear, or less than `endFrameAfterChars` is left to parse). Parsing resumes when the
   * promise it returns, if any, settles: return one that waits until the frame is drawn.
   * Meanwhile parsing is held back for up to `holdParsingMs`, so the page stays idle and the download fast.
   */
  onEndFrame?: (frame: string | undefined) => void | Promise<void>;
  /**
   * With `onEndFrame` and `tail`: called at most once, before it, if the last frame could be read from the end of
   * the file alone (tail-frame.ts) before the whole download is in. Provisional: `onEndFrame` follows with the
   * frame the whole file gives, usually the same text, once the promise returned here, if any, settles.
   */
  onTailFrame?: (frame: string) => void | Promise<void>;
  /** The request for the end of the file (`requestTail`, tail-request.ts), started just before `started`. */
  tail?: Promise<Tail | undefined>;
  /** The request for the URL, already under way (started alongside loading xterm: element.ts, open-recording.ts). */
  started?: Promise<Response>;
}

/** Below this much text left to parse, the last frame is not worth reading separately: parsing ends soon. */
export const endFrameAfterChars = 256 * 1024;

/** See `ReadOptions.holdParsingMs`: long enough for a fast download of the largest recording the player accepts. */
const holdParsingMs = 1000;

/** The longest the download waits for a frame read from the end of the file to be drawn: one small request. */
const holdDownloadMs = 250;

/**
 * Downloads, parses and indexes a recording at once: lines are parsed and indexed as they arrive (see
 * readAsciicastStream). Pass `outputIndex` to the player (`PlayerOptions.outputIndex`).
 * Rejects with an Error naming the URL when the download fails, and with `AsciicastParseError` when the file
 * is malformed.
 */
export async function fetchRecording(url: string, options: FetchOptions = {}): Promise<{ recording: Recording; outputIndex: OutputIndex }> {
  const { onHeader, onEndFrame, onTailFrame, started, tail } = options;
  const response = await (started ?? fetch(url)).catch(() => undefined);
  const length = Number(response?.headers.get('content-length'));
  const download = { bytes: Number.isFinite(length) && length > 0 ? length : undefined };
  const wantsTail = onEndFrame && onTailFrame && response?.ok && download.bytes !== undefined && download.bytes > endFrameAfterChars;
  if (!response?.ok || !response.body) {
    throw new Error(`Could not load the recording ${url}: ${response ? `HTTP ${response.status}` : 'network error'}.`);
  }
  const index = new OutputIndexBuilder();
  let markHeaderIn!: () => void;
  const headerIn = new Promise<void>((resolve) => (markHeaderIn = resolve));
  const callbacks = {
    onHeader: (header: Header) => {
      onHeader?.(header, download);
      markHeaderIn();
    },
    onEvents: index.update.bind(index),
  };
  if (!onEndFrame) return finish(await readAsciicastStream(response.body, callbacks));
  // A frame read from the end of the file, when asked for: the download is held while it is read and drawn (the
  // page then has its main thread to itself; the browser meanwhile fills its buffers), for at most
  // `holdDownloadMs`. Only after the header has been handed on (onHeader makes what draws the frame), and never
  // once the whole download is in: a tail that never comes holds up nothing but the first `holdDownloadMs`.
  let downloaded = false;
  let drawing: Promise<void> | undefined;
  const afterHeader = wantsTail && tail
    ? (headerLine: string) => {
        const shown = Promise.all([tail, headerIn])
          .then(([answer]) => {
            const tailEndFrame = downloaded ? undefined : tailFrame(answer, response, headerLine);
            if (tailEndFrame !== undefined) drawing = Promise.resolve(onTailFrame(tailEndFrame)).catch(() => undefined);
            return drawing;
          })
          .catch(() => undefined);
        return Promise.race([shown, new Promise((resolve) => setTimeout(resolve, holdDownloadMs))]);
      }
    : undefined;
  const { text, frame } = readForEndFrame(response.body, url, endFrameAfterChars, afterHeader);
  const recording = await readAsciicastStream(
    text,
    {
      ...callbacks,
      onDownloaded: async (parsedChars, totalChars) => {
        downloaded = true;
        const shown = await frame;
        await drawing; // a frame from the end being drawn: the whole file's frame comes after it
        return onEndFrame(totalChars - parsedChars < endFrameAfterChars ? undefined : shown);
      },
    },
    { holdParsingMs },
  );
  return finish(recording);

  function finish(recording: Recording): { recording: Recording; outputIndex: OutputIndex } {
    return { recording, outputIndex: index.finish(recording.events) };
  }
}
