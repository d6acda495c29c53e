import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { downloadUrl, exerciseFiles, exerciseZip, languageOf, parseExerciseFilesProps, sortFileNames } from './ExerciseFiles.ts';

function fixtureExercise(): string {
  const root = mkdtempSync(join(tmpdir(), 'exercise-files-'));
  mkdirSync(join(root, 'demo', 'multi-stage'), { recursive: true });
  mkdirSync(join(root, 'demo', 'multi-stage', 'nested'));
  writeFileSync(join(root, 'demo', 'multi-stage', 'go.mod'), 'module example.com/demo\n');
  writeFileSync(join(root, 'demo', 'multi-stage', 'main.go'), 'package main\n');
  writeFileSync(join(root, 'demo', 'multi-stage', 'Dockerfile'), 'FROM scratch\n');
  mkdirSync(join(root, 'demo', 'checks'));
  writeFileSync(join(root, 'demo', 'checks', 'check-image.sh'), '#!/bin/sh\n');
  return root;
}

describe('exercise files', () => {
  it('orders the Dockerfile first, then main.go, go.mod and the rest by name', () => {
    expect(sortFileNames(['go.mod', 'README.md', 'main.go', 'Dockerfile', 'a.txt'])).toEqual(['Dockerfile', 'main.go', 'go.mod', 'a.txt', 'README.md']);
  });
  it('reads a variant folder, flat, with languages', () => {
    const files = exerciseFiles('demo', 'multi-stage', fixtureExercise());
    expect(files.map((file) => [file.name, file.lang, file.path])).toEqual([
      ['Dockerfile', 'dockerfile', 'exercises/demo/multi-stage/Dockerfile'],
      ['main.go', 'go', 'exercises/demo/multi-stage/main.go'],
      ['go.mod', 'text', 'exercises/demo/multi-stage/go.mod'],
    ]);
    expect(languageOf('check-image.sh')).toBe('shellscript');
  });
  it('fails clearly on a missing variant', () => {
    expect(() => exerciseFiles('demo', 'nope', fixtureExercise())).toThrow(/exercises\/demo\/nope\/ does not exist/);
    expect(() => parseExerciseFilesProps({ variant: 'alpine' }, '/p/')).toThrow(/<ExerciseFiles> on \/p\/: variant/);
  });
  it('zips the variant and the checks laid out as in the repository, byte-for-byte reproducibly', () => {
    const root = fixtureExercise();
    const zip = exerciseZip('demo', 'multi-stage', root);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual([
      'demo/checks/check-image.sh',
      'demo/multi-stage/Dockerfile',
      'demo/multi-stage/go.mod',
      'demo/multi-stage/main.go',
    ]);
    expect(strFromU8(entries['demo/multi-stage/Dockerfile'] ?? new Uint8Array())).toBe('FROM scratch\n');
    expect(exerciseZip('demo', 'multi-stage', root)).toEqual(zip);
    expect(downloadUrl('demo', 'multi-stage')).toBe('/downloads/demo-multi-stage.zip');
  });
  it('reads the real exercise', () => {
    const files = exerciseFiles('go-hello-world', 'single-stage');
    expect(files.map((file) => file.name)).toEqual(['Dockerfile', 'main.go', 'go.mod']);
    expect(files[0]?.code).toBe(readFileSync('exercises/go-hello-world/single-stage/Dockerfile', 'utf8'));
  });
});
