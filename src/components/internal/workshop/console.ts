/**
 * The presenter console (a second window): the current slide's notes, the next slide, the elapsed time
 * against the agenda. It follows the presenter over BroadcastChannel and can move it (←/→, buttons).
 */
import { formatElapsed, scheduleStatus } from '../../../lib/workshop/schedule.ts';
import { slideForKey } from '../../../lib/workshop/sync.ts';
import { keyBelongsElsewhere, openChannel, readPlan, Timer } from './deck.ts';

const root = document.querySelector<HTMLElement>('.console');
if (root) start(root);

function start(root: HTMLElement): void {
  const workshopId = root.dataset['workshop'] ?? '';
  const slides = [...root.querySelectorAll<HTMLElement>('.console-slide')];
  const plan = readPlan();
  const timer = new Timer(workshopId);
  const currentTitle = root.querySelector<HTMLElement>('.console-current-title');
  const counter = root.querySelector<HTMLElement>('.console-counter');
  const notes = root.querySelector<HTMLElement>('.console-current-notes');
  const nextTitle = root.querySelector<HTMLElement>('.console-next-title');
  const nextPreview = root.querySelector<HTMLElement>('.console-next-preview');
  const elapsed = root.querySelector<HTMLElement>('.console-elapsed');
  const planned = root.querySelector<HTMLElement>('.console-planned');
  const link = root.querySelector<HTMLElement>('.console-link');
  const timerButton = root.querySelector<HTMLButtonElement>('[data-action="timer"]');
  let current = 0;
  let connected = false;

  const channel = openChannel(workshopId, (message) => {
    if (message.type !== 'state') return;
    connected = true;
    if (link) link.textContent = 'Following the presenter window.';
    timer.startedAt = message.timerStartedAt;
    show(message.slide);
  });

  function show(index: number): void {
    current = Math.max(0, Math.min(slides.length - 1, index));
    root.dataset['slide'] = String(current);
    const slide = slides[current];
    const next = slides[current + 1];
    if (counter) counter.textContent = `${current + 1} / ${slides.length}`;
    if (currentTitle) currentTitle.textContent = slide?.dataset['title'] ?? '';
    const slideNotes = slide?.querySelector('.console-notes');
    if (notes) {
      notes.replaceChildren(...[...(slideNotes?.children ?? [])].map((note) => note.cloneNode(true)));
      if (notes.children.length === 0) notes.textContent = 'No notes for this slide.';
    }
    if (nextTitle) nextTitle.textContent = next ? next.dataset['title'] ?? '' : 'End of the workshop';
    if (nextPreview) nextPreview.textContent = next?.querySelector('.console-preview')?.textContent ?? '';
    tick();
  }

  function tick(): void {
    const item = plan[Number(slides[current]?.dataset['item'] ?? 0)];
    if (planned) planned.textContent = item ? `This part is planned ${item.start}–${item.end} (${item.length} min).` : '';
    if (!elapsed) return;
    if (timer.startedAt === null || !item) {
      elapsed.textContent = 'Timer not started';
      if (timerButton) timerButton.textContent = 'Start timer';
      return;
    }
    if (timerButton) timerButton.textContent = 'Reset timer';
    const time = timer.elapsed();
    elapsed.textContent = `${formatElapsed(time)} · ${scheduleStatus(time, item).label}`;
  }

  const go = (index: number): void => {
    if (connected) channel.post({ type: 'go', slide: Math.max(0, Math.min(slides.length - 1, index)) });
    else show(index);
  };
  document.addEventListener('keydown', (event) => {
    if (keyBelongsElsewhere(event)) return;
    const next = slideForKey(event.key, current, slides.length);
    if (next === undefined) return;
    event.preventDefault();
    go(next);
  });
  root.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset['action'];
    if (action === 'previous') go(current - 1);
    else if (action === 'next') go(current + 1);
    else if (action === 'timer') channel.post({ type: 'timer', action: timer.startedAt === null ? 'start' : 'reset' });
  });

  root.dataset['ready'] = 'true';
  show(0);
  channel.post({ type: 'hello' });
  setInterval(tick, 1000);
}
