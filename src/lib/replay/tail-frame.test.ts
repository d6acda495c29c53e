import { afterEach, describe, expect, it, vi } from 'vitest';
import { endOfFile, longLinear, parsedFrame, projectFile, wholeFile } from '../../../tests/fixtures/casts/downloads.ts';
import { endFrame } from './end-frame.ts';
import { readTailFrame } from './tail-frame.ts';
import { requestTail, tailBytes } from './tail-request.ts';

const headerLine = (text: string): string => text.slice(0, text.indexOf('\n') + 1);

/** The recording's header, then a BuildKit build (its progress display moves the cursor), then `linear`'s events. */
function nonLinearStart(linear: string): string {
  const build = projectFile('content/recordings/go-hello-world/build-single-stage.cast');
  return headerLine(linear) + build.slice(build.indexOf('\n') + 1) + linear.slice(linear.indexOf('\n') + 1);
}

describe('requestTail', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the last bytes, past the HTTP cache, and resolves undefined when the request fails', async () => {
    const seen: RequestInit[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      seen.push(init);
      return Promise.reject(new TypeError('network error'));
    });
    expect(await requestTail('/long.cast')).toBeUndefined();
    expect(seen).toEqual([{ headers: { range: `bytes=-${tailBytes}` }, cache: 'no-store' }]);
  });
});

describe('readTailFrame', () => {
  it('reads the frame the full parse gives from the end of a long linear recording', async () => {
    const text = longLinear();
    const frame = await readTailFrame(Promise.resolve(endOfFile(text, tailBytes)), wholeFile(text), headerLine(text));
    expect(frame).toBeDefined();
    expect(frame).toBe(parsedFrame(text));
  });

  it('reads the same frame from the end even where the start of the file would change it: the whole file decides', async () => {
    const text = nonLinearStart(longLinear());
    expect(await readTailFrame(Promise.resolve(endOfFile(text, tailBytes)), wholeFile(text), headerLine(text))).toBe(parsedFrame(longLinear()));
  });

  it('uses only the end of that same file, and cancels any other answer', async () => {
    const text = longLinear();
    const bytes = new TextEncoder().encode(text).length;
    const cases: [string, () => Response, Response][] = [
      ['the whole file (ranges not served)', () => wholeFile(text), wholeFile(text)],
      ['a range that stops short of the end', () => endOfFile(text.slice(0, -10), tailBytes, { 'content-range': `bytes ${bytes - 10 - tailBytes}-${bytes - 11}/${bytes}` }), wholeFile(text)],
      ['a file of another length', () => endOfFile(`${text} `, tailBytes), wholeFile(text)],
      ['another version of the file', () => endOfFile(text, tailBytes, { etag: '"b"' }), wholeFile(text, { etag: '"a"' })],
      ['a compressed download', () => endOfFile(text, tailBytes), wholeFile(text, { 'content-encoding': 'gzip' })],
      ['the whole of a short file', () => endOfFile(text, 2 * bytes), wholeFile(text)],
    ];
    for (const [what, answer, download] of cases) {
      const response = answer();
      expect(await readTailFrame(Promise.resolve(response), download, headerLine(text)), what).toBeUndefined();
      // Cancelled: not read (its reader would be locked), and nothing more comes.
      await expect(response.body?.getReader().read(), what).resolves.toEqual({ done: true, value: undefined });
    }
    expect(await readTailFrame(Promise.resolve(undefined), wholeFile(text), headerLine(text)), 'no answer').toBeUndefined();
  });

  it('reads no frame from an end that is not linear, or holds fewer lines than rows', async () => {
    const build = projectFile('content/recordings/go-hello-world/build-single-stage.cast');
    expect(await readTailFrame(Promise.resolve(endOfFile(build, tailBytes)), wholeFile(build), headerLine(build))).toBeUndefined();
    const text = longLinear();
    // Ten lines of the end: the rows above them were written before, and are not known.
    const fewLines = text.slice(text.lastIndexOf('\n', text.length - 2 - 10 * 80));
    expect(endFrame(headerLine(text) + fewLines.slice(1), { partial: true })).toBeUndefined();
    expect(endFrame(headerLine(text) + fewLines.slice(1))).toBeDefined(); // as a whole recording, it has a frame
  });
});
