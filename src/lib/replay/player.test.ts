import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAsciicast } from '../asciicast/parse.ts';
import type { Recording } from '../asciicast/model.ts';
import { HeadlessSink } from './headless-sink.ts';
import { ReplayPlayer, scrollbackFillDelayMs } from './player.ts';
import type { FrameClock, PlayerEventMap } from './player.ts';

const fixture = (name: string): Recording =>
  parseAsciicast(readFileSync(new URL(`../../../tests/fixtures/casts/${name}`, import.meta.url), 'utf8'));

/** A clock the test moves by hand: `advance(ms)` runs the frame that was requested. */
class FakeClock implements FrameClock {
  time = 0;
  private callbacks = new Map<number, () => void>();
  private nextHandle = 1;
  now(): number {
    return this.time;
  }
  requestFrame(callback: () => void): number {
    this.callbacks.set(this.nextHandle, callback);
    return this.nextHandle++;
  }
  cancelFrame(handle: number): void {
    this.callbacks.delete(handle);
  }
  get pendingFrames(): number {
    return this.callbacks.size;
  }
  runFrames(): void {
    const due = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const callback of due) callback();
  }
}

/** Records every event the player emits, in order. */
function recorder(player: ReplayPlayer): { log: string[] } {
  const log: string[] = [];
  const types: (keyof PlayerEventMap)[] = ['state', 'marker', 'error', 'resize'];
  for (const type of types) player.on(type, (value) => log.push(`${type}:${typeof value === 'object' && !(value instanceof Error) ? JSON.stringify(value) : String(value)}`));
  return { log };
}

function setup(name: string, options = {}): { player: ReplayPlayer; sink: HeadlessSink; clock: FakeClock; log: string[]; recording: Recording } {
  const recording = fixture(name);
  const sink = new HeadlessSink(recording.cols, recording.rows);
  const clock = new FakeClock();
  const player = new ReplayPlayer(recording, sink, clock, options);
  return { player, sink, clock, recording, ...recorder(player) };
}

/** Waits for everything written so far to be parsed by the headless terminal. */
const settle = (sink: HeadlessSink): Promise<void> => new Promise((resolve) => sink.write('', resolve));

