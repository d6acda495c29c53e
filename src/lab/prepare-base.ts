// Makes any base image an exercise's Dockerfiles name present. node:24-trixie-slim has a stand-in of its own
// (site-image/node-base.ts: a Dockerfile over the debian:trixie-slim stand-in with Node's official binary);
// every other image is pulled, or assembled from its recipe (bases.ts, base-recipes.ts).
import { ensureBase } from './bases.ts';
import type { BaseImage, BasesMode } from './bases.ts';
import { ensureNodeBase, NODE_IMAGE } from './site-image/node-base.ts';

export async function prepareBase(image: string, mode: BasesMode, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<BaseImage> {
  return image === NODE_IMAGE ? ensureNodeBase(mode, env, log) : ensureBase(image, mode, env, log);
}
