import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseImagesOf } from './dockerfiles.ts';

describe('baseImagesOf', () => {
  it('lists pulled images, not stage names or scratch', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dockerfile-')), 'Dockerfile');
    writeFileSync(file, 'FROM golang:1.24-trixie AS build\nRUN true\nFROM build AS again\nFROM scratch\nfrom gcr.io/distroless/static-debian13:nonroot\n');
    expect(baseImagesOf(file)).toEqual(['golang:1.24-trixie', 'gcr.io/distroless/static-debian13:nonroot']);
  });
});
