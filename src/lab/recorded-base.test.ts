import { describe, expect, it } from 'vitest';
import { recordedBase } from './bases.ts';

describe('recordedBase', () => {
  it('keeps provenance and drops the engine image id', () => {
    expect(recordedBase({ image: 'debian:trixie-slim', provenance: 'assembled', assembledFrom: 'Debian trixie', imageId: 'sha256:1' })).toEqual({
      image: 'debian:trixie-slim',
      provenance: 'assembled',
      assembledFrom: 'Debian trixie',
    });
    expect(recordedBase({ image: 'golang:1.24', provenance: 'pulled', digest: 'sha256:abc', imageId: 'sha256:2' })).toEqual({
      image: 'golang:1.24',
      provenance: 'pulled',
      digest: 'sha256:abc',
    });
  });
});
