import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { forbiddenInlineCode, hashSource, inlineScripts, pagePolicy, withPolicyMeta } from './content-security-policy.ts';

const page = (head: string, body = '') => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('inlineScripts', () => {
  it('finds inline classic and module scripts, not external or data blocks', () => {
    const html = page(
      '<script>a()</script><script type="module">import "/x.js"</script><script src="/y.js"></script>',
      '<script type="application/ld+json">{"a":1}</script><script type="application/json">[]</script>',
    );
    expect(inlineScripts(html)).toEqual(['a()', 'import "/x.js"']);
  });
});

describe('hashSource', () => {
  it('is the base64 sha256 of the exact text, as browsers compute it', () => {
    const body = '\n  (() => {})();\n';
    expect(hashSource(body)).toBe(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    expect(hashSource(body)).not.toBe(hashSource(body.trim()));
  });
});

describe('pagePolicy', () => {
  it('allows exactly the given scripts and never unsafe-inline for scripts', () => {
    const policy = pagePolicy(['a()', 'b()', 'a()']);
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? '';
    expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' ${[hashSource('a()'), hashSource('b()')].sort().join(' ')}`);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("default-src 'self'");
    // Ignored (and complained about) in a meta policy: it belongs in the HTTP headers.
    expect(policy).not.toContain('frame-ancestors');
  });
});

describe('withPolicyMeta', () => {
  it('puts the policy right after <meta charset>, before any script', () => {
    const html = withPolicyMeta(page('<script>a()</script>'), "default-src 'self'");
    expect(html).toContain(`<meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'"><script>`);
  });
  it('refuses a page that already has a policy', () => {
    expect(() => withPolicyMeta(withPolicyMeta(page(''), 'a'), 'b')).toThrow(/already/);
  });
});

describe('forbiddenInlineCode', () => {
  it('reports event handler attributes and javascript: URLs, not text inside scripts', () => {
    expect(forbiddenInlineCode(page('', '<button onclick="x()">x</button><a href="javascript:void 0">y</a>'))).toEqual([
      'onclick attribute',
      'javascript: URL',
    ]);
    expect(forbiddenInlineCode(page('<script>el.innerHTML = "<b onclick=\'x\'>"</script>'))).toEqual([]);
  });
});
