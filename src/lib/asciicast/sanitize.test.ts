import { readFileSync } from 'node:fs';
import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { parseAsciicast } from './parse.ts';
import { OutputSanitizer, isSafeOsc, sanitizeOutput } from './sanitize.ts';

const ESC = '\u001b';

describe('sanitizeOutput', () => {
  it('passes plain text and ordinary escape sequences through unchanged', () => {
    const text = `${ESC}[1;32mgreen${ESC}[0m\r\n${ESC}[2J${ESC}[H${ESC}7${ESC}8 done`;
    expect(sanitizeOutput(text)).toBe(text);
  });

  it('drops OSC 52 clipboard writes, BEL- or ST-terminated, 7- or 8-bit', () => {
    expect(sanitizeOutput(`a${ESC}]52;c;aGk=\u0007b`)).toBe('ab');
    expect(sanitizeOutput(`a${ESC}]52;c;aGk=${ESC}\\b`)).toBe('ab');
    expect(sanitizeOutput(`a\u009d52;c;aGk=\u009cb`)).toBe('ab');
  });

  it('keeps http(s) links and drops other link targets, keeping their text', () => {
    expect(sanitizeOutput(`${ESC}]8;;https://example.org/${ESC}\\web${ESC}]8;;${ESC}\\`)).toBe(
      `${ESC}]8;;https://example.org/${ESC}\\web${ESC}]8;;${ESC}\\`,
    );
    expect(sanitizeOutput(`${ESC}]8;;file:///etc/passwd\u0007file${ESC}]8;;\u0007`)).toBe(`file${ESC}]8;;${ESC}\\`);
    expect(sanitizeOutput(`${ESC}]8;;javascript:alert(1)\u0007x`)).toBe('x');
    expect(isSafeOsc('8;id=1;HTTP://A.B/c')).toBe(true);
    expect(isSafeOsc('8;;https://a b')).toBe(false);
  });

  it('keeps window titles and drops other OSCs such as palette changes', () => {
    expect(sanitizeOutput(`${ESC}]0;title\u0007x`)).toBe(`${ESC}]0;title${ESC}\\x`);
    expect(sanitizeOutput(`${ESC}]4;1;rgb:ff/00/00\u0007x`)).toBe('x');
    expect(sanitizeOutput(`${ESC}]1337;File=inline=1:AAAA\u0007x`)).toBe('x');
  });

  it('drops DCS, SOS, PM and APC strings whole', () => {
    expect(sanitizeOutput(`a${ESC}P1;2|payload${ESC}\\b${ESC}_apc${ESC}\\c${ESC}^pm${ESC}\\d${ESC}Xsos${ESC}\\e`)).toBe('abcde');
    expect(sanitizeOutput('a\u0090q#0;2;0;0;0\u009cb')).toBe('ab');
  });

  it('ends a string at a bare ESC and reads what follows as a new sequence', () => {
    expect(sanitizeOutput(`a${ESC}Pdata${ESC}[31mred`)).toBe(`a${ESC}[31mred`);
  });

  it('drops an OSC that grows without end instead of buffering it', () => {
    expect(sanitizeOutput(`${ESC}]0;${'x'.repeat(10_000)}\u0007after`)).toBe('after');
  });

  it('holds a sequence split across chunks until it is complete', () => {
    const sanitizer = new OutputSanitizer();
    const pieces = ['a', ESC, ']5', '2;c;aG', 'k=', ESC, '\\b', ESC, '[1m', 'c'];
    expect(pieces.map((piece) => sanitizer.write(piece)).join('')).toBe(`ab${ESC}[1mc`);
  });

  it('neutralises the real hostile recording so xterm sees no clipboard request and no file link', async () => {
    const recording = parseAsciicast(readFileSync(new URL('../../../tests/fixtures/casts/hostile.cast', import.meta.url), 'utf8'));
    const sanitizer = new OutputSanitizer();
    const output = recording.events.filter(([, code]) => code === 'o').map(([, , data]) => sanitizer.write(data)).join('');
    // The shell echoes the typed command as printable text (\\033…), so look for the real ESC byte.
    expect(output).not.toContain(`${ESC}]52;`);
    expect(output).not.toContain(`${ESC}]8;;file:`);
    expect(output).not.toContain(`${ESC}P1;2|payload`);
    expect(output).toContain(`${ESC}]8;;https://example.org/`);

    const terminal = new Terminal({ cols: recording.cols, rows: recording.rows, allowProposedApi: true });
    const oscs: number[] = [];
    for (const id of [8, 52]) terminal.parser.registerOscHandler(id, () => { oscs.push(id); return false; });
    let dcs = 0;
    terminal.parser.registerDcsHandler({ final: '|' }, () => { dcs++; return false; });
    await new Promise<void>((resolve) => terminal.write(output, resolve));
    expect(oscs.filter((id) => id === 52)).toEqual([]);
    expect(oscs.filter((id) => id === 8).length).toBe(3); // open https, close, close (the file: opener is gone)
    expect(dcs).toBe(0);
    const text = Array.from({ length: terminal.buffer.active.length }, (_, row) => terminal.buffer.active.getLine(row)?.translateToString(true) ?? '').join('\n');
    expect(text).toContain('clipboard');
    expect(text).toContain('web file');
    expect(text).toContain('abcd');
    terminal.dispose();
  });
});
