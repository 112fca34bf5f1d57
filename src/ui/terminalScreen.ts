/**
 * The learner's xterm.js terminals. An XtermScreen is created once per simulated terminal and kept for its whole
 * life: React views attach its element to the page and detach it again without losing the screen or scrollback
 * (xterm can only be opened once, so a remount moves the existing element).
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { linkTerminal, type Disposable, type MasterTty, type TerminalLink } from './terminalLink.js';

/** Something that shows terminals in a box of the page (one xterm, or the deck of tabs and split panes). */
export interface TerminalScreen {
  /** Shows the terminal(s) in `el`, sized to it; call the result to take them out again. */
  attach(el: HTMLElement): () => void;
}

const THEME = {
  background: '#1e1e1e',
  foreground: '#d4d4d4',
  cursor: '#d4d4d4',
  selectionBackground: '#264f78',
};

export class XtermScreen implements TerminalScreen, Disposable {
  readonly xterm: Terminal;
  readonly link: TerminalLink;
  private readonly fitAddon = new FitAddon();

  /** `history`: what the terminal showed before the page was reloaded, written before the live output. */
  constructor(tty: MasterTty, wake: () => void, history: readonly (string | { rows: number; cols: number })[] = []) {
    this.xterm = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      cursorBlink: true,
      scrollback: 5000,
      theme: THEME,
    });
    this.xterm.loadAddon(this.fitAddon);
    this.replayHistory(history);
    this.link = linkTerminal(tty, this.xterm, { wake });
  }

  attach(el: HTMLElement): () => void {
    const own = this.xterm.element;
    if (own) el.appendChild(own);
    else this.xterm.open(el);
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
      this.xterm.write(pending, () => {
        for (const s of last) this.xterm.resize(s.cols, s.rows);
        // The page may have been fitted meanwhile: fit again now that the old layout is done.
        this.fit();
      });
    }
  }

  focus(): void {
    this.xterm.focus();
  }

  fit(): void {
    // A hidden or zero-sized box would make fit() propose a 1x1 terminal: keep the last size instead.
    if (this.xterm.element?.offsetParent === null) return;
    this.fitAddon.fit();
  }

  dispose(): void {
    this.link.dispose();
    this.xterm.dispose();
  }
}
