import { endFrame } from './end-frame.ts';
import { RawLinearCheck } from './raw-linear.ts';
import type { Tail } from './tail-request.ts';

/**
 * A long recording's last frame from its last `tailBytes` alone (`requestTail`, tail-request.ts), so the /replay/
 * page can show it after one small answer instead of after the megabytes of the whole file.
 *
 * It is provisional. Linear output (raw-linear.ts) carries only its colours and the cursor's visibility from one
 * line to the next, and what was set before the tail is not seen here; nor is output before the tail that is not
 * linear. So the frame read from the whole file, once it is in (end-frame-download.ts), has the last word:
 * fetchRecording hands both on, and the player redraws or removes this one if they differ.
 *
 * `download`: the response for the whole file. The tail is used only if it is the end of that same file: its
 * range ends at the last byte of a file of the same length (and the same ETag, if both have one), neither of
 * them re-encoded on the way. `headerLine`: the file's first line (with its line feed), from the whole download.
 * `undefined` when there is no frame to be had this way: no tail, not the same file, output in the tail that is
 * not linear, or fewer lines in it than rows.
 */
export function tailFrame(tail: Tail | undefined, download: Response, headerLine: string): string | undefined {
  if (!tail) return undefined;
  const bytes = Number(download.headers.get('content-length'));
  const downloadEtag = download.headers.get('etag');
  const sameFile =
    tail.last === bytes - 1 &&
    tail.size === bytes &&
    !(tail.etag && downloadEtag && tail.etag !== downloadEtag) &&
    !tail.encoded &&
    !download.headers.has('content-encoding');
  if (!sameFile) return undefined;
  // The range starts anywhere in a line, maybe inside a UTF-8 character: start after the first line feed
  // (0x0a is never part of a multi-byte character).
  const lineStart = tail.bytes.indexOf(0x0a) + 1;
  if (lineStart === 0) return undefined;
  const lines = tail.bytes.subarray(lineStart);
  const text = new TextDecoder().decode(lines);
  const check = new RawLinearCheck();
  check.push(text, lines);
  if (!check.finish()) return undefined;
  return endFrame(headerLine + text, { escapes: check.escapes, partial: true });
}
