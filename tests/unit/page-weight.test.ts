import { describe, expect, it } from 'vitest';
import { executableScriptsOf, isExecutableScript } from '../support/page-weight.ts';

describe('isExecutableScript', () => {
  it('counts scripts the browser runs: no type, an empty type, module, and JavaScript MIME types', () => {
    for (const attributes of ['', ' type=""', ' type="module"', " type='module' src='/_astro/a.js'", ' type=text/javascript', ' type="Application/JavaScript"', ' type="text/ecmascript"']) {
      expect(isExecutableScript(attributes), attributes).toBe(true);
    }
  });

  it('leaves out data blocks and other non-JavaScript types', () => {
    for (const attributes of [' type="application/json" id="agenda-plan"', ' type="application/ld+json"', ' type="importmap"', ' type="speculationrules"', ' type="text/template"']) {
      expect(isExecutableScript(attributes), attributes).toBe(false);
    }
  });

  it('reads the type attribute itself, not one that ends in "type"', () => {
    expect(isExecutableScript(' data-type="application/json"')).toBe(true);
    expect(isExecutableScript(' data-type="module" type="application/json"')).toBe(false);
  });
});

describe('executableScriptsOf', () => {
  const plan = '<script type="application/json" id="agenda-plan">{"lessons":["a","b"]}</script>';
  const page = [
    '<html><body>',
    plan,
    '<script type="module" src="/_astro/page.js"></script>',
    '<script type="module">import "./chunk.js"; run();</script>',
    '<script>document.documentElement.dataset.theme = "dark";</script>',
    '<script type="text/template"><p>later</p></script>',
    '</body></html>',
  ].join('');

  it('finds only the executable scripts, external and inline', () => {
    const scripts = executableScriptsOf(page, '/course/x/index.html');
    expect(scripts.sources).toEqual(['/_astro/page.js', '/course/x/chunk.js']);
    expect(scripts.inlineBodies).toEqual(['import "./chunk.js"; run();', 'document.documentElement.dataset.theme = "dark";']);
  });

  it('takes only inline executable scripts out of the page, so their share of it excludes JSON data', () => {
    const { htmlWithoutInline } = executableScriptsOf(page, '/index.html');
    expect(htmlWithoutInline).toContain(plan);
    expect(htmlWithoutInline).toContain('<script type="module" src="/_astro/page.js"></script>');
    expect(htmlWithoutInline).toContain('<script type="text/template">');
    expect(htmlWithoutInline).not.toContain('run();');
    expect(htmlWithoutInline).not.toContain('dataset.theme');
  });

  it('finds nothing in a page of data only', () => {
    expect(executableScriptsOf(`<main>${plan}</main>`, '/index.html')).toEqual({ sources: [], inlineBodies: [], htmlWithoutInline: `<main>${plan}</main>` });
  });
});
