/**
 * The upgraded player, loaded late (see element.ts): fetches and parses the recording, starts xterm, and
 * wires the server-rendered controls. Everything here is glue; the logic lives in src/lib/replay.
 */
import { Terminal } from '@xterm/xterm';
import { AsciicastParseError } from '../../../lib/asciicast/model.ts';
import type { Recording } from '../../../lib/asciicast/model.ts';
import { parseAsciicast } from '../../../lib/asciicast/parse.ts';
import type { Header } from '../../../lib/asciicast/parse.ts';
import { endFrameAfterChars, fetchRecording } from '../../../lib/replay/fetch-recording.ts';
import type { Tail } from '../../../lib/replay/tail-request.ts';
import type { OutputIndex } from '../../../lib/replay/output-index.ts';
import { ReplayPlayer } from '../../../lib/replay/player.ts';
import { posterTime } from '../../../lib/replay/poster-time.ts';
import type { FrameClock } from '../../../lib/replay/player.ts';
import { linearFrameHtml } from '../../../lib/replay/linear-screen.ts';
import { XtermSink } from '../../../lib/replay/xterm-sink.ts';
import { actionForKey } from './keys.ts';
import type { FocusKind } from './keys.ts';
import { showError } from './show-error.ts';
import type { TypeAlongControls } from './type-along-ui.ts';
import { clockTime, spokenTime } from './time.ts';

const browserClock: FrameClock = {
  now: () => performance.now(),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
};

export interface Mounted {
  player: ReplayPlayer;
  dispose(): void;
}

/** Where the recording comes from: the element's `data-src`, or text the /replay/ page read from a file. */
export interface Source {
  name: string;
  text?: string;
  /** The request for `name`, when the caller started it early (while this module was still loading). */
  started?: Promise<Response>;
  /** The request for the end of `name` (`requestTail`, tail-request.ts), started just before `started`. */
  tail?: Promise<Tail | undefined>;
}


/**
 * Reads and parses the recording; `onHeader` runs as soon as the terminal size is known, `endFrame`'s callbacks
 * when the last frame can be shown before parsing ends (see fetchRecording's onEndFrame and onTailFrame).
 */
async function readRecording(
  source: Source,
  onHeader: (header: Header, download: { bytes: number | undefined }) => void,
  endFrame?: { showEndFrame: (frame: string | undefined) => Promise<void>; showTailFrame: (frame: string) => Promise<void> },
): Promise<{ recording: Recording; outputIndex?: OutputIndex }> {
  try {
    if (source.text === undefined) {
      return await fetchRecording(source.name, {
        onHeader,
        ...(endFrame ? { onEndFrame: endFrame.showEndFrame, onTailFrame: endFrame.showTailFrame } : {}),
        ...(source.started ? { started: source.started } : {}),
        ...(source.tail ? { tail: source.tail } : {}),
      });
    }
    const recording = parseAsciicast(source.text);
    onHeader(recording, { bytes: undefined }); // already in memory: nothing to wait for
    return { recording };
  } catch (error) {
    if (error instanceof AsciicastParseError) throw new Error(`${source.name} is not a valid asciicast recording: ${error.message}.`);
    throw error;
  }
}

