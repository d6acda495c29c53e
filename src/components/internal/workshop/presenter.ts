/**
 * The presenter view: one slide at a time, ←/→/PageUp/PageDown/Space/Home/End to move, the slide number in
 * the address (#3), a timer against the agenda, a console window kept in step over BroadcastChannel, and
 * terminal replays that pause before each command (optional). The server renders every slide; without
 * JavaScript the page is simply all slides one after another.
 */
import { scheduleStatus, formatElapsed } from '../../../lib/workshop/schedule.ts';
import { slideForKey } from '../../../lib/workshop/sync.ts';
import { keyBelongsElsewhere, openChannel, readPlan, Timer } from './deck.ts';

const root = document.querySelector<HTMLElement>('.present');
if (root) start(root);

function start(root: HTMLElement): void {
  const workshopId = root.dataset['workshop'] ?? '';
  const slides = [...root.querySelectorAll<HTMLElement>('.slide')];
  const plan = readPlan();
  const timer = new Timer(workshopId);
  const counter = root.querySelector<HTMLElement>('.present-counter');
  const clock = root.querySelector<HTMLElement>('.present-clock');
  const status = root.querySelector<HTMLElement>('.present-status');
  const timerButton = root.querySelector<HTMLButtonElement>('[data-action="timer"]');
  const pauseSetting = root.querySelector<HTMLInputElement>('#pause-at-commands');
  let current = 0;

  slides.forEach((slide, index) => {
    slide.id = `slide-${index + 1}`;
    slide.setAttribute('aria-roledescription', 'slide');
    slide.setAttribute('aria-label', `${index + 1} of ${slides.length}: ${slide.dataset['title'] ?? ''}`);
  });

  const channel = openChannel(workshopId, (message) => {
    if (message.type === 'hello') postState();
    else if (message.type === 'go') show(message.slide);
    else if (message.type === 'timer') setTimer(message.action === 'start' ? Date.now() : null);
  });
  const postState = (): void => channel.post({ type: 'state', slide: current, timerStartedAt: timer.startedAt });

  function show(index: number): void {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach((slide, at) => {
      if (at === current) slide.dataset['current'] = 'true';
      else delete slide.dataset['current'];
    });
    if (counter) counter.textContent = `${current + 1} / ${slides.length}`;
    if (status) status.textContent = `Slide ${current + 1} of ${slides.length}: ${slides[current]?.dataset['title'] ?? ''}`;
    history.replaceState(null, '', `#${current + 1}`);
    tick();
    postState();
  }

  function setTimer(startedAt: number | null): void {
    timer.set(startedAt);
    if (timerButton) timerButton.textContent = startedAt === null ? 'Start timer' : 'Reset timer';
    tick();
    postState();
  }

  function tick(): void {
    if (!clock) return;
    const item = plan[Number(slides[current]?.dataset['item'] ?? 0)];
    if (timer.startedAt === null || !item) {
      clock.textContent = item ? `Planned ${item.start}–${item.end}` : '';
      return;
    }
    const elapsed = timer.elapsed();
    clock.textContent = `${formatElapsed(elapsed)} · ${scheduleStatus(elapsed, item).label}`;
  }

  document.addEventListener('keydown', (event) => {
    if (keyBelongsElsewhere(event)) return;
    const next = slideForKey(event.key, current, slides.length);
    if (next === undefined) return;
    event.preventDefault();
    show(next);
  });
  root.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset['action'];
    if (action === 'previous') show(current - 1);
    else if (action === 'next') show(current + 1);
    else if (action === 'timer') setTimer(timer.startedAt === null ? Date.now() : null);
    else if (action === 'console') window.open(root.dataset['console'], `console-${workshopId}`, 'popup,width=960,height=720');
  });

  // Pause before each command: the player marks the command it reaches with aria-current="step"; when that
  // changes while it plays, press its pause button. The presenter then talks, and presses play to go on.
  const observer = new MutationObserver((records) => {
    if (!pauseSetting?.checked) return;
    for (const record of records) {
      const button = record.target as HTMLElement;
      // The player re-sets aria-current on every frame: only a command that just became current counts.
      if (record.oldValue === 'step' || button.getAttribute('aria-current') !== 'step') continue;
      const player = button.closest<HTMLElement>('terminal-replay');
      if (player?.dataset['state'] === 'playing') player.querySelector<HTMLButtonElement>('[data-action="toggle-play"]')?.click();
    }
  });
  observer.observe(root, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['aria-current'] });

  // The address names the slide (#3), so a reload, a bookmark or an edited address lands on it.
  const slideInHash = (): number => {
    const number = Number(location.hash.slice(1));
    return Number.isInteger(number) && number >= 1 ? number - 1 : 0;
  };
  window.addEventListener('hashchange', () => show(slideInHash()));
  root.dataset['ready'] = 'true';
  setTimer(timer.startedAt);
  show(slideInHash());
  setInterval(tick, 1000);
}
