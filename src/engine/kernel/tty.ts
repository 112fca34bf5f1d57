/**
 * A pseudo-terminal: the slave side programs read and write through a line discipline (n_tty), the master
 * side a terminal emulator (xterm.js, or the headless runner) types into and reads from.
 */
import type { Disposable } from '../../pkg/disposable.js';
import { Utf8Stream } from './chunks.js';
import type { Data, ReadResult, WriteResult } from './io.js';
import { WaitQueue, type Scheduler } from './scheduler.js';
import type { Signal } from './signals.js';
import type { TermiosState, WinSize } from './sys.js';

/** `echo` is true for the line discipline's echo of typed keys, false for what programs wrote. */
export type OutputListener = (data: string, echo: boolean) => void;

const EOF_MARK = Symbol('eof');
type InputItem = string | typeof EOF_MARK;

/** What a terminal shows when it has nobody listening: kept so an attaching emulator sees it (bounded). */
const BACKLOG_LIMIT = 1 << 20;

/**
 * ONLCR: each newline goes out as CR LF (one already preceded by CR is left alone). Split and join rather
 * than a global regexp replace: V8 builds that replace's result as a tree of one small string per match,
 * which for `yes` (2,048 newlines per write) is ~130 KB of heap per 6 KB shown and seconds of GC per run.
 */
function onlcr(data: string): string {
  if (!data.includes('\n')) return data;
  return data.includes('\r') ? data.split(/\r?\n/).join('\r\n') : data.split('\n').join('\r\n');
}

/**
 * Typed input not yet read: a line editor reads one key at a time, so a long pasted line (200,000 keys, one
 * item each in raw mode) must not cost a shift of the whole array per key.
 */
