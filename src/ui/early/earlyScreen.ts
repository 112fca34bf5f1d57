/**
 * The npm package's terminal screen before xterm.js is in. xterm.js 6 is one module of ~80 KiB gzip that
 * cannot be split, and the first prompt does not need it: an EarlyScreen asks for xterm.js's chunk at once,
 * and meanwhile draws the machine's output itself (grid.ts keeps xterm.js's rules for the bytes a shell's
 * first screens use, view.ts its DOM renderer's elements and measurements) and types keys as xterm.js's
 * onData would (keys.ts). When the chunk is in, an XtermScreen takes over, with every byte written so far
 * (and every size the terminal had) written into it, in the same place: the early screen stays on top until
 * xterm.js has drawn that, then goes, so nothing moves.
 *
 * Output the grid does not understand stops the drawing: the screen shows what came before it, never a
 * guess, until xterm.js draws the rest; keys typed from then on wait and are sent, in order, at the handover
 * (what they mean may depend on a mode the grid did not follow).
 */
import type { Terminal as Xterm } from '@xterm/xterm';
import type { Disposable } from '../../pkg/disposable.js';
import type { MasterTty } from '../terminalLink.js';
import { fittedSize, XTERM_OPTIONS, type DeckScreen } from '../terminalLook.js';
import type { XtermScreen } from '../terminalScreen.js';
import { EarlyGrid } from './grid.js';
import { keyInput } from './keys.js';
import { dimensions, EarlyView } from './view.js';

type Size = { rows: number; cols: number };
type History = readonly (string | Size)[];
export type LoadXterm = () => Promise<{ XtermScreen: new (tty: MasterTty, wake: () => void, history: History) => XtermScreen }>;

/** Output kept for xterm.js above which the machine is told to wait (XOFF), as xterm.js's link does. */
const HIGH_WATER = 256 * 1024;

/** The size FitAddon.fit() settles on in `pane` for a screen whose root element is `root`. */
function fitted(pane: HTMLElement, root: HTMLElement, start: Size): Size {
  let size = fittedSize(pane, XTERM_OPTIONS) ?? start;
  // fit() divides by the cell size xterm.js lays out at the current size (rounded to whole pixels across
  // the row): settle where that no longer changes the answer, as repeated fits do.
  for (let i = 0; i < 3; i++) {
    const d = dimensions(size.cols, size.rows);
    if (!d || pane.offsetParent === null) return size;
    const ps = getComputedStyle(pane);
    const rs = getComputedStyle(root);
    const height = parseInt(ps.height) - (parseInt(rs.paddingTop) || 0) - (parseInt(rs.paddingBottom) || 0);
    const width = Math.max(0, parseInt(ps.width)) - (parseInt(rs.paddingLeft) || 0) - (parseInt(rs.paddingRight) || 0) - 14;
    const next = { cols: Math.max(2, Math.floor(width / d.cellWidth)), rows: Math.max(1, Math.floor(height / d.cellHeight)) };
    if (next.cols === size.cols && next.rows === size.rows) return size;
    size = next;
  }
  return size;
}

