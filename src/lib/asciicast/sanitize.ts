/**
 * Neutralises escape sequences a replayed recording must not act on, as a stream filter: a sequence may be
 * split across events, so the filter keeps its state between `write` calls.
 *
 * - OSC 52 (clipboard) and every OSC other than titles (0, 1, 2) and links (8) are dropped.
 * - OSC 8 links are kept only when their target is http(s); otherwise the link is dropped, its text kept.
 * - DCS, SOS, PM and APC strings are dropped whole (they carry sixel, tmux passthrough, file transfers…).
 * Both 7-bit (ESC ]) and 8-bit C1 (U+009D) introducers are handled, since xterm.js honours both.
 */

const ESC = '\u001b';
const BEL = '\u0007';
/** An OSC longer than this is not a title or a link: drop it rather than buffer without end. */
const maxOscLength = 4096;

type State = 'ground' | 'escape' | 'osc' | 'oscEscape' | 'drop' | 'dropEscape';

/** Characters that start or end something this filter cares about. */
const interesting = /[\u001b\u0090\u0098\u009d\u009e\u009f]/;

export class OutputSanitizer {
  private state: State = 'ground';
  private osc = '';
  private oscTooLong = false;

  /** Returns the part of `chunk` that is safe to write now; held-back bytes come out with later chunks. */
  write(chunk: string): string {
    if (this.state === 'ground' && !interesting.test(chunk)) return chunk;
    let out = '';
    let runStart = 0;
    for (let index = 0; index < chunk.length; index++) {
      const char = chunk[index] as string;
      switch (this.state) {
        case 'ground':
          if (char === ESC) {
            out += chunk.slice(runStart, index);
            this.state = 'escape';
          } else if (char === '\u009d') {
            out += chunk.slice(runStart, index);
            this.startOsc();
          } else if (char === '\u0090' || char === '\u0098' || char === '\u009e' || char === '\u009f') {
            out += chunk.slice(runStart, index);
            this.state = 'drop';
          } else continue;
          break;
        case 'escape':
          if (char === ']') this.startOsc();
          else if (char === 'P' || char === 'X' || char === '^' || char === '_') this.state = 'drop';
          else {
            // Any other escape sequence passes through untouched; the terminal parses it.
            out += ESC;
            this.state = 'ground';
            if (char === ESC) this.state = 'escape';
            else out += char;
          }
          break;
        case 'osc':
          if (char === BEL || char === '\u009c') out += this.finishOsc();
          else if (char === ESC) this.state = 'oscEscape';
          else if (char === '\u0018' || char === '\u001a') this.abort();
          else this.appendOsc(char);
          break;
        case 'oscEscape':
          // ESC \ ends the string; any other ESC also ends it (as in xterm.js), and starts a new escape.
          out += this.finishOsc();
          if (char !== '\\') {
            this.state = 'escape';
            index--; // read this character again as the one after ESC
          }
          break;
        case 'drop':
          if (char === ESC) this.state = 'dropEscape';
          else if (char === '\u009c' || char === '\u0018' || char === '\u001a') this.state = 'ground';
          break;
        case 'dropEscape':
          this.state = 'ground';
          if (char !== '\\') {
            this.state = 'escape';
            index--; // read this character again as the one after ESC
          }
          break;
      }
      runStart = index + 1;
    }
    if (this.state === 'ground') out += chunk.slice(runStart);
    return out;
  }

  /** True when no half-read sequence is held back, so the output so far is complete. */
  get idle(): boolean {
    return this.state === 'ground';
  }

  /** Forget any half-read sequence, e.g. before replaying from a keyframe. */
  reset(): void {
    this.state = 'ground';
    this.osc = '';
    this.oscTooLong = false;
  }

  private startOsc(): void {
    this.state = 'osc';
    this.osc = '';
    this.oscTooLong = false;
  }

  private appendOsc(char: string): void {
    if (this.osc.length >= maxOscLength) this.oscTooLong = true;
    else this.osc += char;
  }

  private abort(): void {
    this.reset();
  }

  private finishOsc(): string {
    const payload = this.osc;
    const tooLong = this.oscTooLong;
    this.reset();
    if (tooLong) return '';
    return isSafeOsc(payload) ? `${ESC}]${payload}${ESC}\\` : '';
  }
}

/** Decides whether one OSC payload (without introducer and terminator) may reach the terminal. */
export function isSafeOsc(payload: string): boolean {
  const separator = payload.indexOf(';');
  const command = separator === -1 ? payload : payload.slice(0, separator);
  if (command === '0' || command === '1' || command === '2') return true;
  if (command !== '8') return false;
  // OSC 8 ; params ; uri — an empty uri closes the link and is always fine.
  const uriStart = payload.indexOf(';', separator + 1);
  if (uriStart === -1) return false;
  const uri = payload.slice(uriStart + 1);
  return uri === '' || /^https?:\/\/[^\s\u0000-\u001f]+$/i.test(uri);
}

/** Sanitises a whole string at once (posters, transcripts, tests). */
export function sanitizeOutput(text: string): string {
  return new OutputSanitizer().write(text);
}