describe('ReplayPlayer', () => {
  it('loads to the last frame, showing what the real run printed', async () => {
    const { player, sink, log } = setup('colours.cast');
    await player.load();
    expect(player.state).toBe('ended');
    expect(player.position).toBe(player.durationMs);
    const screen = sink.screenText().join('\n');
    expect(screen).toContain('line 3');
    expect(screen).toContain('No such file or directory');
    expect(log).toEqual(['state:ended']);
  });

  it('loads to a chosen time and shows the terminal as it was then', async () => {
    const { player, sink, recording } = setup('colours.cast');
    const helloMarker = recording.markers.findIndex((marker) => marker.label.startsWith('echo'));
    await player.load(player.markerPoint(helloMarker + 1));
    expect(player.state).toBe('paused');
    const screen = sink.screenText().join('\n');
    expect(screen).toContain('Hello, World!');
    expect(screen).not.toContain('No such file');
  });

  it('plays against the clock, batching each frame, emitting markers and ending', async () => {
    const { player, sink, clock, log, recording } = setup('colours.cast');
    await player.load({ timeMs: 0 });
    expect(sink.screenText().join('').trim()).toBe('');
    await player.play();
    expect(player.state).toBe('playing');
    // Half a second of recording: the prompt and the first keystrokes, nothing of the last command.
    clock.time += 500;
    await runFrame(clock, player);
    await settle(sink);
    expect(player.position).toBe(500);
    expect(sink.screenText()[0]).toMatch(/^learner:\/\$ printf/);
    // The rest in big steps; the frame loop keeps asking for frames until the end.
    while (player.state === 'playing') {
      clock.time += 1000;
      await runFrame(clock, player);
    }
    await settle(sink);
    expect(player.state).toBe('ended');
    expect(log.filter((entry) => entry.startsWith('marker:'))).toEqual(recording.markers.map((_, index) => `marker:${index}`));
    expect(log.at(-1)).toBe('state:ended');
    expect(clock.pendingFrames).toBe(0);
  });

  it('pauses, keeps its position, and resumes from it', async () => {
    const { player, clock } = setup('colours.cast');
    await player.load({ timeMs: 0 });
    await player.play();
    clock.time += 300;
    await runFrame(clock, player);
    await player.pause();
    expect(player.state).toBe('paused');
    clock.time += 5000; // time passing while paused must not move the position
    await player.play();
    clock.time += 100;
    await runFrame(clock, player);
    expect(player.position).toBe(400);
  });

  it('plays faster at 4× and clamps speeds outside 0.5–4', async () => {
    const { player, clock } = setup('colours.cast');
    await player.load({ timeMs: 0 });
    player.setSpeed(4);
    await player.play();
    clock.time += 100;
    await runFrame(clock, player);
    expect(player.position).toBe(400);
    player.setSpeed(10);
    expect(player.speed).toBe(4);
    player.setSpeed(0.1);
    expect(player.speed).toBe(0.5);
  });

  it('shortens pauses to the idle-time limit', () => {
    const limited = setup('resize-and-clear.cast', { idleTimeLimitMs: 200 });
    const full = setup('resize-and-clear.cast');
    expect(limited.player.durationMs).toBeLessThan(full.player.durationMs - 1000);
    const times = [...limited.player.timeline.times];
    const gaps = times.map((time, index) => time - (times[index - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(200);
  });

  it('seeks backwards and forwards to the same screen a straight replay gives', async () => {
    const { player, sink, recording } = setup('resize-and-clear.cast');
    await player.load();
    const reference = setup('resize-and-clear.cast');
    const clearAt = player.markerTime(recording.markers[2]!);
    await reference.player.load({ timeMs: clearAt });
    await player.seek(clearAt);
    expect(sink.screenText()).toEqual(reference.sink.screenText());
    await player.seek(player.durationMs);
    expect(player.state).toBe('ended');
    expect(sink.screenText().join('\n')).toContain('after a pause');
  });

  it('follows resizes while playing and when seeking back before them', async () => {
    const { player, sink, log } = setup('resize-and-clear.cast');
    await player.load();
    expect(player.size).toEqual({ cols: 90, rows: 14 });
    expect(sink.terminal.cols).toBe(90);
    await player.seek(0);
    expect(sink.terminal.cols).toBe(72);
    expect(log).toContain('resize:{"cols":72,"rows":12}');
  });

  it('steps through commands with next and previous', async () => {
    const { player, recording, sink } = setup('colours.cast');
    await player.load({ timeMs: 0 });
    await player.nextCommand();
    expect(player.currentMarkerIndex()).toBe(0);
    await player.nextCommand();
    await player.nextCommand();
    expect(player.currentMarkerIndex()).toBe(2);
    expect(player.position).toBe(player.markerTime(recording.markers[2]!));
    // Several events can share the marker's millisecond; the command must not have started being typed.
    expect(sink.screenText().join('\n').trimEnd().endsWith('learner:/$')).toBe(true);
    await player.previousCommand();
    expect(player.currentMarkerIndex()).toBe(1);
    await player.seekToMarker(4);
    await player.nextCommand();
    expect(player.state).toBe('ended');
  });

  it('counts every press when commands are stepped faster than seeks finish', async () => {
    const { player } = setup('colours.cast');
    await player.load({ timeMs: 0 });
    // Not awaited in between: a learner pressing ] three times quickly.
    const presses = [player.nextCommand(), player.nextCommand(), player.nextCommand()];
    await Promise.all(presses);
    expect(player.currentMarkerIndex()).toBe(2);
    await Promise.all([player.previousCommand(), player.previousCommand()]);
    expect(player.currentMarkerIndex()).toBe(0);
  });

  it('steps one frame of output at a time, both ways', async () => {
    const { player, sink } = setup('colours.cast');
    await player.load({ timeMs: 0 });
    await player.stepFrame(1);
    const first = player.position;
    expect(first).toBeGreaterThan(0);
    expect(sink.screenText()[0]).toContain('learner');
    await player.stepFrame(1);
    expect(player.position).toBeGreaterThan(first);
    await player.stepFrame(-1);
    expect(player.position).toBe(first);
  });

  it('restarts from zero when played after the end', async () => {
    const { player, sink } = setup('colours.cast');
    await player.load();
    await player.play();
    expect(player.state).toBe('playing');
    expect(player.position).toBe(0);
    await settle(sink);
    expect(sink.screenText().join('').trim()).toBe('');
  });

  it('reports a failing sink as an error state and error event', async () => {
    const recording = fixture('colours.cast');
    const sink = new HeadlessSink(recording.cols, recording.rows);
    const broken = Object.assign(Object.create(sink) as HeadlessSink, {
      write: () => {
        throw new Error('sink gone');
      },
    });
    const player = new ReplayPlayer(recording, broken, new FakeClock());
    const { log } = recorder(player);
    await player.load();
    expect(player.state).toBe('error');
    expect(log).toEqual(['state:error', 'error:Error: sink gone']);
    await player.play();
    expect(player.state).toBe('error');
  });
});

/** A sink that loads its serializer late, like the browser's: a snapshot before `prepareSnapshots` throws. */
class LateSnapshotSink extends HeadlessSink {
  prepared = 0;
  override snapshot(scrollbackLines?: number): string {
    if (this.prepared === 0) throw new Error('snapshot before prepareSnapshots');
    return super.snapshot(scrollbackLines);
  }
  prepareSnapshots(): Promise<void> {
    this.prepared++;
    return Promise.resolve();
  }
}

describe('loading what snapshots need', () => {
  it('asks the sink once, before the first keyframe, when the recording needs keyframes', async () => {
    const recording = fixture('listing.cast');
    const sink = new LateSnapshotSink(recording.cols, recording.rows);
    const player = new ReplayPlayer(recording, sink, new FakeClock(), { keyframeSpacingChars: 8 * 1024 });
    await player.load();
    expect(player.state).toBe('ended');
    expect(player.keyframeCount).toBeGreaterThan(3);
    expect(sink.prepared).toBe(1);
  });

  it('never asks for a linear recording, nor for one with less output after its linear stretch than a keyframe’s spacing', async () => {
    for (const [name, spacing] of [['listing-v2.cast', 512], ['listing.cast', 10 * 1024 * 1024]] as const) {
      const recording = fixture(name);
      const sink = new LateSnapshotSink(recording.cols, recording.rows);
      const player = new ReplayPlayer(recording, sink, new FakeClock(), { keyframeSpacingChars: spacing });
      await player.load();
      expect(player.state, name).toBe('ended');
      expect(player.keyframeCount, name).toBe(0);
      expect(sink.prepared, name).toBe(0);
    }
  });
});

describe('keyframes on a large real recording', () => {
  it('restores the lines above the screen with the screen', async () => {
    // listing.cast stops being linear part-way (record-fixtures.ts), so later moments come from keyframes.
    const recording = fixture('listing.cast');
    const scrollback = 60;
    const sink = new HeadlessSink(recording.cols, recording.rows, scrollback);
    const player = new ReplayPlayer(recording, sink, new FakeClock(), { keyframeSpacingChars: 8 * 1024 });
    await player.load();
    expect(player.keyframeCount).toBeGreaterThan(3);
    // Every moment after the linear stretch, as a plain write of the output shows it (one pass, forwards).
    const plain = new HeadlessSink(recording.cols, recording.rows, scrollback);
    const expected: string[][] = [];
    for (let count = 1; count <= recording.events.length; count++) {
      const [, code, data] = recording.events[count - 1] as Recording['events'][number];
      await new Promise<void>((resolve) => plain.write(code === 'o' ? data : '', resolve));
      expected[count] = plain.bufferText();
    }
    // Backwards, so that each seek restores a keyframe instead of writing on from the moment before.
    let checked = 0;
    for (let count = recording.events.length; count > player.linearEventCount; count -= 3) {
      await player.seek(player.timeline.times[count - 1] as number, count);
      await settle(sink);
      expect(sink.bufferText(), `screen and scrollback after ${count} events`).toEqual(expected[count]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('takes keyframes while loading and seeks to the same screen as a replay from zero', async () => {
    // A real coloured `ls -la /usr/bin` (record-fixtures.ts), with keyframes every 8 kB instead of 128 kB.
    const options = { keyframeSpacingChars: 8 * 1024 };
    const { player, sink } = setup('listing.cast', options);
    await player.load();
    expect(player.keyframeCount).toBeGreaterThan(3);
    for (const fraction of [0.9, 0.13, 0.5, 0.77, 0.02]) {
      const time = player.durationMs * fraction;
      await player.seek(time);
      // Compare with a plain write of everything up to that time, no player and no keyframes involved.
      const recording = fixture('listing.cast');
      const plain = new HeadlessSink(recording.cols, recording.rows);
      const upTo = recording.events.filter(([eventTime, code]) => code === 'o' && eventTime <= time);
      await new Promise<void>((resolve) => plain.write(upTo.map(([, , data]) => data).join(''), resolve));
      expect(sink.screenText()).toEqual(plain.screenText());
    }
  });
});

async function runFrame(clock: FakeClock, player: ReplayPlayer): Promise<void> {
  clock.runFrames();
  await player.settled();
}

describe('linear output on a real asciinema v2 recording', () => {
  it('shows the screen at once after a seek and fills in the scrollback once the player rests', async () => {
    const recording = fixture('listing-v2.cast');
    const sink = new HeadlessSink(recording.cols, recording.rows, 40);
    const clock = new FakeClock();
    const player = new ReplayPlayer(recording, sink, clock);
    await player.load();
    // The last frame comes first, screen only; the lines above it follow once the player has rested.
    await settle(sink);
    expect(sink.terminal.buffer.active.baseY).toBeLessThan(40);
    clock.time += scrollbackFillDelayMs / 2;
    await runFrame(clock, player);
    await settle(sink);
    expect(sink.terminal.buffer.active.baseY, 'not rested yet').toBeLessThan(40);
    clock.time += scrollbackFillDelayMs;
    await runFrame(clock, player);
    await settle(sink);
    expect(sink.terminal.buffer.active.baseY, 'rested').toBe(40);
    for (const fraction of [0.5, 1, 0.35, 0.8]) {
      const time = player.timeline.times[Math.floor((recording.events.length - 1) * fraction)] as number;
      await player.seek(time);
      await settle(sink);
      const plain = new HeadlessSink(recording.cols, recording.rows, 40);
      const upTo = recording.events.filter(([eventTime, code]) => code === 'o' && eventTime <= time);
      await new Promise<void>((resolve) => plain.write(upTo.map(([, , data]) => data).join(''), resolve));
      expect(plain.terminal.buffer.active.baseY, 'the plain replay has scrollback to compare').toBeGreaterThan(0);
      expect(sink.screenText(), `screen at ${fraction}`).toEqual(plain.screenText());
      clock.time += scrollbackFillDelayMs;
      await runFrame(clock, player);
      await settle(sink);
      expect(sink.bufferText(), `screen and scrollback at ${fraction}`).toEqual(plain.bufferText());
      expect(clock.pendingFrames).toBe(0);
    }
  });

  it('loads and seeks without snapshots, to the same screens as a plain replay', async () => {
    const { player, sink, recording } = setup('listing-v2.cast');
    await player.load();
    expect(player.linearEventCount).toBe(recording.events.length);
    expect(player.keyframeCount).toBe(0);
    for (const fraction of [1, 0.3, 0.95, 0.01, 0.6]) {
      const time = player.durationMs * fraction;
      await player.seek(time);
      const plain = new HeadlessSink(recording.cols, recording.rows);
      const upTo = recording.events.filter(([eventTime, code]) => code === 'o' && eventTime <= time);
      await new Promise<void>((resolve) => plain.write(upTo.map(([, , data]) => data).join(''), resolve));
      expect(sink.snapshot(), `at ${fraction}`).toBe(plain.snapshot());
    }
  });
});

describe('scrollback after a seek in a shell session', () => {
  it('is the same as a plain replay once the player rests, though every prompt turns on bracketed paste', async () => {
    // A real bash session (node-pty): bracketed paste at every prompt used to end the linear stretch at the
    // first event, so seeks restored a keyframe, which holds the screen only, and the lines above were lost.
    const recording = fixture('colours.cast');
    const scrollback = 30;
    const sink = new HeadlessSink(recording.cols, recording.rows, scrollback);
    const clock = new FakeClock();
    const player = new ReplayPlayer(recording, sink, clock, { keyframeSpacingChars: 512 });
    await player.load();
    let checked = 0;
    for (const fraction of [0.5, 0.9, 0.25, 0.7, 1]) {
      const time = player.timeline.times[Math.floor((recording.events.length - 1) * fraction)] as number;
      await player.seek(time);
      clock.time += scrollbackFillDelayMs;
      await runFrame(clock, player);
      await settle(sink);
      const plain = new HeadlessSink(recording.cols, recording.rows, scrollback);
      const upTo = recording.events.filter(([eventTime, code]) => code === 'o' && eventTime <= time);
      await new Promise<void>((resolve) => plain.write(upTo.map(([, , data]) => data).join(''), resolve));
      if (plain.terminal.buffer.active.baseY > 0) checked++;
      expect(sink.screenSnapshot(), `screen at ${fraction}`).toBe(plain.screenSnapshot());
      expect(sink.bufferText(), `screen and scrollback at ${fraction}`).toEqual(plain.bufferText());
    }
    expect(checked, 'moments with lines above the screen').toBeGreaterThan(2);
  });
});
