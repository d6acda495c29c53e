import { endFrame } from './end-frame.ts';
import { RawLinearCheck } from './raw-linear.ts';

/**
 * A download read for its last frame: the bytes are taken in as fast as the network gives them, decoded,
 * checked for linear output (raw-linear.ts) and handed on as text for parsing; once the last byte is in, a long
 * linear recording's last frame is read from the end of the file (end-frame.ts), so the /replay/ page can show
 * it before the megabytes before it are parsed.
 *
 * It runs in the page. A worker was tried (the same work off the main thread) and was slower on the bench,
 * 640 ms against 330 ms to the last frame on 8 MB: starting the worker and copying the text back to the page
 * cost more than the work itself. What keeps the download fast is the page staying otherwise idle meanwhile
 * (no terminal made, no parsing: see fetchRecording's `holdParsingMs` and player-ui.ts).
 */
export interface EndFrameDownload {
  /** The recording's text, piece by piece; errors with an Error naming the URL if the download breaks off. */
  text: ReadableStream<string>;
  /**
   * The last frame (text for a freshly reset terminal, as `LinearIndex.frameAt` gives it), or `undefined`: the
   * output is not linear, the text is no longer than `minChars`, or the download failed. Settles before `text`
   * ends, so it is known when the last piece has been read.
   */
  frame: Promise<string | undefined>;
}

/**
 * Reads `body` (a response to `url`) at once, whether or not its text is being read yet. `afterHeader`: called
 * with the first line (and its line feed) once it is in; reading goes on when the promise it returns settles
 * (fetchRecording holds the download while it shows a frame read from the end of the file: tail-frame.ts).
 */
export function readForEndFrame(
  body: ReadableStream<Uint8Array>,
  url: string,
  minChars: number,
  afterHeader?: (headerLine: string) => Promise<unknown>,
): EndFrameDownload {
  const source = body.getReader();
  let resolveFrame!: (frame: string | undefined) => void;
  const frame = new Promise<string | undefined>((resolve) => (resolveFrame = resolve));
  /** An object, as the reading loop reads it between awaits. */
  const reading = { cancelled: false };
  let text!: ReadableStreamDefaultController<string>;
  const stream = new ReadableStream<string>({
    start: (controller) => {
      text = controller;
    },
    cancel: async () => {
      reading.cancelled = true;
      resolveFrame(undefined);
      await source.cancel().catch(() => undefined);
    },
  });
  void (async () => {
    const decoder = new TextDecoder();
    const check = new RawLinearCheck();
    const pieces: string[] = [];
    let chars = 0;
    let headerKnown = false;
    /** Decodes, checks and hands on `bytes` (`undefined`: the end). */
    const take = (bytes: Uint8Array | undefined): void => {
      // `stream: true` keeps a UTF-8 character split between chunks for the next one.
      const piece = bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
      if (piece === '' && !bytes?.length) return;
      check.push(piece, bytes ?? new Uint8Array());
      pieces.push(piece);
      chars += piece.length;
      text.enqueue(piece);
    };
    try {
      for (;;) {
        const { done, value } = await source.read();
        if (reading.cancelled) return;
        const lineEnd = !headerKnown && value ? value.indexOf(0x0a) : -1;
        if (lineEnd === -1) take(value);
        else {
          // The first line alone first (it goes to the parser for the header); the rest of the piece after the wait.
          headerKnown = true;
          take(value?.subarray(0, lineEnd + 1));
          await afterHeader?.(pieces.join('')); // if the text is cancelled meanwhile, handing on throws: see catch
          take(value?.subarray(lineEnd + 1));
        }
        if (done) break;
      }
    } catch {
      if (reading.cancelled) return;
      resolveFrame(undefined);
      text.error(new Error(`Could not load the recording ${url}: the download broke off.`));
      return;
    }
    if (check.finish() && chars > minChars) {
      resolveFrame(endFrame(pieces.join(''), { escapes: check.escapes }));
    } else resolveFrame(undefined);
    text.close();
  })();
  return { text: stream, frame };
}
