import type { Recording } from '../asciicast/model.ts';
import { HeadlessSink } from './headless-sink.ts';
import { ReplayPlayer } from './player.ts';
import { transcriptOf } from './transcript.ts';
import { posterTime } from './poster-time.ts';
import headless from '@xterm/headless';
import { screenHtml } from './screen-html.ts';

/**
 * Build-time poster: the terminal at a chosen moment (default: the end) as HTML with real, selectable text
 * (screen-html.ts).
 */
export interface Poster {
  html: string;
  /** The same screen as plain text. */
  text: string;
  cols: number;
  rows: number;
}

const stillClock = { now: () => 0, requestFrame: () => 0, cancelFrame: () => undefined };

export async function renderPoster(recording: Recording, afterMarker?: number): Promise<Poster> {
  const sink = new HeadlessSink(recording.cols, recording.rows, 0);
  const player = new ReplayPlayer(recording, sink, stillClock);
  await player.load(posterTime(player, afterMarker));
  if (player.state === 'error') throw new Error('the recording could not be replayed');
  const { cols, rows } = player.size;
  const screen = screenHtml(sink.terminal.buffer.active, cols, rows);
  sink.dispose();
  return { ...screen, cols, rows };
}

/** The transcript at build time, through @xterm/headless. */
export function renderTranscript(recording: Recording): Promise<string> {
  return transcriptOf(recording, (cols, rows, scrollback) => new headless.Terminal({ cols, rows, scrollback, allowProposedApi: true }));
}
