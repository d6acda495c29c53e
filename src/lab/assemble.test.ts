import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootsDir, rootTarPath } from './assemble.ts';
import { baseRecipes } from './base-recipes.ts';
import type { DebianRootRecipe } from './base-recipes.ts';

const debianRoots = baseRecipes.filter((recipe): recipe is DebianRootRecipe => recipe.kind === 'debian-root');

describe('rootTarPath', () => {
  it('names one cached root per recipe, in the roots cache', () => {
    const paths = debianRoots.map((recipe) => rootTarPath(recipe));
    expect(debianRoots.length).toBeGreaterThan(1);
    expect(new Set(paths).size).toBe(paths.length);
    for (const file of paths) expect(path.dirname(file)).toBe(rootsDir);
  });

  it('changes when the recipe changes, so a new package list is bootstrapped afresh', () => {
    const [recipe] = debianRoots;
    if (!recipe) throw new Error('no debian-root recipe');
    expect(rootTarPath({ ...recipe, packages: [...recipe.packages, 'curl'] })).not.toBe(rootTarPath(recipe));
    expect(rootTarPath({ ...recipe })).toBe(rootTarPath(recipe));
  });
});
