import { describe, expect, it } from 'vitest';
import { elementsWithAttribute, headingText, splitIntoSlides, textOf } from './slides.ts';

describe('splitIntoSlides', () => {
  it('keeps the intro and starts a slide at each top-level h2', () => {
    const html = '<p>Intro</p><h2 id="one">One</h2><p>a</p><h2 id="two">Two &amp; more</h2><p>b</p>';
    expect(splitIntoSlides(html)).toEqual([
      { heading: undefined, html: '<p>Intro</p>' },
      { heading: 'One', html: '<h2 id="one">One</h2><p>a</p>' },
      { heading: 'Two & more', html: '<h2 id="two">Two &amp; more</h2><p>b</p>' },
    ]);
  });

  it('drops an empty intro', () => {
    expect(splitIntoSlides('\n<h2>Only</h2><p>x</p>').map((slide) => slide.heading)).toEqual(['Only']);
  });

  it('leaves an h2 nested in a component alone', () => {
    const html = '<h2>A</h2><section class="quiz"><h2>Quiz</h2><p>q</p></section><h2>B</h2>';
    const slides = splitIntoSlides(html);
    expect(slides.map((slide) => slide.heading)).toEqual(['A', 'B']);
    expect(slides[0]?.html).toContain('<h2>Quiz</h2>');
  });

  it('is not fooled by void elements, self-closing tags, comments, scripts or ">" in attributes', () => {
    const html = [
      '<h2>A</h2><img src="x.png" alt="a > b"><br><input value="1"/>',
      '<!-- <div> --><script>if (a < b) document.write("<div>")</script>',
      '<div data-x="<h2>"><p>inside</p></div>',
      '<h2>B</h2>',
    ].join('');
    expect(splitIntoSlides(html).map((slide) => slide.heading)).toEqual(['A', 'B']);
  });

  it('keeps every byte of the input across the slides', () => {
    const html = '<p>x</p><h2>A</h2><pre><span>1</span></pre><h2>B</h2><ul><li>c</li></ul>';
    expect(splitIntoSlides(html).map((slide) => slide.html).join('')).toBe(html);
  });

  it('reads heading text without tags', () => {
    expect(headingText('<h2 id="x">Use <code>FROM scratch</code></h2>')).toBe('Use FROM scratch');
    expect(headingText('<p>none</p>')).toBeUndefined();
  });
});

describe('elementsWithAttribute', () => {
  it('returns the outer HTML of marked elements, nested content included', () => {
    const note = '<aside class="note" data-instructor-note><p>Ask <em>why</em>.</p><div><br></div></aside>';
    const html = `<h2>A</h2><p>x</p>${note}<aside class="other"><p>y</p></aside>`;
    expect(elementsWithAttribute(html, 'data-instructor-note')).toEqual([note]);
  });

  it('does not match an attribute that only starts the same', () => {
    expect(elementsWithAttribute('<div data-instructor-notes="1">x</div>', 'data-instructor-note')).toEqual([]);
  });
});

describe('textOf', () => {
  it('keeps visible text and drops scripts', () => {
    expect(textOf('<h2>Build &amp; run</h2>\n<script>var a = "<p>";</script><p>It   works</p>')).toBe('Build & run It works');
  });
});
