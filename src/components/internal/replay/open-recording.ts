/**
 * The /replay/ page: opens a recording from a file picker, a drop, or `?src=` (same origin only) into the
 * player. Files are read in the browser with File.text(); nothing is uploaded anywhere. xterm and the
 * player load only once there is a recording to play.
 */
import { limits } from '../../../lib/asciicast/model.ts';
import { requestTail } from '../../../lib/replay/tail-request.ts';
import type { Mounted, Source } from './player-ui.ts';
import { showError } from './show-error.ts';
import { sameOriginUrl } from './source.ts';

const player = document.querySelector<HTMLElement>('#opened-player terminal-replay');
const picker = document.querySelector<HTMLInputElement>('#cast-file');
const dropZone = document.querySelector<HTMLElement>('#cast-drop');
const section = document.querySelector<HTMLElement>('#opened-player');
let current: Mounted | undefined;

async function open(source: Source): Promise<void> {
  if (!player || !section) return;
  current?.dispose();
  current = undefined;
  section.hidden = false;
  const title = player.querySelector('.replay-title');
  if (title) title.textContent = source.name;
  const transcript = player.querySelector<HTMLElement>('.replay-transcript pre');
  if (transcript) {
    transcript.textContent = '';
    transcript.dataset['filled'] = 'false';
  }
  player.querySelector<HTMLElement>('.replay-controls')?.setAttribute('hidden', '');
  // xterm arrives only now, when there is something to play.
  const { mount } = await import('./player-ui.ts');
  current = await mount(player, source);
  if (current) {
    const recordingTitle = current.player.recording.title;
    if (title && recordingTitle) title.textContent = `${recordingTitle} (${source.name})`;
    player.querySelector<HTMLElement>('.replay-screen')?.focus();
  }
}

async function openFile(file: File | undefined): Promise<void> {
  if (!file || !player || !section) return;
  if (file.size > limits.maxFileBytes) {
    current?.dispose();
    section.hidden = false;
    showError(player, `${file.name} is larger than ${limits.maxFileBytes} bytes; the player refuses it.`);
    return;
  }
  await open({ name: file.name, text: await file.text() });
}

picker?.addEventListener('change', () => void openFile(picker.files?.[0]));
dropZone?.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.dataset['over'] = 'true';
});
dropZone?.addEventListener('dragleave', () => delete dropZone.dataset['over']);
dropZone?.addEventListener('drop', (event) => {
  event.preventDefault();
  delete dropZone.dataset['over'];
  void openFile(event.dataTransfer?.files[0]);
});

const requested = new URLSearchParams(location.search).get('src');
if (requested !== null && player && section) {
  const url = sameOriginUrl(requested, location.href);
  if (url) {
    // The recording downloads while xterm and the player's code load, not after; its end is asked for first, so
    // a long recording's last frame can show before the whole file is in (tail-frame.ts).
    const name = url.pathname + url.search;
    const tail = requestTail(name);
    const started = fetch(name);
    started.catch(() => undefined); // a failed request is reported by mount, once it reads the response
    void open({ name, started, tail });
  }
  else {
    section.hidden = false;
    showError(player, `?src=${requested} is not a recording on this site; /replay/ only opens same-origin URLs.`);
  }
}
