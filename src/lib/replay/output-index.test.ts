import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AsciicastReader, parseAsciicast } from '../asciicast/parse.ts';
import { buildOutputIndex, OutputIndexBuilder } from './output-index.ts';

const text = (name: string): string => readFileSync(new URL(`../../../tests/fixtures/casts/${name}`, import.meta.url), 'utf8');

describe('OutputIndexBuilder', () => {
  it('builds, chunk by chunk while parsing, the same index as in one go', () => {
    for (const name of ['listing-v2.cast', 'listing.cast', 'resize-and-clear.cast']) {
      const source = text(name);
      const whole = buildOutputIndex(parseAsciicast(source).events);
      const reader = new AsciicastReader();
      const builder = new OutputIndexBuilder();
      for (let at = 0; at < source.length; at += 333) {
        reader.push(source.slice(at, at + 333));
        builder.update(reader.eventsSoFar);
      }
      const recording = reader.finish();
      const incremental = builder.finish(recording.events);
      expect(incremental.outputBefore, name).toEqual(whole.outputBefore);
      expect(incremental.linear, name).toEqual(whole.linear);
      expect(incremental.outputBefore.length).toBe(recording.events.length + 1);
    }
  });

  it('counts the output characters before each event, input and markers adding none', () => {
    const { outputBefore } = buildOutputIndex([[0, 'o', 'ab'], [1, 'i', 'xyz'], [2, 'm', 'ls'], [3, 'o', 'cde']]);
    expect([...outputBefore]).toEqual([0, 2, 2, 2, 5]);
  });

  it('finds the linear stretch of a real listing: all of it', () => {
    const recording = parseAsciicast(text('listing-v2.cast'));
    expect(buildOutputIndex(recording.events).linear.eventCount).toBe(recording.events.length);
  });
});
