// A streaming reader for the tar archives `docker export` writes (ustar, with GNU long names and
// PAX headers): it reports each entry's path, type, mode and link target, and keeps the contents of
// the few small files the caller asks for.
import type { Readable } from 'node:stream';

export interface TarEntry {
  /** Absolute path inside the image, without a trailing slash. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  size: number;
  linkTarget: string;
}

const BLOCK = 512;

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function octal(header: Buffer, start: number, length: number): number {
  // Large sizes use GNU's base-256 form (high bit set).
  if ((header[start] ?? 0) & 0x80) {
    let value = 0;
    for (let index = start + 1; index < start + length; index++) value = value * 256 + (header[index] ?? 0);
    return value;
  }
  const text = field(header, start, length).trim();
  return text ? Number.parseInt(text, 8) : 0;
}

function typeOf(flag: string): TarEntry['type'] {
  if (flag === '0' || flag === '' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  if (flag === '1') return 'hardlink';
  return 'other';
}

function normalise(name: string): string {
  const trimmed = name.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
  return `/${trimmed}`;
}

function parsePax(body: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number.parseInt(body.subarray(offset, space).toString('utf8'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals !== -1) records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}

/**
 * Reads a whole tar stream. `keep` decides which regular files' contents to return (keep them small).
 */
export async function readTar(
  stream: Readable,
  keep: (path: string) => boolean,
): Promise<{ entries: TarEntry[]; contents: Map<string, Buffer> }> {
  const entries: TarEntry[] = [];
  const contents = new Map<string, Buffer>();
  let buffer: Buffer = Buffer.alloc(0);
  // State of the entry whose body is being read.
  let bodyRemaining = 0;
  let paddingRemaining = 0;
  let bodyChunks: Buffer[] | undefined;
  let bodyKind: 'keep' | 'longname' | 'longlink' | 'pax' | 'skip' = 'skip';
  let bodyPath = '';
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  let ended = false;

  function finishBody(): void {
    const body = Buffer.concat(bodyChunks ?? []);
    if (bodyKind === 'keep') contents.set(bodyPath, body);
    else if (bodyKind === 'longname') longName = body.toString('utf8').replace(/\0+$/, '');
    else if (bodyKind === 'longlink') longLink = body.toString('utf8').replace(/\0+$/, '');
    else if (bodyKind === 'pax') pax = parsePax(body);
    bodyChunks = undefined;
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      if (bodyRemaining > 0) {
        const take = Math.min(bodyRemaining, buffer.length - offset);
        if (take === 0) break;
        if (bodyChunks) bodyChunks.push(buffer.subarray(offset, offset + take));
        offset += take;
        bodyRemaining -= take;
        if (bodyRemaining === 0) finishBody();
        continue;
      }
      if (paddingRemaining > 0) {
        const take = Math.min(paddingRemaining, buffer.length - offset);
        if (take === 0) break;
        offset += take;
        paddingRemaining -= take;
        continue;
      }
      if (buffer.length - offset < BLOCK) break;
      const header = buffer.subarray(offset, offset + BLOCK);
      offset += BLOCK;
      if (header.every((byte) => byte === 0)) {
        ended = true;
        break;
      }
      const flag = field(header, 156, 1);
      const size = octal(header, 124, 12);
      const prefix = field(header, 345, 155);
      const rawName = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
      bodyRemaining = size;
      paddingRemaining = (BLOCK - (size % BLOCK)) % BLOCK;
      if (flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g') {
        bodyKind = flag === 'L' ? 'longname' : flag === 'K' ? 'longlink' : flag === 'x' ? 'pax' : 'skip';
        bodyChunks = bodyKind === 'skip' ? undefined : [];
        if (size === 0) finishBody();
        continue;
      }
      const name = normalise(pax['path'] ?? longName ?? rawName);
      const entry: TarEntry = {
        path: name,
        type: typeOf(flag),
        mode: octal(header, 100, 8),
        size,
        linkTarget: pax['linkpath'] ?? longLink ?? field(header, 157, 100),
      };
      entries.push(entry);
      longName = undefined;
      longLink = undefined;
      pax = {};
      bodyPath = name;
      bodyKind = entry.type === 'file' && keep(name) ? 'keep' : 'skip';
      bodyChunks = bodyKind === 'keep' ? [] : undefined;
      if (size === 0 && bodyKind === 'keep') finishBody();
    }
    buffer = buffer.subarray(offset);
    if (ended) break;
  }
  return { entries, contents };
}
