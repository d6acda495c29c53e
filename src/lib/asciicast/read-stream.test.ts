import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AsciicastParseError } from './model.ts';
import { AsciicastReader, parseAsciicast } from './parse.ts';
import type { Header } from './parse.ts';
import { readAsciicastStream } from './read-stream.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../../tests/fixtures/casts/${name}`, import.meta.url), 'utf8');

/** A byte stream that delivers `bytes` in chunks of the given sizes (cycled), like a slow download. */
function streamOf(bytes: Uint8Array, sizes: number[]): ReadableStream<Uint8Array> {
  let offset = 0;
  let turn = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const size = sizes[turn++ % sizes.length] ?? 1;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

describe('AsciicastReader', () => {
  it('gives the same recording whatever the pieces the text arrives in', () => {
    const text = fixture('resize-and-clear.cast');
    const whole = parseAsciicast(text);
    for (const size of [1, 7, 64, 1000]) {
      const reader = new AsciicastReader();
      for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
      expect(reader.finish()).toEqual(whole);
    }
  });

  it('knows the header as soon as its line is complete', () => {
    const reader = new AsciicastReader();
    reader.push('# made by hand for this test\n{"version":3,"term":{"cols":90');
    expect(reader.header).toBeUndefined();
    reader.push(',"rows":14}}\n[0.1,"o"');
    expect(reader.header).toMatchObject({ version: 3, cols: 90, rows: 14 });
  });

  it('names the line of an error found in a later piece', () => {
    const reader = new AsciicastReader();
    reader.push('{"version":3,"term":{"cols":80,"rows":24}}\n[0.1,"o","a"]\n[0.1,');
    expect(() => reader.push('"o"]\n')).toThrow(expect.objectContaining({ name: 'AsciicastParseError', line: 3 }));
  });
});

describe('readAsciicastStream', () => {
  it('parses a real recording from a byte stream in uneven chunks', async () => {
    const text = fixture('colours.cast');
    const headers: Header[] = [];
    const recording = await readAsciicastStream(streamOf(new TextEncoder().encode(text), [1, 3, 500, 2, 4096]), { onHeader: (header) => headers.push(header) });
    expect(recording).toEqual(parseAsciicast(text));
    expect(headers).toHaveLength(1);
    expect(headers[0]).toMatchObject({ cols: recording.cols, rows: recording.rows });
  });

  it('decodes a UTF-8 character split between two chunks', async () => {
    // The fixtures escape non-ASCII in their JSON, so this input carries raw multi-byte characters itself.
    const text = '{"version":3,"term":{"cols":20,"rows":5}}\n[0.1,"o","é ✓ 𝄞"]\n';
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3]) {
      const recording = await readAsciicastStream(streamOf(bytes, [size]));
      expect(recording.events).toEqual([[100, 'o', 'é ✓ 𝄞']]);
    }
  });

  it('calls back with the header before the rest has arrived', async () => {
    const text = fixture('listing.cast');
    const bytes = new TextEncoder().encode(text);
    let delivered = 0;
    let deliveredAtHeader = -1;
    const counting = streamOf(bytes, [4096]).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          delivered += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
    await readAsciicastStream(counting, { onHeader: () => (deliveredAtHeader = delivered) });
    expect(deliveredAtHeader).toBeGreaterThan(0);
    expect(deliveredAtHeader).toBeLessThan(bytes.length / 4);
  });

  it('rejects with the typed error and its line number, and stops reading', async () => {
    const bytes = new TextEncoder().encode('{"version":3,"term":{"cols":80,"rows":24}}\n[0.1,"o","a"]\nnot json\n[0.1,"o","b"]\n');
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        if (pulls === 1) controller.enqueue(bytes);
        else if (pulls > 50) controller.close();
        else controller.enqueue(new TextEncoder().encode('[0.1,"o","more"]\n'));
      },
    });
    const error = await readAsciicastStream(stream).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AsciicastParseError);
    expect(error).toMatchObject({ line: 3 });
    expect(pulls).toBeLessThan(5);
  });
});

describe('readAsciicastStream with the whole text once downloaded', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands over the whole text once, after the header, and parses the rest when its promise settles', async () => {
    const text = fixture('listing.cast');
    const calls: string[] = [];
    let resumed = false;
    // A fast download keeps the browser busy: it is never idle until the last byte, so nothing is parsed after
    // the header meanwhile (an idle callback that never comes).
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const recording = await readAsciicastStream(streamOf(new TextEncoder().encode(text), [1000, 7, 20_000]), {
      onHeader: () => calls.push('header'),
      onDownloaded: async (whole, parsedChars) => {
        calls.push('downloaded');
        expect(whole).toBe(text);
        expect(parsedChars).toBeLessThan(text.length / 2);
        await new Promise((resolve) => setTimeout(resolve, 5));
        resumed = true;
      },
    });
    expect(recording).toEqual(parseAsciicast(text));
    expect(calls[0]).toBe('header');
    expect(calls).toEqual(['header', 'downloaded']);
    expect(resumed).toBe(true);
  });

  it('waits for idle time to parse while the download goes on (where the browser says when it is idle)', async () => {
    const idleCalls: number[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => {
      idleCalls.push(1);
      return setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 10 }), 1) as unknown as number;
    });
    vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
    const text = fixture('listing.cast');
    const bytes = new TextEncoder().encode(text);
    // A slow download: a piece every 2 ms, so parsing goes on in the idle time between pieces.
    let offset = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        if (offset >= bytes.length) controller.close();
        else controller.enqueue(bytes.slice(offset, (offset += 4096)));
      },
    });
    const texts: string[] = [];
    let leftAtTheEnd = -1;
    const recording = await readAsciicastStream(slow, {
      onText: (piece) => texts.push(piece),
      onDownloaded: (whole, parsedChars) => {
        leftAtTheEnd = whole.length - parsedChars;
      },
    });
    expect(recording).toEqual(parseAsciicast(text));
    expect(texts.join('')).toBe(text);
    expect(idleCalls.length).toBeGreaterThan(3);
    // Parsing kept up with the slow download: little or nothing was left when the last byte came in.
    expect(leftAtTheEnd).toBeLessThan(text.length / 2);
  });
});
