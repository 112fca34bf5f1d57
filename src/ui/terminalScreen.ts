/**
 * The learner's xterm.js terminals. An XtermScreen is created once per simulated terminal and kept for its whole
 * life: React views attach its element to the page and detach it again without losing the screen or scrollback
 * (xterm can only be opened once, so a remount moves the existing element).
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { linkTerminal, type MasterTty, type TerminalLink } from './terminalLink.js';
import { fittedSize, XTERM_OPTIONS, type DeckScreen, type TerminalScreen } from './terminalLook.js';

export { XTERM_OPTIONS, type TerminalScreen };

export class XtermScreen implements DeckScreen {
  readonly xterm: Terminal;
  private linked: TerminalLink;
  private readonly wake: () => void;
  private readonly fitAddon = new FitAddon();
  /** Output from before a reload is still being laid out at the sizes it was first shown at. */
  private replaying = false;

  /** `history`: what the terminal showed before the page was reloaded, written before the live output. */
  constructor(tty: MasterTty, wake: () => void, history: readonly (string | { rows: number; cols: number })[] = []) {
    this.xterm = new Terminal(XTERM_OPTIONS);
    this.xterm.loadAddon(this.fitAddon);
    this.replayHistory(history);
    this.linked = linkTerminal(tty, this.xterm, { wake });
    this.wake = wake;
  }

  get link(): TerminalLink {
    return this.linked;
  }

  /** The window's shell was replaced by a new login (a new pts): the screen stays, input and output go there. */
  relink(tty: MasterTty): void {
    this.linked.dispose();
    this.linked = linkTerminal(tty, this.xterm, { wake: this.wake });
  }

  /** Text from the terminal app itself, not from the machine (not in any saved screen). */
  notice(text: string): void {
    // On a line of its own, wherever the output before it left the cursor.
    this.xterm.write('', () => this.xterm.write(this.xterm.buffer.active.cursorX === 0 ? text : `\r\n${text}`));
  }

  attach(el: HTMLElement): () => void {
    const own = this.xterm.element;
    if (own) el.appendChild(own);
    else {
      // Opened at the size fit() would give it: a resize right after open lays out and draws every row again
      // (a third of what opening costs).
      const size = this.replaying ? undefined : fittedSize(el, this.xterm.options);
      if (size && (size.cols !== this.xterm.cols || size.rows !== this.xterm.rows)) this.xterm.resize(size.cols, size.rows);
      this.xterm.open(el);
    }
    this.fit();
    const observer = new ResizeObserver(() => this.fit());
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (this.xterm.element?.parentElement === el) el.removeChild(this.xterm.element);
    };
  }

  /**
   * xterm parses writes later but resizes at once: each size change waits in the callback of the output
   * before it, so the bytes are laid out at the width they were first shown at. Live output queues behind.
   */
  private replayHistory(history: readonly (string | { rows: number; cols: number })[]): void {
    let sizes: { rows: number; cols: number }[] = [];
    const flush = (data: string, after: { rows: number; cols: number }[]): void =>
      this.xterm.write(data, () => {
        for (const s of after) this.xterm.resize(s.cols, s.rows);
      });
    let pending: string | undefined;
    for (const item of history) {
      if (typeof item !== 'string') {
        if (pending === undefined) this.xterm.resize(item.cols, item.rows);
        else sizes.push(item);
        continue;
      }
      if (pending !== undefined) flush(pending, sizes);
      pending = item;
      sizes = [];
    }
    if (pending !== undefined) {
      const last = sizes;
      this.replaying = true;
      this.xterm.write(pending, () => {
        this.replaying = false;
        for (const s of last) this.xterm.resize(s.cols, s.rows);
        // The page may have been fitted meanwhile: fit again now that the old layout is done.
        this.fit();
      });
    }
  }

  focus(): void {
    this.xterm.focus();
  }

  setReadOnly(on: boolean): void {
    this.xterm.options.disableStdin = on;
  }

  fit(): void {
    // A hidden or zero-sized box would make fit() propose a 1x1 terminal: keep the last size instead.
    if (this.xterm.element?.offsetParent === null) return;
    this.fitAddon.fit();
  }

  dispose(): void {
    this.linked.dispose();
    this.xterm.dispose();
  }
}
