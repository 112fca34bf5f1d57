/**
 * The learner's xterm.js terminal, created once per session and kept for its whole life: React views attach
 * its element to the page and detach it again without losing the screen or scrollback (xterm can only be
 * opened once, so a remount moves the existing element).
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { linkTerminal, type Disposable, type MasterTty, type TerminalLink } from './terminalLink.js';

const THEME = {
  background: '#1e1e1e',
  foreground: '#d4d4d4',
  cursor: '#d4d4d4',
  selectionBackground: '#264f78',
};

export class TerminalScreen implements Disposable {
  readonly xterm: Terminal;
  readonly link: TerminalLink;
  private readonly fitAddon = new FitAddon();

  constructor(tty: MasterTty, wake: () => void) {
    this.xterm = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      cursorBlink: true,
      scrollback: 5000,
      theme: THEME,
    });
    this.xterm.loadAddon(this.fitAddon);
    this.link = linkTerminal(tty, this.xterm, { wake });
  }

  /** Shows the terminal in `el`, sized to it, and keeps it fitted; call the result to take it out again. */
  attach(el: HTMLElement): () => void {
    const own = this.xterm.element;
    if (own) el.appendChild(own);
    else this.xterm.open(el);
    this.fit();
    const observer = new ResizeObserver(() => this.fit());
    observer.observe(el);
    this.xterm.focus();
    return () => {
      observer.disconnect();
      if (this.xterm.element?.parentElement === el) el.removeChild(this.xterm.element);
    };
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
