import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterABuild, endOfFile, longLinear, parsedFrame, projectFile, wholeFile } from '../../../tests/fixtures/casts/downloads.ts';
import { endFrame } from './end-frame.ts';
import { tailFrame } from './tail-frame.ts';
import { requestTail, tailBytes } from './tail-request.ts';
import type { Tail } from './tail-request.ts';

const headerLine = (text: string): string => text.slice(0, text.indexOf('\n') + 1);

/** What requestTail makes of `answer`. */
async function tailFrom(answer: Response): Promise<Tail | undefined> {
  vi.stubGlobal('fetch', () => Promise.resolve(answer));
  return requestTail('/recording.cast');
}

afterEach(() => vi.unstubAllGlobals());

describe('requestTail', () => {
  it('asks for the last bytes, past the HTTP cache, and reads them with where they were in the file', async () => {
    const seen: RequestInit[] = [];
    const text = longLinear();
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      seen.push(init);
      return Promise.resolve(endOfFile(text, tailBytes, { etag: '"a"' }));
    });
    const tail = await requestTail('/recording.cast');
    expect(seen).toEqual([{ headers: { range: `bytes=-${tailBytes}` }, cache: 'no-store' }]);
    const size = new TextEncoder().encode(text).length;
    expect(tail).toEqual({ bytes: new TextEncoder().encode(text).slice(size - tailBytes), first: size - tailBytes, last: size - 1, size, etag: '"a"', encoded: false });
  });

  it('cancels, unread, an answer that is the whole file, and resolves undefined when the request fails', async () => {
    const text = longLinear();
    for (const [what, answer] of [
      ['ranges not served', wholeFile(text)],
      ['a short file, all of it', endOfFile(text.slice(0, 1000), tailBytes)],
    ] as const) {
      expect(await tailFrom(answer), what).toBeUndefined();
      // Cancelled: not read (its reader would be locked), and nothing more comes.
      await expect(answer.body?.getReader().read(), what).resolves.toEqual({ done: true, value: undefined });
    }
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('network error')));
    expect(await requestTail('/recording.cast')).toBeUndefined();
  });
});

describe('tailFrame', () => {
  it('reads the frame the full parse gives from the end of a long linear recording', async () => {
    const text = longLinear();
    const frame = tailFrame(await tailFrom(endOfFile(text, tailBytes)), wholeFile(text), headerLine(text));
    expect(frame).toBeDefined();
    expect(frame).toBe(parsedFrame(text));
  });

  it('reads the same frame from the end even where the start of the file would change it: the whole file decides', async () => {
    const linear = longLinear();
    const text = afterABuild(linear);
    expect(tailFrame(await tailFrom(endOfFile(text, tailBytes)), wholeFile(text), headerLine(text))).toBe(parsedFrame(linear));
  });

  it('uses only the end of that same file', async () => {
    const text = longLinear();
    const bytes = new TextEncoder().encode(text).length;
    const cases: [string, Response, Response][] = [
      ['a range that stops short of the end', endOfFile(text.slice(0, -10), tailBytes, { 'content-range': `bytes ${bytes - 10 - tailBytes}-${bytes - 11}/${bytes}` }), wholeFile(text)],
      ['a file of another length', endOfFile(`${text} `, tailBytes), wholeFile(text)],
      ['another version of the file', endOfFile(text, tailBytes, { etag: '"b"' }), wholeFile(text, { etag: '"a"' })],
      ['a compressed answer', endOfFile(text, tailBytes, { 'content-encoding': 'gzip' }), wholeFile(text)],
      ['a compressed download', endOfFile(text, tailBytes), wholeFile(text, { 'content-encoding': 'gzip' })],
    ];
    for (const [what, answer, download] of cases) {
      expect(tailFrame(await tailFrom(answer), download, headerLine(text)), what).toBeUndefined();
    }
    expect(tailFrame(await tailFrom(endOfFile(text, tailBytes, { etag: '"a"' })), wholeFile(text, { etag: '"a"' }), headerLine(text)), 'the same version').toBe(parsedFrame(text));
    expect(tailFrame(undefined, wholeFile(text), headerLine(text)), 'no tail').toBeUndefined();
  });

  it('reads no frame from an end that is not linear, or holds fewer lines than rows', async () => {
    const build = projectFile('content/recordings/go-hello-world/build-single-stage.cast');
    expect(tailFrame(await tailFrom(endOfFile(build, tailBytes)), wholeFile(build), headerLine(build))).toBeUndefined();
    const text = longLinear();
    // Ten lines of the end: the rows above them were written before, and are not known.
    const fewLines = text.slice(text.lastIndexOf('\n', text.length - 2 - 10 * 80) + 1);
    expect(endFrame(headerLine(text) + fewLines, { partial: true })).toBeUndefined();
    expect(endFrame(headerLine(text) + fewLines)).toBeDefined(); // as a whole recording, it has a frame
  });
});
