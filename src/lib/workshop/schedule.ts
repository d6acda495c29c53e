/**
 * The presenter's timer against the agenda: where the room is compared with the plan. DOM-free.
 */

export interface ScheduleStatus {
  /** Minutes late (positive) or early (negative) against the planned start of the current item. */
  driftMinutes: number;
  /** Minutes left in the current item's planned slot, never below 0. */
  minutesLeft: number;
  label: string;
}

/**
 * `elapsedMs` since the presenter started; the current item planned at `offset` minutes for `length`.
 * Being inside the planned slot counts as on time; before it is early, after its end is late.
 */
export function scheduleStatus(elapsedMs: number, item: { offset: number; length: number }): ScheduleStatus {
  const elapsedMinutes = Math.max(0, elapsedMs) / 60_000;
  const plannedEnd = item.offset + item.length;
  const minutesLeft = Math.max(0, Math.ceil(plannedEnd - elapsedMinutes));
  let driftMinutes = 0;
  if (elapsedMinutes < item.offset) driftMinutes = -Math.floor(item.offset - elapsedMinutes);
  else if (elapsedMinutes > plannedEnd) driftMinutes = Math.ceil(elapsedMinutes - plannedEnd);
  const label =
    driftMinutes > 0 ? `${driftMinutes} min behind` : driftMinutes < 0 ? `${-driftMinutes} min ahead` : `on time, ${minutesLeft} min left`;
  return { driftMinutes, minutesLeft, label };
}

/** 754_000 → "12:34" (minutes:seconds; hours as h:mm:ss). */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
