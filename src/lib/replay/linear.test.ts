import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsciicast } from '../asciicast/parse.ts';
import type { Recording } from '../asciicast/model.ts';
import { HeadlessSink } from './headless-sink.ts';
import { LinearIndex } from './linear.ts';

const fixture = (name: string): Recording => parseAsciicast(readFileSync(new URL(`../../../tests/fixtures/casts/${name}`, import.meta.url), 'utf8'));

function prefixSums(recording: Recording): Float64Array {
  const sums = new Float64Array(recording.events.length + 1);
  recording.events.forEach(([, code, data], index) => (sums[index + 1] = (sums[index] as number) + (code === 'o' ? data.length : 0)));
  return sums;
}

const written = async (sink: HeadlessSink, text: string): Promise<string> => {
  await new Promise<void>((resolve) => sink.write(text, resolve));
  return sink.snapshot();
};

describe('LinearIndex', () => {
  it('finds a real asciinema v2 listing linear from start to end', () => {
    const recording = fixture('listing-v2.cast');
    expect(LinearIndex.build(recording.events, prefixSums(recording)).eventCount).toBe(recording.events.length);
  });

  it('rebuilds every moment of it exactly, colours included, from the last lines alone', async () => {
    const recording = fixture('listing-v2.cast');
    const sums = prefixSums(recording);
    const index = LinearIndex.build(recording.events, sums);
    const full = new HeadlessSink(recording.cols, recording.rows);
    for (let count = 0; count <= recording.events.length; count++) {
      const expected = await written(full, count === 0 ? '' : (recording.events[count - 1] as Recording['events'][number])[2]);
      const frame = index.frameAt(count, recording.rows, recording.events, sums);
      const fresh = new HeadlessSink(recording.cols, recording.rows);
      expect(await written(fresh, frame), `after ${count} events`).toBe(expected);
      expect(fresh.screenText()).toEqual(full.screenText());
      // Far less is written than replaying from the start.
      if (count > 40) expect(frame.length).toBeLessThan((sums[count] as number) / 2);
      fresh.dispose();
    }
  });

  it('rebuilds the scrollback too when asked for the screen plus the scrollback\'s lines', async () => {
    const recording = fixture('listing-v2.cast');
    const sums = prefixSums(recording);
    const index = LinearIndex.build(recording.events, sums);
    const scrollback = 12;
    const full = new HeadlessSink(recording.cols, recording.rows, scrollback);
    let checked = 0;
    for (let count = 0; count <= recording.events.length; count++) {
      await written(full, count === 0 ? '' : (recording.events[count - 1] as Recording['events'][number])[2]);
      if (count % 7 !== 0 && count !== recording.events.length) continue;
      const fresh = new HeadlessSink(recording.cols, recording.rows, scrollback);
      await written(fresh, index.frameAt(count, recording.rows + scrollback, recording.events, sums));
      expect(fresh.bufferText(), `after ${count} events`).toEqual(full.bufferText());
      if (full.terminal.buffer.active.baseY === scrollback) checked++;
      fresh.dispose();
    }
    expect(checked).toBeGreaterThan(5); // moments with the scrollback full, not only short beginnings
  });

  it('stops at the first escape that changes the screen otherwise, at a resize, and at a bare line feed', () => {
    const build = (events: Recording['events']) => LinearIndex.build(events, prefixSums({ events } as Recording)).eventCount;
    expect(build([[0, 'o', 'a\r\n'], [1, 'o', '\u001b[1;31mred\u001b[0m\u001b[K\r\n'], [2, 'o', '\u001b[2A'], [3, 'o', 'x']])).toBe(2);
    expect(build([[0, 'o', 'a\r\n'], [1, 'r', '100x30'], [2, 'o', 'b']])).toBe(1);
    expect(build([[0, 'o', 'a\r'], [1, 'o', '\nb\r\n'], [2, 'o', 'c\nd']])).toBe(2);
    // Input-only modes and the cursor's visibility keep it linear; the alternate screen, scroll regions do not.
    expect(build([[0, 'o', '\u001b[?2004h$ '], [1, 'o', '\u001b[?1h\u001b=\u001b[?25l'], [2, 'o', '\u001b[?1049h']])).toBe(2);
    expect(build([[0, 'o', '\u001b[?2004l\r'], [1, 'o', '\u001b[1;10r']])).toBe(1);
    expect(build([[0, 'o', '\u001b[?2004'], [1, 'o', 'h']])).toBe(0); // a sequence split across events
  });

  it('rebuilds every moment of a shell session, bracketed paste at each prompt, from its last lines', async () => {
    // A real bash session (node-pty, record-fixtures.ts): the prompt turns bracketed paste on and off.
    const recording = fixture('colours.cast');
    const sums = prefixSums(recording);
    const index = LinearIndex.build(recording.events, sums);
    expect(index.eventCount).toBe(recording.events.length);
    const scrollback = 20;
    const full = new HeadlessSink(recording.cols, recording.rows, scrollback);
    // One terminal for the rebuilt moments, reset before each as the player does.
    const fresh = new HeadlessSink(recording.cols, recording.rows, scrollback);
    let withScrollback = 0;
    for (let count = 1; count <= recording.events.length; count++) {
      const [, code, data] = recording.events[count - 1] as Recording['events'][number];
      if (code !== 'o') continue;
      await written(full, data);
      fresh.reset();
      await written(fresh, index.frameAt(count, recording.rows + scrollback, recording.events, sums));
      expect(fresh.screenSnapshot(), `after ${count} events`).toBe(full.screenSnapshot());
      expect(fresh.bufferText(), `scrollback after ${count} events`).toEqual(full.bufferText());
      expect(fresh.cursorHidden).toBe(full.cursorHidden);
      if (full.terminal.buffer.active.baseY > 0) withScrollback++;
    }
    expect(withScrollback).toBeGreaterThan(50);
  }, 20_000);

  it('keeps a hidden cursor hidden in a rebuilt moment', async () => {
    const events: Recording['events'] = [[0, 'o', 'one\r\n\u001b[?25l'], [1, 'o', 'two\r\nthree\r\n'], [2, 'o', 'four\r\n\u001b[?25h']];
    const sums = prefixSums({ events } as Recording);
    const index = LinearIndex.build(events, sums);
    expect(index.eventCount).toBe(3);
    const hiddenAt = async (count: number): Promise<boolean> => {
      const sink = new HeadlessSink(10, 2);
      await written(sink, index.frameAt(count, 2, events, sums));
      return sink.cursorHidden;
    };
    expect([await hiddenAt(1), await hiddenAt(2), await hiddenAt(3)]).toEqual([true, true, false]);
  });
});
