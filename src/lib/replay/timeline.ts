import type { Recording } from '../asciicast/model.ts';

/**
 * Playback times for each event: the recorded times with every pause longer than the idle-time limit cut
 * down to that limit (as asciinema does), so a learner never watches a minute of nothing.
 */
export interface Timeline {
  /** Playback time in ms of each event, same order as `recording.events`. */
  readonly times: Float64Array;
  readonly durationMs: number;
}

export function buildTimeline(recording: Recording, idleTimeLimitMs = Infinity): Timeline {
  const times = new Float64Array(recording.events.length);
  let previousRecorded = 0;
  let playback = 0;
  const events = recording.events;
  for (let index = 0; index < events.length; index++) {
    const time = (events[index] as Recording['events'][number])[0];
    playback += Math.min(time - previousRecorded, idleTimeLimitMs);
    previousRecorded = time;
    times[index] = playback;
  }
  return { times, durationMs: playback };
}

/** How many events have happened by `timeMs` (those at exactly `timeMs` included): a binary search. */
export function eventCountAt(times: Float64Array, timeMs: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((times[middle] as number) <= timeMs) low = middle + 1;
    else high = middle;
  }
  return low;
}