/** `posterMarker`: start at the end of that command (as the server's poster does) instead of the end. */
export async function mount(root: HTMLElement, source: Source, posterMarker?: number): Promise<Mounted | undefined> {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const screen = root.querySelector<HTMLElement>('.replay-screen');
  const controls = root.querySelector<HTMLElement>('.replay-controls');
  if (!screen || !controls) return undefined;
  root.querySelector<HTMLElement>('.replay-error')?.setAttribute('hidden', '');
  root.dataset['state'] = 'loading';
  const host = document.createElement('div');
  host.className = 'replay-xterm';
  let madeSink: XtermSink | undefined;
  let makeSink: (() => void) | undefined;
  /** The size a frame read from the end of the file is drawn at, once the header is in; unset when none is wanted. */
  let frameSize: { cols: number; rows: number } | undefined;
  // A frame read from the end of the file, left by an earlier recording opened in this player.
  root.querySelector('.replay-end-frame')?.remove();
  let read: Awaited<ReturnType<typeof readRecording>>;
  try {
    // Without a poster (the /replay/ page), a long linear recording's last frame shows early, as text like a
    // lesson's poster: from the end of the file alone when the server serves ranges (tail-frame.ts), and from
    // the whole download once it is in (end-frame-download.ts). It needs no
    // terminal on screen, and making one (about 100 ms of glyph measuring) would hold up the download: so for
    // a large download the terminal is made once the frame shows, or once there turns out to be none.
    // Otherwise it is made as soon as the header is in, while the rest downloads.
    const wantsEndFrame = !root.querySelector('.replay-poster') && posterMarker === undefined;
    let drawn: string | undefined;
    /**
     * Puts `frame` on screen in place of the one there, if it differs (`data-end-frame` says which it is); says
     * whether it drew one.
     */
    const drawEndFrame = (frame: string | undefined, kind: 'provisional' | 'confirmed'): boolean => {
      if (frame !== undefined && frame === drawn) {
        root.dataset['endFrame'] = kind;
        return false;
      }
      drawn = undefined;
      screen.querySelector('.replay-end-frame')?.remove();
      delete root.dataset['endFrame'];
      // Drawn directly, without a terminal (linear-screen.ts); a frame it can't draw (wide characters) is not shown.
      const html = frame === undefined || !frameSize ? undefined : linearFrameHtml(frame, frameSize.cols, frameSize.rows);
      if (html === undefined) return false;
      drawn = frame;
      const shown = document.createElement('pre');
      shown.className = 'replay-poster replay-end-frame';
      shown.innerHTML = html;
      screen.prepend(shown);
      root.dataset['endFrame'] = kind;
      return true;
    };
    // A frame read from the end of the file alone (tail-frame.ts) comes first when the server serves ranges; the
    // whole file's frame follows and has the last word (the same text, unless the start of the file changed it).
    // The download (for a provisional frame) or parsing (for the confirmed one) waits until the frame is painted.
    const painted = (): Promise<unknown> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const showTailFrame = async (frame: string): Promise<void> => {
      if (drawEndFrame(frame, 'provisional')) await painted();
    };
    const showEndFrame = async (frame: string | undefined): Promise<void> => {
      if (drawEndFrame(frame, 'confirmed')) await painted();
      makeSink?.();
    };
    read = await readRecording(source, ({ cols, rows }, download) => {
      makeSink = () => {
        if (madeSink) return;
        screen.append(host);
        madeSink = new XtermSink(host, cols, rows, { reducedMotion, downloadBytes: download.bytes });
      };
      if (!wantsEndFrame || (download.bytes !== undefined && download.bytes <= endFrameAfterChars)) makeSink();
      else {
        frameSize = { cols, rows };
        root.style.setProperty('--cols', String(cols)); // the frame's font size, as for a lesson's poster
      }
    }, wantsEndFrame ? { showEndFrame, showTailFrame } : undefined);
    makeSink?.(); // a recording read from a file, or one whose download ended before its header
  } catch (error) {
    madeSink?.dispose();
    host.remove();
    root.querySelector('.replay-end-frame')?.remove();
    delete root.dataset['endFrame'];
    showError(root, error instanceof Error ? error.message : String(error));
    return undefined;
  }
  const sink = madeSink;
  if (!sink) throw new Error('the recording was read without its header'); // readRecording calls onHeader first
  const { recording, outputIndex } = read;
  const idle = Number(root.dataset['idleLimit']);
  const player = new ReplayPlayer(recording, sink, browserClock, {
    ...(Number.isFinite(idle) && idle > 0 ? { idleTimeLimitMs: idle } : {}),
    ...(outputIndex ? { outputIndex } : {}),
  });
  const cleanups: (() => void)[] = [];
  const listen = <K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, handler: (event: HTMLElementEventMap[K]) => void): void => {
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  };
  const status = root.querySelector<HTMLElement>('.replay-status');
  /** Polite feedback for things the learner just did; never for playback progress. */
  const say = (message: string): void => {
    if (status) status.textContent = message;
  };

  // Commands: rebuilt from the recording, so /replay/ and lessons share one list.
  const list = root.querySelector<HTMLOListElement>('.replay-commands');
  if (list) {
    list.replaceChildren(
      ...recording.markers.map((marker, index) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset['marker'] = String(index);
        const code = document.createElement('code');
        code.textContent = marker.label;
        button.append(code);
        item.append(button);
        if (marker.exitStatus !== undefined && marker.exitStatus !== '0') {
          const exit = document.createElement('span');
          exit.className = 'replay-exit';
          exit.textContent = `exit ${marker.exitStatus}`;
          item.append(exit);
        }
        return item;
      }),
    );
    list.hidden = recording.markers.length === 0;
  }

  const slider = root.querySelector<HTMLElement>('.replay-seek');
  const fill = root.querySelector<HTMLElement>('.replay-seek-fill');
  const clock = root.querySelector<HTMLElement>('.replay-clock');
  const playButton = root.querySelector<HTMLButtonElement>('[data-action="toggle-play"]');
  let spokenSecond = -1;
  const showPosition = (position: number): void => {
    const duration = player.durationMs || 1;
    if (fill) fill.style.width = `${(position / duration) * 100}%`;
    const second = Math.floor(position / 1000);
    if (second === spokenSecond) return; // attributes change at most once a second while playing
    spokenSecond = second;
    if (clock) clock.textContent = `${clockTime(position)} / ${clockTime(player.durationMs)}`;
    slider?.setAttribute('aria-valuenow', String(second));
    slider?.setAttribute('aria-valuetext', `${spokenTime(position)} of ${spokenTime(player.durationMs)}`);
  };
  const showCommand = (): void => {
    const current = String(player.currentMarkerIndex());
    list?.querySelectorAll<HTMLButtonElement>('button').forEach((button) => {
      if (button.dataset['marker'] === current) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
    });
  };
  slider?.setAttribute('aria-valuemax', String(Math.ceil(player.durationMs / 1000)));
  player.on('position', (position) => {
    showPosition(position);
    showCommand();
  });
  player.on('state', (state) => {
    root.dataset['state'] = state;
    if (playButton) {
      const playing = state === 'playing';
      playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
      playButton.dataset['playing'] = String(playing);
    }
  });
  player.on('error', (error) => showError(root, `The recording stopped: ${error.message}`));

  // Type-along: its code loads the first time the learner turns it on (type-along-ui.ts).
  const form = root.querySelector<HTMLFormElement>('.replay-typealong');
  let typeAlong: Promise<TypeAlongControls> | undefined;
  const typeAlongControls = (): Promise<TypeAlongControls> =>
    (typeAlong ??= import('./type-along-ui.ts').then((module) => module.typeAlongControls(root, player, recording, say, reducedMotion)));

  const focusKind = (target: EventTarget | null): FocusKind => {
    if (!(target instanceof HTMLElement)) return 'other';
    if (target.matches('input, select, textarea')) return 'text-field';
    if (target.matches('button, summary, a')) return 'button';
    return target.getAttribute('role') === 'slider' ? 'slider' : 'other';
  };
  const help = root.querySelector<HTMLDialogElement>('.replay-help');
  const fiveSeconds = 5000;
  const run = async (action: string, source?: HTMLElement): Promise<void> => {
    switch (action) {
      case 'toggle-play': return player.togglePlay();
      case 'restart': await player.seek(0); return player.play();
      case 'back': return player.seek(player.position - fiveSeconds);
      case 'forward': return player.seek(player.position + fiveSeconds);
      case 'start': return player.seek(0);
      case 'end': return player.seek(player.durationMs);
      case 'previous-command': return player.previousCommand();
      case 'next-command': return player.nextCommand();
      case 'previous-frame': return player.stepFrame(-1);
      case 'next-frame': return player.stepFrame(1);
      case 'help': help?.showModal(); return;
      case 'close-help': help?.close(); return;
      case 'fullscreen':
        if (document.fullscreenElement) await document.exitFullscreen();
        else await root.requestFullscreen().catch(() => say('Fullscreen is not available here.'));
        return;
      case 'copy': {
        const marker = recording.markers[Math.max(0, player.currentMarkerIndex())];
        if (!marker) {
          say('This recording has no commands to copy.');
          return;
        }
        await navigator.clipboard.writeText(marker.label).then(
          () => say(`Copied: ${marker.label}`),
          () => say('Copying is not allowed here; select the command in the list instead.'),
        );
        return;
      }
      case 'type-along': return (await typeAlongControls()).toggle();
      case 'show-me': return (await typeAlong)?.showMe();
      default:
        if (source?.dataset['marker'] !== undefined) return player.seekToMarker(Number(source.dataset['marker']));
    }
  };

  listen(root, 'click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action], [data-marker]');
    if (target && root.contains(target)) void run(target.dataset['action'] ?? 'marker', target);
  });
  listen(root, 'keydown', (event) => {
    const action = actionForKey(event, focusKind(event.target));
    if (!action || (help?.open && action !== 'help')) return;
    event.preventDefault();
    void run(action);
  });
  if (slider) {
    listen(slider, 'keydown', (event) => {
      const step = { ArrowLeft: -fiveSeconds, ArrowDown: -fiveSeconds, ArrowRight: fiveSeconds, ArrowUp: fiveSeconds, PageDown: -30_000, PageUp: 30_000 }[event.key];
      if (step !== undefined) void player.seek(player.position + step);
      else if (event.key === 'Home') void player.seek(0);
      else if (event.key === 'End') void player.seek(player.durationMs);
      else return;
      event.preventDefault();
    });
    listen(slider, 'pointerdown', (event) => {
      const box = slider.getBoundingClientRect();
      void player.seek(((event.clientX - box.left) / box.width) * player.durationMs);
    });
  }
  const speed = root.querySelector<HTMLSelectElement>('[data-setting="speed"]');
  if (speed) listen(speed, 'change', () => player.setSpeed(Number(speed.value)));
  if (form) {
    listen(form, 'submit', (event) => {
      event.preventDefault();
      void typeAlong?.then((controls) => controls.submit());
    });
  }
  // The transcript is built only when opened: for a long recording it is a lot of text.
  const transcript = root.querySelector<HTMLDetailsElement>('.replay-transcript');
  const transcriptText = transcript ? transcript.querySelector<HTMLElement>('pre') : null;
  if (transcript && transcriptText) {
    const fill = (): void => {
      if (!transcript.open || transcriptText.dataset['filled'] === 'true') return;
      transcriptText.dataset['filled'] = 'true';
      // Its code too loads only now.
      void import('../../../lib/replay/transcript.ts')
        .then(({ transcriptOf }) => transcriptOf(recording, (cols, rows, scrollback) => new Terminal({ cols, rows, scrollback, allowProposedApi: true })))
        .then((text) => {
          transcriptText.textContent = text;
        });
    };
    if (transcriptText.dataset['filled'] !== 'true') {
      listen(transcript, 'toggle', fill);
      fill();
    }
  }

  controls.hidden = false;
  root.dataset['upgraded'] = 'true';
  await player.load(posterTime(player, posterMarker));
  delete root.dataset['endFrame'];
  root.querySelector<HTMLElement>('.replay-poster')?.setAttribute('hidden', '');
  showPosition(player.position);
  showCommand();
  if (root.dataset['autoplay'] === 'true' && !reducedMotion) void player.play();

  return {
    player,
    dispose() {
      for (const cleanup of cleanups) cleanup();
      player.dispose();
      sink.dispose();
      host.remove();
    },
  };
}
