import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterABuild, body, endOfFile, longLinear, parsedFrame, projectFile as file, wholeFile } from '../../../tests/fixtures/casts/downloads.ts';
import { parseAsciicast } from '../asciicast/parse.ts';
import { readForEndFrame } from './end-frame-download.ts';
import { endFrameAfterChars, fetchRecording } from './fetch-recording.ts';
import { requestTail, tailBytes } from './tail-request.ts';

async function readAll(stream: ReadableStream<string>): Promise<string> {
  let text = '';
  for await (const piece of stream) text += piece;
  return text;
}

describe('readForEndFrame', () => {
  it('hands on the whole text and, for a long linear recording, the last frame the full parse gives', async () => {
    const text = longLinear();
    const { text: stream, frame } = readForEndFrame(body(text), '/long.cast', endFrameAfterChars);
    let frameSettled = false;
    void frame.then(() => (frameSettled = true));
    const received = await readAll(stream);
    await Promise.resolve();
    expect(frameSettled).toBe(true); // known once the last piece has been read
    expect(received).toBe(text);
    expect(await frame).toBe(parsedFrame(text));
  });

  it('reads the whole download at once, before anyone reads the text', async () => {
    const source = body(longLinear());
    const { frame } = readForEndFrame(source, '/long.cast', endFrameAfterChars);
    expect(await frame).toBeDefined();
    expect(source.pulls).toBeGreaterThan(30);
  });

  it('reads no frame for a short recording, nor for one whose output is not linear', async () => {
    const short = file('tests/fixtures/casts/listing.cast');
    expect(short.length).toBeLessThan(endFrameAfterChars);
    // BuildKit's progress display moves the cursor up to redraw its lines.
    const buildKit = file('content/recordings/go-hello-world/build-single-stage.cast');
    expect(buildKit.length).toBeGreaterThan(endFrameAfterChars);
    for (const text of [short, buildKit]) {
      const { text: stream, frame } = readForEndFrame(body(text), '/recording.cast', endFrameAfterChars);
      expect(await readAll(stream)).toBe(text);
      expect(await frame).toBeUndefined();
    }
  });

  it('errors the text with the URL when the download breaks off, after what had arrived', async () => {
    const text = longLinear();
    const { text: stream, frame } = readForEndFrame(body(text, { breakAfter: 3 }), '/long.cast', endFrameAfterChars);
    const reader = stream.getReader();
    let received = '';
    const reading = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += value;
      }
    })();
    await expect(reading).rejects.toThrow('Could not load the recording /long.cast: the download broke off.');
    expect(received).toBe(text.slice(0, 3 * 64 * 1024)); // ASCII: a byte is a character
    expect(await frame).toBeUndefined();
  });

  it('stops reading the download when the text is cancelled', async () => {
    const source = body(longLinear(), { size: 1024 });
    const { text, frame } = readForEndFrame(source, '/long.cast', endFrameAfterChars);
    await text.cancel();
    expect(await frame).toBeUndefined();
    const pulls = source.pulls;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(source.pulls).toBe(pulls);
    expect(pulls).toBeLessThan(100); // of more than 2,000 pieces
  });
});

