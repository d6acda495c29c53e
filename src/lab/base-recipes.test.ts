import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recipeFor } from './base-recipes.ts';
import { repoRoot } from './paths.ts';

describe('the distroless nodejs24 stand-in recipe', () => {
  const recipe = recipeFor('gcr.io/distroless/nodejs24-debian13:nonroot');
  const base = recipeFor('gcr.io/distroless/base-debian13');

  it('is the cc image: every base package plus distroless\'s CC_PACKAGES for debian13', () => {
    if (recipe?.kind !== 'distroless' || base?.kind !== 'distroless') throw new Error('missing distroless recipes');
    for (const name of base.packages) expect(recipe.packages).toContain(name);
    for (const name of ['libgomp1', 'libstdc++6', 'libgcc-s1', 'gcc-14-base', 'zlib1g']) expect(recipe.packages).toContain(name);
  });

  it('runs Node as the entrypoint, as nonroot, from where distroless puts it', () => {
    if (recipe?.kind !== 'distroless') throw new Error('missing recipe');
    expect(recipe.config.entrypoint).toEqual(['/nodejs/bin/node']);
    expect(recipe.node?.target).toBe('/nodejs/bin/node');
    expect(recipe.config.user).toBe('65532');
    expect(recipe.debug).toBe(false);
  });

  it('copies the Node release the project pins, and says so in its provenance', () => {
    if (recipe?.kind !== 'distroless') throw new Error('missing recipe');
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(recipe.node?.version).toBe(manifest.devDependencies['node']);
    expect(recipe.summary).toContain(`Node ${manifest.devDependencies['node']}`);
    expect(recipe.summary).toContain('without Node\'s LICENSE file');
  });

  it('leaves the other distroless recipes without a runtime (their hashes, and so their images, stay as they were)', () => {
    for (const image of ['gcr.io/distroless/static-debian13:nonroot', 'gcr.io/distroless/base-debian13']) {
      expect(recipeFor(image)).not.toHaveProperty('node');
    }
  });
});
