import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureMeasurements } from './fixtures/measurements.ts';
import { loadGoMeasurements, loadMeasurements, parseMeasurements } from './measurements.ts';

const nodeFixture = {
  ...fixtureMeasurements,
  exercise: 'node-hello-world',
  environment: { docker: '20.10.24+dfsg1', node: 'v24.21.0', cpus: 2, kernel: '6.1.0' },
  images: { 'single-stage': fixtureMeasurements.images['single-stage'], distroless: fixtureMeasurements.images.distroless },
};

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder per test: the loader caches by file path, so tests must not share one. */
function folderWith(files: Record<string, unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), 'measurements-'));
  folders.push(folder);
  for (const [exercise, document] of Object.entries(files)) writeFileSync(join(folder, `${exercise}.json`), JSON.stringify(document));
  return folder;
}

describe('parseMeasurements', () => {
  it('validates each exercise with its own schema', () => {
    expect(parseMeasurements(fixtureMeasurements, 'go-hello-world', 'go.json').exercise).toBe('go-hello-world');
    expect(parseMeasurements(nodeFixture, 'node-hello-world', 'node.json').environment).toHaveProperty('node', 'v24.21.0');
  });

  it('names the file and the bad fields when a document does not match its exercise\'s schema', () => {
    expect(() => parseMeasurements(nodeFixture, 'go-hello-world', 'content/measurements/go-hello-world.json')).toThrow(
      /content\/measurements\/go-hello-world\.json does not match .*environment/,
    );
    expect(() => parseMeasurements(fixtureMeasurements, 'node-hello-world', 'n.json')).toThrow(/n\.json does not match .*exercise/);
  });

  it('refuses an exercise without a schema, naming it', () => {
    expect(() => parseMeasurements(fixtureMeasurements, 'rust-hello-world', 'r.json')).toThrow(/no measurements schema for exercise "rust-hello-world"/);
  });
});

describe('loadMeasurements', () => {
  it('reads the committed measurements of both exercises with their own schemas', () => {
    const go = loadMeasurements('go-hello-world');
    expect(go?.exercise).toBe('go-hello-world');
    expect(go?.environment).toHaveProperty('go');
    const node = loadMeasurements('node-hello-world');
    expect(node?.exercise).toBe('node-hello-world');
    expect(Object.keys(node?.images ?? {}).sort()).toEqual(['distroless', 'single-stage']);
  });

  it('returns undefined while the lab has not written the file', () => {
    expect(loadMeasurements('node-hello-world', folderWith({}))).toBeUndefined();
  });

  it('refuses an exercise without a schema even when no file exists, so a misspelling is not "not measured yet"', () => {
    expect(() => loadMeasurements('rust-hello-world', folderWith({}))).toThrow(/no measurements schema for exercise "rust-hello-world"/);
  });

  it('fails on a file that does not match, naming the field', () => {
    const broken = { ...nodeFixture, environment: { ...nodeFixture.environment, node: '24' } };
    expect(() => loadMeasurements('node-hello-world', folderWith({ 'node-hello-world': broken }))).toThrow(/node-hello-world\.json does not match .*environment\.node/);
  });

  it('reads a file once', () => {
    const folder = folderWith({ 'node-hello-world': nodeFixture });
    expect(loadMeasurements('node-hello-world', folder)).toBe(loadMeasurements('node-hello-world', folder));
  });
});

describe('loadGoMeasurements', () => {
  it('gives the Go exercise\'s measurements, typed as the Go schema\'s', () => {
    const go = loadGoMeasurements('go-hello-world', '<SizeChart>', folderWith({ 'go-hello-world': fixtureMeasurements }));
    expect(go?.environment.go).toBe('go1.24.4');
    expect(loadGoMeasurements('go-hello-world', '<SizeChart>', folderWith({}))).toBeUndefined();
  });

  it('refuses another exercise\'s measurements, naming the component and the exercise', () => {
    const folder = folderWith({ 'node-hello-world': nodeFixture });
    expect(() => loadGoMeasurements('node-hello-world', '<LayerChart>', folder)).toThrow(/<LayerChart> draws a Go exercise's image variants; "node-hello-world"/);
  });
});
