import { describe, expect, it } from 'vitest';
import { posterMarkerIndex, provenanceLine } from './terminal-replay.ts';

const markers = [
  { eventIndex: 1, timeMs: 10, label: 'docker build -t hello .' },
  { eventIndex: 5, timeMs: 90, label: 'docker run --rm hello' },
];

describe('posterMarkerIndex', () => {
  it('takes an index or the start of a command', () => {
    expect(posterMarkerIndex(markers, undefined)).toBeUndefined();
    expect(posterMarkerIndex(markers, 1)).toBe(1);
    expect(posterMarkerIndex(markers, 'docker run')).toBe(1);
  });

  it('names the commands when nothing matches', () => {
    expect(() => posterMarkerIndex(markers, 'docker push')).toThrow(/0: docker build -t hello \.; 1: docker run --rm hello/);
    expect(() => posterMarkerIndex(markers, 7)).toThrow(/matches no command/);
  });
});

describe('provenanceLine', () => {
  it('states date, Docker and how each base image was obtained', () => {
    const line = provenanceLine({
      recordedAt: '2026-11-27T16:40:00Z',
      docker: { client: '20.10.24', server: '20.10.24+dfsg1' },
      go: 'go1.24.4',
      baseImages: [
        { image: 'gcr.io/distroless/static-debian13:nonroot', provenance: 'pulled', digest: 'sha256:0123456789abcdef0123' },
        { image: 'golang:1.24', provenance: 'assembled', assembledFrom: 'Debian trixie packages: golang-1.24' },
      ],
    });
    expect(line).toBe(
      'Recorded 27 November 2026 · Docker 20.10.24+dfsg1 · go1.24.4 · gcr.io/distroless/static-debian13:nonroot pulled (sha256:0123456789ab) · golang:1.24 assembled locally from Debian trixie packages: golang-1.24, not pulled',
    );
  });

  it('names the Node.js version of a Node.js exercise', () => {
    const line = provenanceLine({ recordedAt: '2026-11-28T00:00:00Z', docker: { server: '20.10.24+dfsg1' }, node: 'v24.21.0' });
    expect(line).toBe('Recorded 28 November 2026 · Docker 20.10.24+dfsg1 · Node.js v24.21.0');
  });

  it('gives nothing for a missing or empty meta', () => {
    expect(provenanceLine(undefined)).toBeUndefined();
    expect(provenanceLine({})).toBeUndefined();
  });
});
