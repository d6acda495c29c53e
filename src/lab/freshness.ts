// Is a committed recording still what `npm run lab` would record now? It is when its meta's input
// hashes and step hash match the current exercise files and lab.yaml.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { anyRecordingMetaSchema } from '../schemas/recording-meta.ts';
import type { AnyRecordingMeta } from '../schemas/recording-meta.ts';
import { stepInputHashes, stepSha256 } from './lab-file.ts';
import type { LabFile, LabStep } from './lab-file.ts';
import { recordingsDir } from './paths.ts';

export function castPath(exercise: string, step: string): string {
  return path.join(recordingsDir, exercise, `${step}.cast`);
}

export function metaPath(exercise: string, step: string): string {
  return path.join(recordingsDir, exercise, `${step}.meta.json`);
}

export function readMeta(exercise: string, step: string): AnyRecordingMeta | undefined {
  const file = metaPath(exercise, step);
  if (!existsSync(file)) return undefined;
  return anyRecordingMetaSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Why the step's recording is stale, or an empty list when it is current. */
export function staleReasons(lab: LabFile, step: LabStep, meta: AnyRecordingMeta | undefined): string[] {
  if (!meta) return ['it has not been recorded'];
  if (!existsSync(castPath(lab.exercise, step.id))) return ['its .cast file is missing'];
  const reasons: string[] = [];
  if (meta.stepsSha256 !== stepSha256(lab, step)) reasons.push('its step in lab.yaml changed');
  const current = stepInputHashes(lab.exercise, step);
  for (const [file, hash] of Object.entries(current)) {
    if (meta.inputs[file] === undefined) reasons.push(`${file} is new`);
    else if (meta.inputs[file] !== hash) reasons.push(`${file} changed`);
  }
  for (const file of Object.keys(meta.inputs)) {
    if (current[file] === undefined) reasons.push(`${file} is gone`);
  }
  return reasons;
}
