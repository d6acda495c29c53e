import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAsciicast } from '../asciicast/parse.ts';
import { readForEndFrame } from './end-frame-download.ts';
import { endFrameAfterChars, fetchRecording } from './fetch-recording.ts';
import { buildOutputIndex } from './output-index.ts';

const file = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** A real linear recording (the lab's), its events repeated past 2 MB: long enough for a frame read from its end. */
function longLinear(): string {
  const text = file('content/recordings/go-hello-world/scratch-vs-static.cast');
  const body = text.slice(text.indexOf('\n') + 1);
  // v3 times are intervals, so the repeated lines stay valid.
  return text + body.repeat(Math.ceil(2_200_000 / body.length)).replace(/^\[[0-9.]+/gm, '[0.5');
}

/** The last frame as the full parse gives it (what the player's load() shows). */
function parsedFrame(text: string): string {
  const recording = parseAsciicast(text);
  const { linear, outputBefore } = buildOutputIndex(recording.events);
  return linear.frameAt(recording.events.length, recording.rows, recording.events, outputBefore);
}

/** `text` as a response body in pieces of `size` bytes, failing after `breakAfter` pieces if given; counts reads. */
function body(text: string, options: { size?: number; breakAfter?: number } = {}): ReadableStream<Uint8Array> & { pulls: number } {
  const { size = 64 * 1024, breakAfter } = options;
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (breakAfter !== undefined && stream.pulls === breakAfter) controller.error(new TypeError('network error'));
      else if (offset >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(offset, (offset += size)));
      stream.pulls++;
    },
  }) as ReadableStream<Uint8Array> & { pulls: number };
  stream.pulls = 0;
  return stream;
}

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

  it('rejects with the URL and status when the server refuses, without calling back', async () => {
    vi.stubGlobal('fetch', serve('', 404));
    const frames: (string | undefined)[] = [];
    await expect(fetchRecording('/missing.cast', { onEndFrame: (frame) => void frames.push(frame) })).rejects.toThrow(
      'Could not load the recording /missing.cast: HTTP 404.',
    );
    expect(frames).toEqual([]);
  });
});
