// Apart from tail-frame.ts so the /replay/ page can start the request on load without loading the parser with it.

/** How much of the end of the file is asked for: many screenfuls of lines in a typical recording. */
export const tailBytes = 64 * 1024;

/**
 * Asks for the last `tailBytes` of `url` (an HTTP Range request). Start it just before the request for the whole
 * file: sent after it, it waits in the browser behind the megabytes already flowing (on the bench, the small
 * answer then came after the whole file). Never rejects.
 */
export function requestTail(url: string): Promise<Response | undefined> {
  // A suffix range: the file's length is not known yet. Not through the HTTP cache, where the whole file is
  // about to be written.
  return fetch(url, { headers: { range: `bytes=-${tailBytes}` }, cache: 'no-store' }).catch(() => undefined);
}
