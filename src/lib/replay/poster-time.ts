import type { PlaybackPoint, ReplayPlayer } from './player.ts';

/**
 * The moment a poster shows, shared by the build-time poster and the player so both show the same frame:
 * the end of the recording, or the end of marker `afterMarker`'s command (just before the next one).
 */
export function posterTime(player: ReplayPlayer, afterMarker?: number): PlaybackPoint | undefined {
  return afterMarker === undefined ? undefined : player.markerPoint(afterMarker + 1);
}
