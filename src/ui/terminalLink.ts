/**
 * Connects a simulated terminal (the master side of a pts) to an xterm.js emulator, with flow control:
 * xterm parses output asynchronously, so output the emulator has not yet processed is counted, and above a
 * high-water mark the tty is stopped (XOFF) until the emulator drains below a low-water mark (XON). Writers in
 * the simulation then block in write(2) instead of filling memory, as on a real terminal.
 */
import type { Disposable } from '../pkg/disposable.js';

/** The master side of a simulated terminal. */
export interface MasterTty {
  onOutput(listener: (data: string) => void): Disposable;
  input(data: string): void;
  resize(rows: number, cols: number): void;
  setFlow(stopped: boolean): void;
}

/** The part of xterm.js used here. */
export interface Emulator {
  write(data: string, callback?: () => void): void;
  onData(listener: (data: string) => void): Disposable;
  onResize(listener: (size: { rows: number; cols: number }) => void): Disposable;
  readonly rows: number;
  readonly cols: number;
}

export interface LinkOptions {
  /** Characters written to the emulator and not yet parsed before output is stopped. */
  readonly highWater?: number;
  /** ... and below which it is resumed. */
  readonly lowWater?: number;
  /** Called after input is typed or output resumes, so the driver runs the simulation soon. */
  readonly wake?: () => void;
}

export interface TerminalLink extends Disposable {
  /** Characters handed to the emulator and not yet acknowledged. */
  readonly pending: number;
  readonly stopped: boolean;
}

/**
 * xterm parses what it was given in batches of about 12 ms, but looks at the clock only between two writes, so
 * one write of tens of KiB would be parsed in a single long task (each line feed costs xterm tens of µs while
 * the scrollback fills). Handed over in pieces, the batches stay short.
 */
const PIECE_CHARS = 4096;
const PIECE_LINES = 64;

/** Writes `data` to the emulator piece by piece; `done` runs once all of it has been parsed. */
function writeInPieces(term: Emulator, data: string, done: () => void): void {
  let start = 0;
  for (;;) {
    const end = pieceEnd(data, start);
    if (end >= data.length) {
      term.write(start === 0 ? data : data.slice(start), done);
      return;
    }
    term.write(data.slice(start, end));
    start = end;
  }
}

/** Where the piece starting at `start` ends: after PIECE_LINES line feeds or PIECE_CHARS characters. */
function pieceEnd(data: string, start: number): number {
  let limit = Math.min(data.length, start + PIECE_CHARS);
  // Both halves of a surrogate pair stay in one piece.
  if (limit < data.length && (data.charCodeAt(limit - 1) & 0xfc00) === 0xd800) limit--;
  let at = start;
  for (let n = 0; n < PIECE_LINES; n++) {
    const nl = data.indexOf('\n', at);
    if (nl < 0 || nl >= limit) return limit;
    at = nl + 1;
  }
  return at;
}

export function linkTerminal(tty: MasterTty, term: Emulator, opts: LinkOptions = {}): TerminalLink {
  const high = opts.highWater ?? 256 * 1024;
  const low = opts.lowWater ?? 64 * 1024;
  const wake = opts.wake ?? (() => {});
  let pending = 0;
  let stopped = false;
  let disposed = false;

  const written = (n: number) => () => {
    pending -= n;
    if (stopped && pending <= low && !disposed) {
      stopped = false;
      tty.setFlow(false);
      wake();
    }
  };

  tty.resize(term.rows, term.cols);
  const subs: Disposable[] = [
    tty.onOutput((data) => {
      pending += data.length;
      writeInPieces(term, data, written(data.length));
      if (!stopped && pending > high) {
        stopped = true;
        tty.setFlow(true);
      }
    }),
    term.onData((keys) => {
      tty.input(keys);
      wake();
    }),
    term.onResize(({ rows, cols }) => {
      tty.resize(rows, cols);
      wake();
    }),
  ];

  return {
    get pending() {
      return pending;
    },
    get stopped() {
      return stopped;
    },
    dispose() {
      disposed = true;
      for (const s of subs) s.dispose();
      if (stopped) tty.setFlow(false);
    },
  };
}
