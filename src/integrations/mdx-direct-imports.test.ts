import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { barrelExports, importComponentsDirectly } from './mdx-direct-imports.ts';

const barrel = '/site/src/components/mdx/index.ts';
const lesson = '/site/content/lessons/01-chapter/01-lesson.mdx';
const exports = barrelExports(
  `export { default as Cite } from './Cite.astro';\nexport { default as Quiz } from "./Quiz.astro";\nexport type { Thing } from './thing.ts';\n`,
  barrel,
);

describe('barrelExports', () => {
  it('maps each default re-export to its absolute file, and nothing else', () => {
    expect([...exports]).toEqual([
      ['Cite', '/site/src/components/mdx/Cite.astro'],
      ['Quiz', '/site/src/components/mdx/Quiz.astro'],
    ]);
  });

  it('knows every component of the real barrel, each an existing file', () => {
    const realBarrel = fileURLToPath(new URL('../components/mdx/index.ts', import.meta.url));
    const real = barrelExports(readFileSync(realBarrel, 'utf8'), realBarrel);
    expect(real.size).toBe(readFileSync(realBarrel, 'utf8').match(/^export /gm)?.length);
    for (const file of real.values()) expect(existsSync(file), file).toBe(true);
  });
});

describe('importComponentsDirectly', () => {
  it('turns the barrel import into one import per named component', () => {
    const code = `import {Cite, Quiz as Check} from '../../../src/components/mdx/index.ts';\nconst x = 1;`;
    expect(importComponentsDirectly(code, lesson, barrel, exports)).toBe(
      `import Cite from '/site/src/components/mdx/Cite.astro';\nimport Check from '/site/src/components/mdx/Quiz.astro';\nconst x = 1;`,
    );
  });

  it('keeps names the barrel does not re-export as a default on the barrel import', () => {
    const code = `import { Cite, helper } from "../../../src/components/mdx/index.ts";`;
    expect(importComponentsDirectly(code, lesson, barrel, exports)).toBe(
      `import Cite from "/site/src/components/mdx/Cite.astro";\nimport { helper } from "../../../src/components/mdx/index.ts";`,
    );
  });

  it('leaves other imports alone and reports no change when there is no barrel import', () => {
    const code = `import { Fragment } from 'astro/jsx-runtime';\nimport { Cite } from './index.ts';`;
    expect(importComponentsDirectly(code, lesson, barrel, exports)).toBeUndefined();
  });
});
