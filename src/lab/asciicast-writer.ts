// Writes asciicast v3: a JSON header line, then one `[interval, code, data]` line per event, where
// interval is the time since the previous event in seconds.
export type CastCode = 'o' | 'i' | 'm' | 'r' | 'x';

export interface CastEvent {
  /** Milliseconds since the recording started. */
  timeMs: number;
  code: CastCode;
  data: string;
}

export interface CastHeader {
  cols: number;
  rows: number;
  /** Unix seconds when recording started. */
  timestamp: number;
  title: string;
  command: string;
}

export function writeAsciicastV3(header: CastHeader, events: readonly CastEvent[]): string {
  const lines = [
    JSON.stringify({
      version: 3,
      term: { cols: header.cols, rows: header.rows, type: 'xterm-256color' },
      timestamp: header.timestamp,
      title: header.title,
      command: header.command,
    }),
  ];
  let previousMs = 0;
  for (const event of events) {
    // Microsecond precision is what asciinema writes; rounding keeps files stable and small.
    const interval = Math.max(0, Math.round((event.timeMs - previousMs) * 1000) / 1_000_000);
    previousMs = event.timeMs;
    lines.push(JSON.stringify([interval, event.code, event.data]));
  }
  return lines.join('\n') + '\n';
}
