/**
 * Type-along mode's controls, loaded the first time the learner turns it on (most viewers never do): the
 * player pauses before each command until the learner has typed it (type-along.ts); "show me" types it for them.
 */
import type { Recording } from '../../../lib/asciicast/model.ts';
import type { ReplayPlayer } from '../../../lib/replay/player.ts';
import { TypeAlong } from '../../../lib/replay/type-along.ts';

export interface TypeAlongControls {
  /** Turns type-along on or off. */
  toggle(): Promise<void>;
  /** Types the awaited command into the field, then submits it. */
  showMe(): Promise<void>;
  /** Checks what the learner typed. */
  submit(): Promise<void>;
}

/** `say`: polite feedback in the player's status line. */
export function typeAlongControls(
  root: HTMLElement,
  player: ReplayPlayer,
  recording: Recording,
  say: (message: string) => void,
  reducedMotion: boolean,
): TypeAlongControls {
  const form = root.querySelector<HTMLFormElement>('.replay-typealong');
  const input = form ? form.querySelector<HTMLInputElement>('input') : null;
  const hint = form ? form.querySelector<HTMLElement>('.replay-hint') : null;
  const typeAlongButton = root.querySelector<HTMLButtonElement>('[data-action="type-along"]');
  let attempt: TypeAlong | undefined;
  let typingAlong = false;
  let stopAtMarker = -1;
  const askFor = async (index: number): Promise<void> => {
    const marker = recording.markers[index];
    if (!form || !input || !marker) {
      attempt = undefined;
      if (form) form.hidden = true;
      say('That was the last command.');
      return;
    }
    await player.pause();
    await player.seekToMarker(index);
    attempt = new TypeAlong(marker.label);
    stopAtMarker = index + 1;
    form.hidden = false;
    input.value = '';
    if (hint) hint.hidden = true;
    input.focus();
  };
  const nextMarkerIndex = (): number => recording.markers.findIndex((marker) => player.markerTime(marker) >= player.position - 0.5);
  player.on('marker', (index) => {
    if (typingAlong && index === stopAtMarker) void askFor(index);
  });
  const submit = async (): Promise<void> => {
    if (!attempt || !input) return;
    const result = attempt.submit(input.value);
    if (result === 'match') {
      say('Right. Here is what it printed.');
      if (hint) hint.hidden = true;
      await player.play();
    } else if (result === 'miss') {
      say(attempt.showHint ? 'Not quite. The hint shows the command.' : 'Not quite, try again.');
      if (hint && attempt.showHint) {
        hint.textContent = `Hint: ${attempt.command}`;
        hint.hidden = false;
      }
    }
  };
  return {
    toggle: async () => {
      typingAlong = !typingAlong;
      typeAlongButton?.setAttribute('aria-pressed', String(typingAlong));
      if (form) form.hidden = !typingAlong;
      if (typingAlong) {
        if (player.state === 'ended') await player.seek(0);
        const next = nextMarkerIndex();
        await askFor(next === -1 ? 0 : next);
      } else attempt = undefined;
    },
    showMe: async () => {
      if (!attempt || !input) return;
      const command = attempt.command;
      input.value = '';
      for (const char of command) {
        input.value += char;
        if (!reducedMotion) await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return submit();
    },
    submit,
  };
}
