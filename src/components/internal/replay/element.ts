import { showError } from './show-error.ts';

/**
 * `<terminal-replay>`: the small part of the player that every page with a terminal loads. It waits until the
 * player is near the viewport (or a command in its list is clicked), then imports xterm and the player UI.
 * Until then the server-rendered poster is the terminal.
 */
export class TerminalReplayElement extends HTMLElement {
  private observer: IntersectionObserver | undefined;
  private started = false;
  private pendingMarker: number | undefined;

  connectedCallback(): void {
    const source = this.dataset['src'];
    if (!source) return; // the /replay/ page mounts its player itself
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.startWhenIdle(source);
    }, { rootMargin: '200px' });
    this.observer.observe(this);
    this.addEventListener('click', this.onEarlyClick);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.removeEventListener('click', this.onEarlyClick);
  }

  /**
   * A player in view at load starts once the page has painted and gone quiet: its code (xterm, 100 kB) and the
   * recording's parsing would otherwise hold back the page's first paint. Within a second at the latest.
   */
  private startWhenIdle(source: string): void {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void this.start(source), { timeout: 1000 });
    else setTimeout(() => void this.start(source), 0);
  }

  /** A click on a command before the player is ready: load now and jump there when ready. */
  private readonly onEarlyClick = (event: Event): void => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('[data-marker]');
    if (!button || this.started || !this.dataset['src']) return;
    this.pendingMarker = Number(button.dataset['marker']);
    void this.start(this.dataset['src']);
  };

  private async start(source: string): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.observer?.disconnect();
    this.removeEventListener('click', this.onEarlyClick);
    try {
      // The recording downloads while xterm and the player's code load, not after.
      const response = fetch(source);
      response.catch(() => undefined); // a failed request is reported by mount, once it reads the response
      const { mount } = await import('./player-ui.ts');
      const marker = this.dataset['posterMarker'];
      const mounted = await mount(this, { name: source, started: response }, marker === undefined ? undefined : Number(marker));
      if (mounted && this.pendingMarker !== undefined) await mounted.player.seekToMarker(this.pendingMarker);
    } catch (error) {
      showError(this, `The player could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

if (!customElements.get('terminal-replay')) customElements.define('terminal-replay', TerminalReplayElement);
