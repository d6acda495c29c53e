import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readTar } from './tar-reader.ts';

/** A minimal ustar header block for tests. */
function header(name: string, options: { type?: string; size?: number; mode?: number; link?: string } = {}): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 'utf8');
  block.write(((options.mode ?? 0o644).toString(8)).padStart(7, '0'), 100);
  block.write(((options.size ?? 0).toString(8)).padStart(11, '0'), 124);
  block.write(options.type ?? '0', 156);
  if (options.link) block.write(options.link, 157);
  block.write('ustar\u000000', 257);
  return block;
}

function body(text: string): Buffer {
  const data = Buffer.from(text);
  return Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

function paxBody(records: Record<string, string>): Buffer {
  const text = Object.entries(records)
    .map(([key, value]) => {
      const record = ` ${key}=${value}\n`;
      let length = record.length + 1;
      if (String(length).length + record.length !== length) length = String(length + 1).length + record.length;
      return `${length}${record}`;
    })
    .join('');
  return body(text);
}

describe('readTar', () => {
  it('lists files, directories and symlinks and keeps the contents asked for', async () => {
    const archive = Buffer.concat([
      header('./etc/', { type: '5', mode: 0o755 }),
      header('./etc/passwd', { size: 5 }),
      body('root\n'),
      header('./bin', { type: '2', link: 'usr/bin' }),
      header('./usr/bin/su', { mode: 0o4755, size: 2 }),
      body('su'),
      Buffer.alloc(1024),
    ]);
    // Feed it in awkward chunks to exercise the streaming.
    const chunks = [archive.subarray(0, 700), archive.subarray(700, 1500), archive.subarray(1500)];
    const { entries, contents } = await readTar(Readable.from(chunks), (file) => file === '/etc/passwd');
    expect(entries.map((entry) => [entry.path, entry.type, entry.mode.toString(8), entry.linkTarget])).toEqual([
      ['/etc', 'directory', '755', ''],
      ['/etc/passwd', 'file', '644', ''],
      ['/bin', 'symlink', '644', 'usr/bin'],
      ['/usr/bin/su', 'file', '4755', ''],
    ]);
    expect(contents.get('/etc/passwd')?.toString()).toBe('root\n');
    expect(contents.has('/usr/bin/su')).toBe(false);
  });

  it('uses PAX path records for long names', async () => {
    const long = `./${'a'.repeat(120)}/file`;
    const pax = paxBody({ path: long });
    const archive = Buffer.concat([header('./PaxHeaders/x', { type: 'x', size: pax.length }), pax, header('./short', { size: 0 }), Buffer.alloc(1024)]);
    const { entries } = await readTar(Readable.from([archive]), () => false);
    expect(entries.map((entry) => entry.path)).toEqual([`/${'a'.repeat(120)}/file`]);
  });
});