class InputQueue {
  private items: InputItem[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  first(): InputItem | undefined {
    return this.items[this.head];
  }

  replaceFirst(item: InputItem): void {
    this.items[this.head] = item;
  }

  shift(): InputItem | undefined {
    const item = this.items[this.head];
    if (item === undefined) return undefined;
    this.head++;
    if (this.head === this.items.length) this.clear();
    else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  push(item: InputItem): void {
    this.items.push(item);
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

export class Tty {
  readonly termios: TermiosState = { icanon: true, echo: true, isig: true, onlcr: true };
  winsize: WinSize = { rows: 24, cols: 80 };
  /** Foreground process group; 0 when none. */
  fgPgrp = 0;
  /** Session whose controlling terminal this is; 0 when none. */
  sid = 0;
  /** The kernel's key for it: devpts instance and number (`name` alone repeats across containers). */
  key = '';
  /** Owner of /dev/pts/N: login chowns the terminal to the user. */
  uid = 0;
  /** Flow control (XOFF): writers block while the emulator catches up. */
  private stopped = false;
  private line = '';
  private lastWritten = '';
  private lastShown = '';
  private readonly ready = new InputQueue();
  private readonly listeners = new Set<OutputListener>();
  /** Bytes written to the terminal, decoded as xterm.js decodes them (made at the first bytes written). */
  private shown: Utf8Stream | null = null;
  private backlog: string[] = [];
  private backlogSize = 0;
  readonly readWait = new WaitQueue();
  readonly writeWait = new WaitQueue();

  constructor(
    /** `pts/0`, as ttyname(3) reports it without `/dev/`. */
    readonly name: string,
    private readonly sched: Scheduler,
    private readonly signalGroup: (pgid: number, sig: Signal) => void,
  ) {}

  // ---- master side

  onOutput(listener: OutputListener): Disposable {
    this.listeners.add(listener);
    if (this.backlog.length > 0) {
      const data = this.backlog.join('');
      this.backlog = [];
      this.backlogSize = 0;
      listener(data, false);
    }
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Keys typed at the terminal. */
  input(data: string): void {
    for (const ch of data) this.inputChar(ch);
  }

  resize(rows: number, cols: number): void {
    if (rows === this.winsize.rows && cols === this.winsize.cols) return;
    this.winsize = { rows, cols };
    if (this.fgPgrp) this.signalGroup(this.fgPgrp, 'SIGWINCH');
  }

  /** Pauses (true) or resumes output, as XOFF/XON would. */
  setFlow(stopped: boolean): void {
    this.stopped = stopped;
    if (!stopped) this.writeWait.wakeAll(this.sched);
  }

  /** True if a program is blocked reading this terminal with nothing to read. */
  get waitingForInput(): boolean {
    // Counted from the wait queue, not a counter: a reader killed while blocked must stop counting.
    return this.readWait.live() > 0 && this.ready.size === 0;
  }

  /** Input typed but not yet read (the current canonical line is not counted). */
  get pendingInput(): number {
    return this.ready.size;
  }

  // ---- slave side

  /**
   * tcsetattr. Leaving canonical mode makes a line typed ahead but not yet ended readable at once, as n_tty
   * does: keys typed while `docker attach` was still connecting reach the container when it switches to raw.
   */
  setTermios(state: Partial<TermiosState>): void {
    const wasCanonical = this.termios.icanon;
    Object.assign(this.termios, state);
    if (wasCanonical && !this.termios.icanon && this.line !== '') {
      const typed = this.line;
      this.line = '';
      this.push(typed);
    }
  }

  tryRead(max?: number): ReadResult {
    const item = this.ready.first();
    if (item === undefined) return undefined;
    if (item === EOF_MARK) {
      this.ready.shift();
      return null;
    }
    if (this.termios.icanon) {
      // Like n_tty: a short read takes the start of the line and leaves the rest for the next read.
      if (max !== undefined && max > 0 && item.length > max) {
        this.ready.replaceFirst(item.slice(max));
        return item.slice(0, max);
      }
      this.ready.shift();
      return item;
    }
    let out = '';
    while (this.ready.size > 0 && typeof this.ready.first() === 'string') {
      const next = this.ready.first() as string;
      if (max !== undefined && max > 0 && out.length + next.length > max) {
        const take = max - out.length;
        this.ready.replaceFirst(next.slice(take));
        return out + next.slice(0, take);
      }
      out += this.ready.shift() as string;
    }
    return out;
  }

  tryWrite(written: Data): WriteResult {
    if (this.stopped) return undefined;
    // The emulator gets text: bytes decode as it would decode them (a character split across writes whole,
    // malformed bytes dropped); text after bytes first ends what they left unfinished.
    const data = typeof written === 'string' && !this.shown ? written : (this.shown ??= new Utf8Stream(true)).push(written);
    if (!this.termios.onlcr) this.emit(data);
    else {
      // A program repeating one buffer (`yes`) converts it once.
      if (data !== this.lastWritten) {
        this.lastWritten = data;
        this.lastShown = onlcr(data);
      }
      this.emit(this.lastShown);
    }
    return 'ok';
  }

  private emit(data: string, echo = false): void {
    if (data.length === 0) return;
    if (this.listeners.size === 0) {
      this.backlog.push(data);
      this.backlogSize += data.length;
      while (this.backlogSize > BACKLOG_LIMIT && this.backlog.length > 1) {
        this.backlogSize -= this.backlog.shift()!.length;
      }
      return;
    }
    for (const l of this.listeners) l(data, echo);
  }

  private echo(text: string): void {
    if (this.termios.echo) this.emit(text, true);
  }

  private push(item: InputItem): void {
    this.ready.push(item);
    this.readWait.wakeAll(this.sched);
  }

  private inputChar(ch: string): void {
    const t = this.termios;
    if (t.isig && (ch === '\x03' || ch === '\x1c' || ch === '\x1a')) {
      const [sig, shown]: [Signal, string] =
        ch === '\x03' ? ['SIGINT', '^C'] : ch === '\x1c' ? ['SIGQUIT', '^\\'] : ['SIGTSTP', '^Z'];
      this.line = '';
      if (t.icanon) this.ready.clear();
      this.echo(shown);
      if (this.fgPgrp) this.signalGroup(this.fgPgrp, sig);
      return;
    }
    if (!t.icanon) {
      this.push(ch);
      if (t.echo) this.emit(ch === '\r' ? '\r\n' : ch, true);
      return;
    }
    switch (ch) {
      case '\r':
      case '\n':
        this.echo('\r\n');
        this.push(`${this.line}\n`);
        this.line = '';
        return;
      case '\x04':
        if (this.line === '') this.push(EOF_MARK);
        else {
          this.push(this.line);
          this.line = '';
        }
        return;
      case '\x7f':
      case '\b':
        if (this.line.length > 0) {
          const last = [...this.line].pop()!;
          this.line = this.line.slice(0, -last.length);
          this.echo(last < ' ' ? '\b \b\b \b' : '\b \b');
        }
        return;
      case '\x15':
        this.echo('\b \b'.repeat([...this.line].length));
        this.line = '';
        return;
      case '\x17': {
        const m = /\S*\s*$/.exec(this.line)!;
        this.echo('\b \b'.repeat([...m[0]].length));
        this.line = this.line.slice(0, m.index);
        return;
      }
      default:
        this.line += ch;
        if (ch < ' ' && ch !== '\t') this.echo(`^${String.fromCharCode(ch.charCodeAt(0) + 64)}`);
        else this.echo(ch);
    }
  }
}
