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

  it('reads text already decoded (a download read for its last frame hands on strings)', async () => {
    const text = fixture('colours.cast');
    const pieces = [text.slice(0, 10), text.slice(10, 700), text.slice(700)];
    const stream = new ReadableStream<string>({
      pull(controller) {
        const piece = pieces.shift();
        if (piece === undefined) controller.close();
        else controller.enqueue(piece);
      },
    });
    expect(await readAsciicastStream(stream)).toEqual(parseAsciicast(text));
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

describe('readAsciicastStream, told when the download is in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says once, after the header, how much is parsed of how much, and parses the rest when its promise settles', async () => {
    const text = fixture('listing.cast');
    const calls: string[] = [];
    let resumed = false;
    // A fast download keeps the browser busy: it is never idle until the last byte, so nothing is parsed after
    // the header meanwhile (an idle callback that never comes).
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const recording = await readAsciicastStream(streamOf(new TextEncoder().encode(text), [1000, 7, 20_000]), {
      onHeader: () => calls.push('header'),
      onDownloaded: async (parsedChars, totalChars) => {
        calls.push('downloaded');
        expect(totalChars).toBe(text.length);
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
    let leftAtTheEnd = -1;
    const recording = await readAsciicastStream(slow, {
      onDownloaded: (parsedChars, totalChars) => {
        leftAtTheEnd = totalChars - parsedChars;
      },
    });
    expect(recording).toEqual(parseAsciicast(text));
    expect(idleCalls.length).toBeGreaterThan(3);
    // Parsing kept up with the slow download: little or nothing was left when the last byte came in.
    expect(leftAtTheEnd).toBeLessThan(text.length / 2);
  });
});

describe('readAsciicastStream holding parsing back while downloading', () => {
  /** `text` in pieces of 2 kB, one every 2 ms. */
  function slowly(text: string): ReadableStream<Uint8Array> {
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        if (offset >= bytes.length) controller.close();
        else controller.enqueue(bytes.slice(offset, (offset += 2048)));
      },
    });
  }

  it('parses nothing past the header for that long, then keeps up with the download', async () => {
    const text = fixture('listing.cast');
    const start = performance.now();
    const parsed: { at: number; events: number }[] = [];
    let leftAtTheEnd = -1;
    const recording = await readAsciicastStream(
      slowly(text),
      {
        onEvents: (events) => void parsed.push({ at: performance.now() - start, events: events.length }),
        onDownloaded: (parsedChars, totalChars) => {
          leftAtTheEnd = totalChars - parsedChars;
        },
      },
      { holdParsingMs: 40 },
    );
    expect(recording).toEqual(parseAsciicast(text));
    expect(text.length / 2048).toBeGreaterThan(50); // the download lasts over 100 ms
    // The first piece is parsed at once (its header line sizes the terminal), the next ones only after the hold.
    const first = parsed[0] as (typeof parsed)[number];
    expect(first.at).toBeLessThan(39);
    expect(parsed.filter(({ at }) => at < 39).map(({ events }) => events)).toEqual([first.events]);
    expect(parsed.length).toBeGreaterThan(2);
    expect(leftAtTheEnd).toBeLessThan(text.length / 2); // parsed meanwhile, after the hold
  });

  it('holds back all but the header line of a recording that arrives in one piece', async () => {
    const text = fixture('listing.cast');
    let parsedAtTheEnd = -1;
    const recording = await readAsciicastStream(streamOf(new TextEncoder().encode(text), [text.length]), {
      onDownloaded: (parsedChars) => void (parsedAtTheEnd = parsedChars),
    }, { holdParsingMs: 60_000 });
    expect(recording).toEqual(parseAsciicast(text));
    expect(parsedAtTheEnd).toBe(text.indexOf('\n') + 1);
  });

  it('stops holding back as soon as the download ends', async () => {
    const text = fixture('listing.cast');
    const start = performance.now();
    const recording = await readAsciicastStream(streamOf(new TextEncoder().encode(text), [65_536]), {}, { holdParsingMs: 60_000 });
    expect(recording).toEqual(parseAsciicast(text));
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
