// Apart from tail-frame.ts so the /replay/ page can start the request on load without loading the parser with it.

/** How much of the end of the file is asked for: many screenfuls of lines in a typical recording. */
export const tailBytes = 64 * 1024;

/** The end of a file, as a server answered a request for it. */
export interface Tail {
  bytes: Uint8Array;
  /** Where those bytes were in the file, and the file's length, as the answer's `Content-Range` said. */
  first: number;
  last: number;
  size: number;
  etag: string | null;
  /** Whether the answer was re-encoded on the way (`Content-Encoding`): its range is then of other bytes. */
  encoded: boolean;
}

const contentRange = /^bytes (\d+)-(\d+)\/(\d+)$/;

/**
 * Asks for the last `tailBytes` of `url` (an HTTP Range request) and reads the answer as soon as it comes, while
 * the page waits for the whole file anyway. Start it just before the request for the whole file: sent after it,
 * it waits in the browser behind the megabytes already flowing (on the bench, the small answer then came after
 * the whole file). Resolves `undefined`, never rejects, unless the answer is part of the file (206) and not all
 * of it; any other answer is cancelled unread.
 */
export async function requestTail(url: string): Promise<Tail | undefined> {
  try {
    // A suffix range: the file's length is not known yet. Not through the HTTP cache, where the whole file is
    // about to be written.
    const response = await fetch(url, { headers: { range: `bytes=-${tailBytes}` }, cache: 'no-store' });
    const range = contentRange.exec(response.headers.get('content-range') ?? '');
    if (response.status !== 206 || !range || range[1] === '0') {
      await response.body?.cancel();
      return undefined;
    }
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      first: Number(range[1]),
      last: Number(range[2]),
      size: Number(range[3]),
      etag: response.headers.get('etag'),
      encoded: response.headers.has('content-encoding'),
    };
  } catch {
    return undefined;
  }
}