describe('fetchRecording asked for the end frame', () => {
  afterEach(() => vi.unstubAllGlobals());

  function serve(text: string, status = 200): typeof fetch {
    return () => Promise.resolve(new Response(status === 200 ? body(text) : null, { status }));
  }

  async function load(text: string, frames: (string | undefined)[]) {
    vi.stubGlobal('fetch', serve(text));
    return fetchRecording('/recording.cast', {
      onEndFrame: (frame) => {
        frames.push(frame);
      },
    });
  }

  it('gives the last frame once the download is in, with most still to parse, and then parses all of it', async () => {
    const text = longLinear();
    const frames: (string | undefined)[] = [];
    const { recording } = await load(text, frames);
    expect(recording).toEqual(parseAsciicast(text));
    expect(frames).toEqual([parsedFrame(text)]);
  });

  it('says once that there is no frame when the output is not linear, or the recording short', async () => {
    for (const path of ['content/recordings/go-hello-world/build-single-stage.cast', 'tests/fixtures/casts/listing.cast']) {
      const text = file(path);
      const frames: (string | undefined)[] = [];
      const { recording } = await load(text, frames);
      expect(recording).toEqual(parseAsciicast(text));
      expect(frames, path).toEqual([undefined]);
    }
  });

  describe('with the end of the file asked for (tail-frame.ts)', () => {
    /** Loads `text` with its end already answered; records the callbacks in order. */
    async function loadWithTail(text: string, options: { download?: Response; drawTail?: () => Promise<void> } = {}) {
      const download = options.download ?? wholeFile(text);
      const tailAnswer = endOfFile(text, tailBytes);
      vi.stubGlobal('fetch', () => Promise.resolve(tailAnswer));
      const tail = requestTail('/recording.cast');
      vi.stubGlobal('fetch', () => Promise.resolve(download));
      const calls: [string, string | undefined][] = [];
      const loaded = await fetchRecording('/recording.cast', {
        tail,
        onTailFrame: (frame) => {
          calls.push(['tail', frame]);
          return options.drawTail?.();
        },
        onEndFrame: (frame) => void calls.push(['whole file', frame]),
      });
      return { ...loaded, calls };
    }

    it('gives the frame read from the end first, then the same frame from the whole file', async () => {
      const text = longLinear();
      const { recording, calls } = await loadWithTail(text);
      expect(recording).toEqual(parseAsciicast(text));
      expect(calls).toEqual([
        ['tail', parsedFrame(text)],
        ['whole file', parsedFrame(text)],
      ]);
    });

    it('lets the whole file correct it: no frame when the start of the file is not linear', async () => {
      const linear = longLinear();
      const text = afterABuild(linear); // not linear at the start
      const { calls } = await loadWithTail(text);
      expect(calls).toEqual([
        ['tail', parsedFrame(linear)],
        ['whole file', undefined],
      ]);
    });

    it('holds the download while the frame from the end is drawn', async () => {
      const text = longLinear();
      const download = wholeFile(text);
      let pullsWhileDrawing = -1;
      await loadWithTail(text, {
        download,
        drawTail: async () => {
          const before = download.body.pulls;
          await new Promise((resolve) => setTimeout(resolve, 20));
          pullsWhileDrawing = download.body.pulls - before;
        },
      });
      expect(pullsWhileDrawing).toBe(0);
      expect(download.body.pulls).toBeGreaterThan(30); // and then read to the end
    });

    it('loads the recording when the answer for the end never comes', async () => {
      const text = longLinear();
      vi.stubGlobal('fetch', () => Promise.resolve(wholeFile(text)));
      const calls: (string | undefined)[] = [];
      const { recording } = await fetchRecording('/recording.cast', {
        tail: new Promise(() => undefined),
        onTailFrame: () => void calls.push('tail'),
        onEndFrame: (frame) => void calls.push(frame),
      });
      expect(recording).toEqual(parseAsciicast(text));
      expect(calls).toEqual([parsedFrame(text)]);
    });

    it('shows no frame from the end of a short download, or of one the server did not size', async () => {
      for (const [what, text, download] of [
        ['short', file('tests/fixtures/casts/listing.cast'), undefined],
        ['no length', longLinear(), new Response(body(longLinear()))],
      ] as const) {
        const { calls } = await loadWithTail(text, download ? { download } : {});
        expect(calls, what).toEqual([['whole file', text.length > endFrameAfterChars ? parsedFrame(text) : undefined]]);
      }
    });
  });

  it('rejects with the URL and status when the server refuses, without calling back', async () => {
    vi.stubGlobal('fetch', serve('', 404));
    const frames: (string | undefined)[] = [];
    await expect(fetchRecording('/missing.cast', { onEndFrame: (frame) => void frames.push(frame) })).rejects.toThrow(
      'Could not load the recording /missing.cast: HTTP 404.',
    );
    expect(frames).toEqual([]);
  });
});
