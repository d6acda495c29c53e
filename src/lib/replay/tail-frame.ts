import { endFrame } from './end-frame.ts';
import { RawLinearCheck } from './raw-linear.ts';

/**
 * A long recording's last frame from its last `tailBytes` alone (`requestTail`, tail-request.ts), so the /replay/ page can show it
 * after one small answer instead of after the megabytes of the whole file.
 *
 * It is provisional. Linear output (raw-linear.ts) carries only its colours and the cursor's visibility from one
 * line to the next, and what was set before the tail is not seen here; nor is output before the tail that is not
 * linear. So the frame read from the whole file, once it is in (end-frame-download.ts), has the last word:
 * fetchRecording hands both on, and the player redraws or removes this one if they differ.
 *
 * `download`: the response for the whole file. The tail is used only if it is the end of that same file: a 206
 * answer whose range ends at the last byte of a file of the same length (and the same ETag, if both have one),
 * neither of them re-encoded on the way. `headerLine`: the file's first line (with its line feed), from the whole
 * download.
 * Resolves `undefined`, never rejects, when there is no frame to be had this way: ranges not served (the answer
 * is then cancelled), a short file, output in the tail that is not linear, or fewer lines in it than rows.
 */
export async function readTailFrame(
  tail: Promise<Response | undefined>,
  download: Response,
  headerLine: string,
): Promise<string | undefined> {
  const response = await tail;
  if (!response) return undefined;
  try {
    const bytes = Number(download.headers.get('content-length'));
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    const etags = [response.headers.get('etag'), download.headers.get('etag')];
    const sameFile =
      response.status === 206 &&
      range !== null &&
      Number(range[1]) > 0 && // not the whole file: that comes soon anyway
      Number(range[2]) === bytes - 1 &&
      Number(range[3]) === bytes &&
      !(etags[0] && etags[1] && etags[0] !== etags[1]) &&
      !response.headers.has('content-encoding') &&
      !download.headers.has('content-encoding');
    if (!sameFile) {
      await response.body?.cancel();
      return undefined;
    }
    const end = new Uint8Array(await response.arrayBuffer());
    // The range starts anywhere in a line, maybe inside a UTF-8 character: start after the first line feed
    // (0x0a is never part of a multi-byte character).
    const lineStart = end.indexOf(0x0a) + 1;
    if (lineStart === 0) return undefined;
    const lines = end.subarray(lineStart);
    const text = new TextDecoder().decode(lines);
    const check = new RawLinearCheck();
    check.push(text, lines);
    if (!check.finish()) return undefined;
    return endFrame(headerLine + text, { escapes: check.escapes, partial: true });
  } catch {
    return undefined; // the whole download still gives the frame
  }
}
