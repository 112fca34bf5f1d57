/**
 * The learner's xterm.js terminals. An XtermScreen is created once per simulated terminal and kept for its whole
 * life: React views attach its element to the page and detach it again without losing the screen or scrollback
 * (xterm can only be opened once, so a remount moves the existing element).
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { linkTerminal, type MasterTty, type TerminalLink } from './terminalLink.js';
import type { Disposable } from '../pkg/disposable.js';

/** Something that shows terminals in a box of the page (one xterm, or the deck of tabs and split panes). */
export interface TerminalScreen {
  /** Shows the terminal(s) in `el`, sized to it; call the result to take them out again. */
  attach(el: HTMLElement): () => void;
}

/**
 * How the learner's terminals look (scripts/bench-floor sets up its xterm the same way).
 *
 * lineHeight 1.2: xterm makes a row exactly as tall as the font's ascent plus descent as the browser reports
 * them, rounded to whole pixels, and clips each row to it. DejaVu Sans Mono at 14 px has a descent of 3.3 px,
 * reported as 3, and its underscore lies in the lost 0.3 px: at 1× it vanished (`daemon_dave` read "daemon
 * dave"), and É's accent and CJK fallback glyphs, taller than DejaVu's, lost their edges too. Like the native
 * terminals, which size a cell from the font's metrics rounded up plus its line gap, the row gets room above
 * and below the glyphs: 1.5 px at 14 px, 2.5 px at presenter size (test/e2e/glyphs measures it on pixels).
 */
export const XTERM_OPTIONS = {
  fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontSize: 14,
  lineHeight: 1.2,
  cursorBlink: true,
  scrollback: 5000,
  theme: {
    background: '#1e1e1e',
    foreground: '#d4d4d4',
    cursor: '#d4d4d4',
    selectionBackground: '#264f78',
  },
};

export class XtermScreen implements TerminalScreen, Disposable {
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

/** The part of xterm's options that sizes its cells. */
interface CellOptions {
  readonly fontFamily?: string;
  readonly fontSize?: number;
  readonly lineHeight?: number;
  readonly letterSpacing?: number;
  readonly scrollback?: number;
}

let measure: OffscreenCanvasRenderingContext2D | null | undefined;

/**
 * The size FitAddon.fit() gives a terminal opened in `el`, worked out before it is opened: xterm 6 measures
 * its cell with a canvas's text metrics ('W', font bounding box) and FitAddon divides the box, less the
 * scrollbar, by it. Undefined where that cannot be known (no OffscreenCanvas, a hidden box); fit() decides.
 */
function fittedSize(el: HTMLElement, o: CellOptions): { cols: number; rows: number } | undefined {
  if (el.offsetParent === null) return undefined;
  if (measure === undefined) measure = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(100, 100).getContext('2d') : null;
  if (!measure) return undefined;
  measure.font = `${o.fontSize ?? 15}px ${o.fontFamily ?? 'courier-new, courier, monospace'}`;
  const m = measure.measureText('W');
  const dpr = window.devicePixelRatio || 1;
  const cellWidth = (m.width * dpr + Math.round(o.letterSpacing ?? 0)) / dpr;
  const cellHeight = Math.floor(Math.ceil((m.fontBoundingBoxAscent + m.fontBoundingBoxDescent) * dpr) * (o.lineHeight ?? 1)) / dpr;
  if (!(cellWidth > 0 && cellHeight > 0)) return undefined;
  const style = window.getComputedStyle(el);
  const scrollbar = o.scrollback === 0 ? 0 : 14;
  const width = Math.max(0, parseInt(style.width)) - scrollbar;
  const height = parseInt(style.height);
  return { cols: Math.max(2, Math.floor(width / cellWidth)), rows: Math.max(1, Math.floor(height / cellHeight)) };
}
