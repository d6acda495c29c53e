import type { APIRoute, GetStaticPaths } from 'astro';
import { listRecordingIds, readCast } from '../../../lib/replay/recordings.ts';

/**
 * Publishes every recording as a static file, /replay/casts/<exercise>/<step>.cast (and samples/<name>.cast),
 * which <terminal-replay> fetches only when a player comes into view.
 */
export const getStaticPaths = (() => listRecordingIds().map((id) => ({ params: { cast: `${id}.cast` }, props: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(readCast((props as { id: string }).id), { headers: { 'Content-Type': 'application/x-asciicast; charset=utf-8' } });