const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export class EarlyScreen implements DeckScreen {
  private inner: XtermScreen | undefined;
  private tty: MasterTty;
  private size: Size = { rows: 24, cols: 80 };
  private grid = new EarlyGrid(24, 80);
  /** Everything written and every size taken, for xterm.js (XtermScreen's history). */
  private readonly log: (string | Size)[] = [{ rows: 24, cols: 80 }];
  private logChars = 0;
  private stopped = false;
  private output: Disposable;
  private view: EarlyView | undefined;
  private pane: HTMLElement | undefined;
  private unview: (() => void) | undefined;
  private readonly held: string[] = [];
  private readonly notices: string[] = [];
  private readOnly = false;
  private focused = false;
  private wantFocus = false;
  private cursorShown = false;
  private drawn: { x: number; y: number } = { x: -1, y: -1 };
  private frame = 0;
  private disposed = false;

  constructor(
    tty: MasterTty,
    private readonly wake: () => void,
    history: History,
    load: LoadXterm,
  ) {
    this.tty = tty;
    // A screen restored from a saved page is xterm.js's to lay out; the package never restores one.
    if (history.length > 0) {
      this.grid.ok = false;
      this.log.push(...history);
    }
    // As a new xterm.js is linked: at its default size until fitted to the page.
    tty.resize(24, 80);
    this.output = tty.onOutput((data) => this.write(data));
    load().then(
      (m) => this.handover(m.XtermScreen),
      (e: unknown) => console.error('dockersim: the terminal could not be loaded', e),
    );
  }

  get xterm(): Xterm | undefined {
    return this.inner?.xterm;
  }

  /** Whether the early screen still draws (for tests: `data-early` on its element says the same). */
  get drawing(): boolean {
    return this.inner === undefined && this.grid.ok;
  }

  private write(data: string): void {
    this.log.push(data);
    this.logChars += data.length;
    if (!this.stopped && this.logChars > HIGH_WATER) {
      this.stopped = true;
      this.tty.setFlow(true);
    }
    if (this.grid.ok) {
      this.grid.write(data);
      this.schedule();
    }
    if (!this.grid.ok) this.view?.root.setAttribute('data-early', 'stopped');
  }

  private schedule(): void {
    if (this.frame || !this.view) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(all = false): void {
    const v = this.view;
    if (!v || this.inner) return;
    const g = this.grid;
    const cx = Math.min(g.x, g.cols - 1);
    const cursor = this.cursorShown && !g.cursorHidden;
    const rows = all ? g.lines.map((_, i) => i) : [...g.dirty, this.drawn.y, g.y];
    g.dirty.clear();
    for (const y of new Set(rows)) {
      if (y >= 0 && y < g.rows) v.drawRow(y, g.lines[y], cursor && y === g.y ? cx : -1, this.focused);
    }
    this.drawn = { x: cx, y: g.y };
    v.placeTextarea(cx, g.y);
  }

  private send(keys: string): void {
    if (this.readOnly || keys === '') return;
    this.cursorShown = true;
    if (this.grid.ok) {
      this.tty.input(keys);
      this.wake();
    } else this.held.push(keys);
  }

  private build(pane: HTMLElement): void {
    const v = new EarlyView(pane.ownerDocument);
    v.root.setAttribute('data-early', this.grid.ok ? 'drawing' : 'stopped');
    pane.appendChild(v.root);
    const size = fitted(pane, v.root, this.size);
    this.view = v;
    this.setSize(size);
    const t = v.textarea;
    const on = <K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, fn: (e: HTMLElementEventMap[K]) => void): void => target.addEventListener(type, fn);
    on(t, 'keydown', (e) => {
      if (e.isComposing || e.keyCode === 229) return;
      const keys = keyInput(e, isMac());
      if (keys === undefined) return;
      e.preventDefault();
      this.send(keys);
    });
    on(t, 'paste', (e) => {
      e.preventDefault();
      this.send((e.clipboardData?.getData('text/plain') ?? '').replace(/\r?\n/g, '\r'));
    });
    // Text that comes without a key (an on-screen keyboard, an emoji picker), as xterm.js's input handler takes it.
    on(t, 'input', (e) => {
      const ie = e as InputEvent;
      if (ie.inputType !== 'insertText' || !ie.data || ie.isComposing) return;
      this.send(ie.data);
      t.value = '';
    });
    on(t, 'compositionend', (e) => {
      this.send(e.data);
      t.value = '';
    });
    on(t, 'focus', () => this.setFocused(true));
    on(t, 'blur', () => this.setFocused(false));
    on(v.root, 'mousedown', (e) => {
      e.preventDefault();
      t.focus({ preventScroll: true });
    });
    const observer = new ResizeObserver(() => this.fit());
    observer.observe(pane);
    this.unview = () => {
      observer.disconnect();
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
      v.root.remove();
      this.view = undefined;
    };
    if (this.wantFocus) t.focus({ preventScroll: true });
    this.wantFocus = false;
  }

  private setFocused(on: boolean): void {
    this.focused = on;
    if (on) this.cursorShown = true;
    this.view?.setFocused(on);
    this.draw();
  }

  private setSize(size: Size): void {
    const v = this.view;
    const changed = size.rows !== this.size.rows || size.cols !== this.size.cols;
    if (changed) {
      this.size = size;
      this.log.push(size);
      this.tty.resize(size.rows, size.cols);
      this.wake();
      // As xterm.js resizes its buffer; where it would reflow lines, the grid stops instead.
      this.grid.resize(size.rows, size.cols);
    }
    if (v && v.resize(this.size.cols, this.size.rows)) this.draw(true);
    else this.grid.ok = false;
    v?.root.setAttribute('data-early', this.grid.ok ? 'drawing' : 'stopped');
  }

  attach(el: HTMLElement): () => void {
    if (this.inner) return this.inner.attach(el);
    this.pane = el;
    this.build(el);
    let undo: (() => void) | undefined;
    this.undoAttach = (inner) => {
      undo = inner;
    };
    return () => {
      this.pane = undefined;
      this.undoAttach = undefined;
      if (undo) undo();
      else this.unview?.();
      this.unview = undefined;
    };
  }

  /** Set while attached: hands the detach over to xterm.js's screen. */
  private undoAttach: ((inner: () => void) => void) | undefined;

  private handover(Screen: new (tty: MasterTty, wake: () => void, history: History) => XtermScreen): void {
    if (this.disposed) return;
    this.output.dispose();
    if (this.stopped) this.tty.setFlow(false);
    const tty = this.tty;
    // Every size in the log reached the machine already: xterm.js replaying them must not send them again.
    let replaying = true;
    const quiet: MasterTty = {
      onOutput: (l) => tty.onOutput(l),
      input: (d) => tty.input(d),
      resize: (r, c) => {
        if (!replaying) tty.resize(r, c);
      },
      setFlow: (s) => tty.setFlow(s),
    };
    const inner = new Screen(quiet, this.wake, this.log);
    this.inner = inner;
    if (this.readOnly) inner.setReadOnly(true);
    for (const n of this.notices) inner.notice(n);
    const held = this.held.splice(0).join('');
    if (held !== '') {
      tty.input(held);
      this.wake();
    }
    const view = this.view;
    const pane = this.pane;
    inner.xterm.write('', () => {
      replaying = false;
      // A fit during the replay (the page's size, if it differs from the last one here) is told now.
      tty.resize(inner.xterm.rows, inner.xterm.cols);
    });
    // xterm.js has taken the bytes (its constructor wrote them): they need not be kept twice.
    this.log.length = 0;
    if (!view || !pane) return;
    const hadFocus = view.root.ownerDocument.activeElement === view.textarea;
    // On top, where it is, until xterm.js has drawn the same.
    const r = view.root;
    const { offsetLeft, offsetTop, offsetWidth } = r;
    Object.assign(r.style, { position: 'absolute', left: `${offsetLeft}px`, top: `${offsetTop}px`, width: `${offsetWidth}px`, zIndex: '10' });
    const detachInner = inner.attach(pane);
    const unview = this.unview;
    this.unview = undefined;
    this.undoAttach?.(() => {
      unview?.();
      detachInner();
    });
    if (hadFocus) inner.focus();
    // Write callbacks run in order, after the replay is parsed; xterm.js draws it in the next frame,
    // before this frame callback (registered later) takes the early screen away.
    inner.xterm.write('', () => requestAnimationFrame(() => unview?.()));
  }

  relink(tty: MasterTty): void {
    if (this.inner) return this.inner.relink(tty);
    this.output.dispose();
    if (this.stopped) {
      this.tty.setFlow(false);
      this.stopped = false;
    }
    this.tty = tty;
    tty.resize(this.size.rows, this.size.cols);
    this.output = tty.onOutput((data) => this.write(data));
  }

  notice(text: string): void {
    if (this.inner) this.inner.notice(text);
    else this.notices.push(text);
  }

  focus(): void {
    if (this.inner) return this.inner.focus();
    if (this.view) this.view.textarea.focus({ preventScroll: true });
    else this.wantFocus = true;
  }

  fit(): void {
    if (this.inner) return this.inner.fit();
    const v = this.view;
    if (!v || !this.pane || this.pane.offsetParent === null) return;
    this.setSize(fitted(this.pane, v.root, this.size));
  }

  setReadOnly(on: boolean): void {
    this.readOnly = on;
    this.inner?.setReadOnly(on);
  }

  dispose(): void {
    this.disposed = true;
    this.unview?.();
    if (this.inner) this.inner.dispose();
    else {
      this.output.dispose();
      if (this.stopped) this.tty.setFlow(false);
    }
  }
}
