import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsciicast } from '../asciicast/parse.ts';
import { renderPoster, renderTranscript } from './poster.ts';

const fixture = (name: string) => parseAsciicast(readFileSync(new URL(`../../../tests/fixtures/casts/${name}`, import.meta.url), 'utf8'));

describe('renderPoster', () => {
  it('renders the last frame as escaped text with palette classes for colours and styles', async () => {
    const poster = await renderPoster(fixture('colours.cast'));
    expect(poster.text.split('\n').at(-1)).toBe('learner:/$ ');
    expect(poster.text).toContain("ls: cannot access '/no/such/path': No such file or directory");
    // The prompt's "learner" is bold blue (SGR 1;34), the path cyan (36).
    expect(poster.html).toContain('<span class="t-fg-4 t-bold">learner</span>:<span class="t-fg-6">/</span>$');
    expect(poster.html).not.toMatch(/\u001b/);
  });

  it('renders a chosen moment, with green bold and underlined text from the first command', async () => {
    const recording = fixture('colours.cast');
    const poster = await renderPoster(recording, 0); // the end of the first command
    expect(poster.html).toContain('<span class="t-fg-2 t-bold">green bold</span> <span class="t-fg-1">red</span> <span class="t-fg-4 t-underline">underlined blue</span>');
    expect(poster.text).not.toContain('Hello, World!');
  });

  it('stops a poster at the end of a command, before the next one is typed', async () => {
    const poster = await renderPoster(fixture('colours.cast'), 2);
    expect(poster.text.split('\n').slice(-2)).toEqual(['Hello, World!', 'learner:/$ ']);
  });

  it('escapes HTML in terminal text', async () => {
    const recording = parseAsciicast('{"version":3,"term":{"cols":20,"rows":2}}\n[0,"o","<b>&\\"x\\"</b>"]');
    const poster = await renderPoster(recording);
    expect(poster.html).toBe('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
  });

  it('uses the size after the last resize', async () => {
    const poster = await renderPoster(fixture('resize-and-clear.cast'));
    expect([poster.cols, poster.rows]).toEqual([90, 14]);
  });
});

describe('renderTranscript', () => {
  it('keeps every command\'s output in order, even across a clear', async () => {
    const transcript = await renderTranscript(fixture('resize-and-clear.cast'));
    const lines = transcript.split('\n');
    expect(lines[0]).toBe('learner:/$ seq 1 30 | paste - - - - - -');
    expect(lines[1]).toMatch(/^1 +2 +3 +4 +5 +6$/);
    expect(transcript).toContain('learner:/$ clear');
    expect(transcript.indexOf('learner:/$ clear')).toBeLessThan(transcript.indexOf('after a pause'));
    expect(transcript).toContain('90\n14');
    expect(lines.filter((line) => line.startsWith('learner:/$ '))).toHaveLength(5); // one per command: seq, tput, clear, sleep, exit
  });
});
