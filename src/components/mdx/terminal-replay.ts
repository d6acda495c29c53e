/**
 * Build-time logic of <TerminalReplay>: which marker the poster shows, and the provenance line from the
 * recording's meta file. Pure functions, tested in terminal-replay.test.ts.
 */
import type { Marker } from '../../lib/asciicast/model.ts';

/** `poster` may be a marker index or the start of a command; returns the marker index or throws. */
export function posterMarkerIndex(markers: readonly Marker[], poster: number | string | undefined): number | undefined {
  if (poster === undefined) return undefined;
  const index = typeof poster === 'number' ? poster : markers.findIndex((marker) => marker.label.startsWith(poster));
  if (!Number.isInteger(index) || index < 0 || index >= markers.length) {
    const known = markers.map((marker, at) => `${at}: ${marker.label}`).join('; ');
    throw new Error(`poster=${JSON.stringify(poster)} matches no command. Commands: ${known || 'none'}`);
  }
  return index;
}

interface BaseImage {
  image?: unknown;
  provenance?: unknown;
  digest?: unknown;
  assembledFrom?: unknown;
}

/**
 * "Recorded 27 November 2026 · Docker 20.10.24 · gcr.io/distroless/static-debian13:nonroot pulled (sha256:0a1b2c3d4e5f)".
 * Reads only the fields it needs, so a meta file from a newer lab still gives a line.
 */
export function provenanceLine(meta: unknown): string | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const record = meta as { recordedAt?: unknown; docker?: { server?: unknown; client?: unknown }; go?: unknown; node?: unknown; baseImages?: unknown };
  const parts: string[] = [];
  if (typeof record.recordedAt === 'string' && !Number.isNaN(Date.parse(record.recordedAt))) {
    const date = new Date(record.recordedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    parts.push(`Recorded ${date}`);
  }
  const docker = record.docker?.server ?? record.docker?.client;
  if (typeof docker === 'string') parts.push(`Docker ${docker}`);
  // The toolchain that built the exercise: a Go version (go1.24.4) or a Node.js one (v24.21.0).
  if (typeof record.go === 'string') parts.push(record.go);
  if (typeof record.node === 'string') parts.push(`Node.js ${record.node}`);
  if (Array.isArray(record.baseImages)) {
    for (const base of record.baseImages as BaseImage[]) {
      if (typeof base.image !== 'string') continue;
      if (base.provenance === 'pulled') {
        const digest = typeof base.digest === 'string' ? ` (${base.digest.slice(0, 19)})` : '';
        parts.push(`${base.image} pulled${digest}`);
      } else if (base.provenance === 'assembled') {
        const from = typeof base.assembledFrom === 'string' ? ` from ${base.assembledFrom}` : '';
        parts.push(`${base.image} assembled locally${from}, not pulled`);
      }
    }
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
