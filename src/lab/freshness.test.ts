import { describe, expect, it } from 'vitest';
import { readMeta, staleReasons } from './freshness.ts';
import { loadLabFile, stepSha256 } from './lab-file.ts';
import type { LabFile } from './lab-file.ts';

const lab = loadLabFile('go-hello-world');
const step = lab.steps.find((candidate) => candidate.id === 'build-multi-stage');
if (!step) throw new Error('lab.yaml has no build-multi-stage step');

describe('staleReasons', () => {
  it('names a changed input file', () => {
    const meta = readMeta(lab.exercise, step.id);
    if (!meta) throw new Error('no meta');
    const file = 'exercises/go-hello-world/multi-stage/Dockerfile';
    expect(staleReasons(lab, step, { ...meta, inputs: { ...meta.inputs, [file]: '0'.repeat(64) } })).toEqual([`${file} changed`]);
  });

  it('notices a changed step definition', () => {
    const meta = readMeta(lab.exercise, step.id);
    if (!meta) throw new Error('no meta');
    const edited = { ...step, commands: [...step.commands, { run: 'docker images', expect: { exitCode: 0 } }] };
    expect(staleReasons(lab, edited, meta)).toContain('its step in lab.yaml changed');
  });

  it('says when a step was never recorded', () => {
    expect(staleReasons(lab, step, undefined)).toEqual(['it has not been recorded']);
  });

  it('hashes the terminal size into the step', () => {
    const wider: LabFile = { ...lab, terminal: { cols: lab.terminal.cols + 1, rows: lab.terminal.rows } };
    expect(stepSha256(wider, step)).not.toBe(stepSha256(lab, step));
  });
});
