/** Clock arithmetic for agendas: minutes since midnight, wrapping at 24 hours. DOM-free. */

const minutesPerDay = 24 * 60;

/** "09:30" → 570. Throws on anything that is not a 24-hour "HH:MM". */
export function parseClock(text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a 24-hour time like "09:00"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 570 → "09:30"; wraps past midnight (1500 → "01:00"). */
export function formatClock(minutes: number): string {
  const wrapped = ((Math.round(minutes) % minutesPerDay) + minutesPerDay) % minutesPerDay;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** 135 → "2 h 15 min"; 45 → "45 min"; 120 → "2 h". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
