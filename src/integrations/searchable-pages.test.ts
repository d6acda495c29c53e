import { expect, it } from 'vitest';
import { htmlForIndex, isSearchable } from './searchable-pages.ts';

it('indexes the course and the self-checks, not tools, the landing page or 404', () => {
  expect(isSearchable('course/index.html')).toBe(true);
  expect(isSearchable('course/why-it-matters/index.html')).toBe(true);
  expect(isSearchable('course/why-it-matters/introduction/index.html')).toBe(true);
  expect(isSearchable('self-check/security/index.html')).toBe(true);
  expect(isSearchable('self-check/index.html')).toBe(false);
  expect(isSearchable('index.html')).toBe(false);
  expect(isSearchable('404.html')).toBe(false);
  expect(isSearchable('replay/index.html')).toBe(false);
  expect(isSearchable('review/index.html')).toBe(false);
});

it('gives Pagefind the quiz text it would skip, and keeps the summary apart from what follows', () => {
  const html = '<main><form id="q"><fieldset><legend>Which base?</legend><label for="a">distroless</label><p>why</p></fieldset></form><details><summary>Transcript</summary>$ ls</details></main>';
  expect(htmlForIndex(html)).toBe(
    '<main><div id="q"><fieldset><legend>Which base?</legend><div for="a">distroless</div><p>why</p></fieldset></div><details><summary>Transcript</summary> $ ls</details></main>',
  );
  expect(htmlForIndex('<formula>x</formula>')).toBe('<formula>x</formula>');
});
