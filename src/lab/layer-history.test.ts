import { describe, expect, it } from 'vitest';
import { markBaseEntries, parseDockerHistory } from './layer-history.ts';

// Two lines as Docker 20.10 prints them for the static nonroot image (newest first).
const printed = [
  '{"Comment":"buildkit.dockerfile.v0","CreatedAt":"2026-11-27T18:00:46Z","CreatedBy":"ENTRYPOINT [\\"/usr/local/bin/hello\\"]","ID":"sha256:aae2","Size":"0"}',
  '{"Comment":"buildkit.dockerfile.v0","CreatedAt":"2026-11-27T18:00:46Z","CreatedBy":"COPY /out/hello /usr/local/bin/hello # buildkit","ID":"\\u003cmissing\\u003e","Size":"1425592"}',
  '{"Comment":"Imported from -","CreatedAt":"2026-11-27T17:56:30Z","CreatedBy":"","ID":"\\u003cmissing\\u003e","Size":"2290000"}',
  '',
].join('\n');

describe('parseDockerHistory', () => {
  it('turns the newest-first lines into build order with byte sizes', () => {
    expect(parseDockerHistory(printed)).toEqual([
      { createdBy: '', comment: 'Imported from -', sizeBytes: 2_290_000 },
      { createdBy: 'COPY /out/hello /usr/local/bin/hello # buildkit', comment: 'buildkit.dockerfile.v0', sizeBytes: 1_425_592 },
      { createdBy: 'ENTRYPOINT ["/usr/local/bin/hello"]', comment: 'buildkit.dockerfile.v0', sizeBytes: 0 },
    ]);
  });

  it('refuses human-readable sizes and empty output', () => {
    expect(() => parseDockerHistory('{"Comment":"","CreatedBy":"COPY x","Size":"1.43MB"}')).toThrow(/--human=false/);
    expect(() => parseDockerHistory('\n')).toThrow(/printed nothing/);
  });
});

describe('markBaseEntries', () => {
  const base = [{ createdBy: '', comment: 'Imported from -', sizeBytes: 2_290_000 }];
  const image = parseDockerHistory(printed);

  it('marks the leading entries that match the base image\'s history', () => {
    expect(markBaseEntries(image, base).map((entry) => entry.fromBase)).toEqual([true, false, false]);
  });

  it('marks nothing for FROM scratch', () => {
    expect(markBaseEntries(image.slice(1), undefined).map((entry) => entry.fromBase)).toEqual([false, false]);
  });

  it('refuses a base whose history is not the start of the image\'s', () => {
    expect(() => markBaseEntries(image, [{ ...base[0]!, sizeBytes: 1 }])).toThrow(/not the base's/);
  });
});
