/**
 * A full-screen program's hold on its terminal: raw mode through tcsetattr, the alternate screen, the window
 * size and SIGWINCH, and keys with the ESC timeout. `leave` puts everything back; the program calls it in a
 * `finally`, and the deadly signals a real editor catches (SIGTERM, SIGHUP) end the key loop so it gets there.
 */
import type { Signal } from '../../../engine/kernel/signals.js';
import type { SignalDisposition, Sys, TermiosState, WinSize } from '../../../engine/kernel/sys.js';
import { KeyDecoder } from './keys.js';

export const ALT_SCREEN_ON = '\x1b[?1049h';
export const ALT_SCREEN_OFF = '\x1b[?1049l';

/** What `readKey` hands back besides keys. */
export type TuiEvent = string | { readonly resized: WinSize } | { readonly deadly: Signal } | null;

export interface TuiOptions {
  /** Virtual ms to wait for the rest of an escape sequence (vim's 'ttimeoutlen', 100 in defaults.vim). */
  readonly escTimeout: number;
  readonly inFd?: number;
  readonly outFd?: number;
}

const DEADLY: readonly Signal[] = ['SIGTERM', 'SIGHUP'];

export class Tui {
  private readonly decoder = new KeyDecoder();
  private readonly queue: string[] = [];
  private saved: TermiosState | null = null;
  private readonly oldHandlers = new Map<Signal, SignalDisposition>();
  private resized = false;
  private deadly: Signal | null = null;
  private interrupted = false;
  private readonly inFd: number;
  private readonly outFd: number;
  private onScreen = false;

  constructor(
    private readonly sys: Sys,
    private readonly opts: TuiOptions,
  ) {
    this.inFd = opts.inFd ?? 0;
    this.outFd = opts.outFd ?? 1;
  }

  /**
   * Raw input (no canonical editing, no echo) with signals kept: Ctrl-C reaches the program as SIGINT, which
   * `readKey` turns back into the key `<C-c>` as vim reads it.
   */
  async enter(): Promise<void> {
    if (this.sys.isatty(this.inFd)) {
      this.saved = this.sys.tcgetattr(this.inFd);
      this.sys.tcsetattr(this.inFd, { icanon: false, echo: false, isig: true });
    }
    this.trap('SIGWINCH', () => void (this.resized = true));
    this.trap('SIGINT', () => void (this.interrupted = true));
    this.trap('SIGQUIT', 'ignore');
    this.trap('SIGTSTP', 'ignore');
    for (const sig of DEADLY) this.trap(sig, (s) => void (this.deadly = s));
    await this.write(`${ALT_SCREEN_ON}\x1b[H\x1b[2J`);
    this.onScreen = true;
  }

  private trap(sig: Signal, d: SignalDisposition): void {
    this.oldHandlers.set(sig, this.sys.signal(sig, d));
  }

  /** Back to the terminal as it was: normal screen, the saved modes, the old signal dispositions. */
  async leave(): Promise<void> {
    if (this.saved) this.sys.tcsetattr(this.inFd, this.saved);
    this.saved = null;
    for (const [sig, d] of this.oldHandlers) this.sys.signal(sig, d);
    this.oldHandlers.clear();
    if (this.onScreen) {
      this.onScreen = false;
      await this.write(ALT_SCREEN_OFF);
    }
  }

  size(): WinSize {
    try {
      const s = this.sys.getWinSize(this.outFd);
      return { rows: s.rows || 24, cols: s.cols || 80 };
    } catch {
      return { rows: 24, cols: 80 };
    }
  }

  write(data: string): Promise<void> {
    return this.sys.write(this.outFd, data);
  }

  /**
   * The next key, a resize, a deadly signal, or null at end of input. A held escape sequence waits
   * `escTimeout` of virtual time for its rest, then counts as the keys typed.
   */
  async readKey(): Promise<TuiEvent> {
    for (;;) {
      if (this.deadly) return { deadly: this.deadly };
      if (this.resized) {
        this.resized = false;
        return { resized: this.size() };
      }
      if (this.interrupted) {
        this.interrupted = false;
        return '<C-c>';
      }
      if (this.queue.length > 0) return this.queue.shift()!;
      if (this.decoder.pending) {
        const until = this.sys.uptime() + this.opts.escTimeout;
        let data: string | null | undefined;
        do data = await this.sys.readTimed(this.inFd, until - this.sys.uptime());
        while (data === undefined && this.sys.uptime() < until && !this.resized && !this.deadly && !this.interrupted);
        if (data === null) return null;
        if (data === undefined) {
          if (this.sys.uptime() >= until) this.queue.push(...this.decoder.flush());
          continue;
        }
        this.queue.push(...this.decoder.feed(data));
        continue;
      }
      const data = await this.sys.readTimed(this.inFd, Infinity);
      if (data === null) return null;
      if (data !== undefined) this.queue.push(...this.decoder.feed(data));
    }
  }

  /** Keys already typed and waiting (a paste): the caller may draw once after all of them. */
  get typeahead(): boolean {
    return this.queue.length > 0;
  }
}
