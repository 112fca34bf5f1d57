/**
 * One learner session: a booted machine, the real-time driver running it, its terminals, and the input journal
 * that lets it survive a reload (src/machine/journal.ts). Created once, outside React.
 *
 * Every input from the page (keys, a window resized, XOFF/XON from xterm, a terminal opened or closed) is
 * queued in the journal's recorder and enters the machine at the start of the driver's next tick, never
 * while the kernel is running: that, and nothing else, makes the journal replayable.
 */
import { sampledKernel } from '../lessons/slices.js';
import { RealtimeDriver, type DriverHost } from '../machine/driver.js';
import {
  InputRecorder,
  positionOf,
  replay,
  type JournalEntry,
  type Position,
  type ReplayOptions,
  type WriteResult,
} from '../machine/journal.js';
import type { FileTarget } from '../machine/files.js';
import type { HttpOutcome, HttpRequest } from '../machine/preview.js';
import type { Machine, Terminal } from '../machine/machine.js';
import type { MasterTty } from './terminalLink.js';
import type { Disposable } from '../pkg/disposable.js';
import { sessionEndedNotice } from './sessionEnded.js';

export interface SessionTerminal {
  /** 0, 1, … in the order terminals were opened; never reused. */
  readonly id: number;
  /** The machine's side (the login shell and its pts). */
  readonly terminal: Terminal;
  /** What an emulator talks to: output straight from the pts, input through the journal. */
  readonly master: MasterTty;
}

export interface SessionParams {
  readonly seed: number;
  /** `?test=1`: expose the session to browser tests as `window.__dockersim`. */
  readonly testHooks: boolean;
  /** `?session=…`: a shared session to replay (src/ui/persist/shareLink.ts). */
  readonly shared: string | null;
}

export const DEFAULT_SEED = 1;

export function sessionParams(search: string): SessionParams {
  const q = new URLSearchParams(search);
  const raw = q.get('seed');
  const seed = raw !== null && /^\d+$/.test(raw) ? Number(raw) : DEFAULT_SEED;
  return { seed, testHooks: q.get('test') === '1', shared: q.get('session') };
}

export type Boot = (seed: number) => Machine;

/**
 * What a terminal showed, for a new emulator to show it again: output and the emulator's size changes in the
 * order they happened (the same bytes reflow differently at another width, and line editors draw for the
 * width they were told).
 */
export type ScreenHistory = (string | { readonly rows: number; readonly cols: number })[];

/** Output kept per terminal for the screen after a restore (xterm keeps 5,000 lines of scrollback anyway). */
const HISTORY_LIMIT = 2 << 20;

class HistoryRecorder {
  readonly items: ScreenHistory = [];
  private size = 0;
  private lastDroppedSize: { rows: number; cols: number } | undefined;

  push(item: ScreenHistory[number]): void {
    this.items.push(item);
    if (typeof item !== 'string') return;
    this.size += item.length;
    while (this.size > HISTORY_LIMIT && this.items.length > 1) {
      const first = this.items.shift()!;
      if (typeof first === 'string') this.size -= first.length;
      else this.lastDroppedSize = first;
    }
  }

  done(): ScreenHistory {
    return this.lastDroppedSize && typeof this.items[0] === 'string' ? [this.lastDroppedSize, ...this.items] : this.items;
  }
}

/** Types keys into session terminal `term` through the journal; resolves once they entered the machine. */
export type JournalSend = (term: number, data: string) => Promise<void>;

export class Session {
  readonly driver: RealtimeDriver;
  private readonly open = new Map<number, SessionTerminal>();
  private readonly respawning = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private boundary: Position;
  private histories = new Map<number, ScreenHistory>();
  private readonly jobs: (() => Promise<void>)[] = [];
  private slice: () => void = () => {};
  /** Terminals whose shell had exited at the last look (`ended`), to tell the page when that changes. */
  private endedKey = '';

  private constructor(
    readonly seed: number,
    readonly machine: Machine,
    readonly recorder: InputRecorder,
    host: DriverHost,
    onError: (err: unknown) => void,
  ) {
    this.boundary = positionOf(machine.kernel);
    for (const [id, t] of recorder.terminals) this.adopt(id, t);
    recorder.onOpened((id, t) => this.adopt(id, t));
    this.driver = new RealtimeDriver(
      sampledKernel(machine.kernel, () => this.slice()),
      {
        host,
        onError,
        between: async (settled) => {
          const n = recorder.entries.length;
          await recorder.flush(settled);
          this.boundary = positionOf(machine.kernel);
          for (let job = this.jobs.shift(); job; job = this.jobs.shift()) await job();
          if (recorder.entries.length !== n || this.endedKey !== this.ended.join()) this.changed();
        },
      },
    );
  }

  /** A new machine with one terminal. */
  static async fresh(seed: number, boot: Boot, host: DriverHost, onError: (err: unknown) => void): Promise<Session> {
    const machine = boot(seed);
    const rec = new InputRecorder(machine);
    // The real size is set once xterm has been fitted to the page (a resize input).
    rec.submitOpen(24, 80);
    await rec.flush();
    return new Session(seed, machine, rec, host, onError);
  }

  /** Rebuilds a recorded session by replaying its journal flat out; throws if the replay diverges. */
  static async restore(
    seed: number,
    journal: readonly JournalEntry[],
    head: Position,
    boot: Boot,
    host: DriverHost,
    onError: (err: unknown) => void,
    opts: Pick<ReplayOptions, 'shouldYield' | 'yieldTo'> = {},
  ): Promise<Session> {
    const machine = boot(seed);
    const screens = new Map<number, HistoryRecorder>();
    const subs: Disposable[] = [];
    const rec = await replay(machine, journal, {
      ...opts,
      head,
      onOpened: (id, t) => {
        // A new shell in a terminal whose shell had exited goes on below what it showed, and the notice the
        // page showed then.
        const old = screens.get(id);
        old?.push(sessionEndedNotice());
        const h = old ?? new HistoryRecorder();
        screens.set(id, h);
        subs.push(t.tty.onOutput((data) => h.push(data)));
      },
      onApplied: (e) => {
        if (e.kind === 'open' || e.kind === 'resize') screens.get(e.term)?.push({ rows: e.rows, cols: e.cols });
      },
    });
    for (const sub of subs) sub.dispose();
    const s = new Session(seed, machine, rec, host, onError);
    for (const [id, h] of screens) if (s.open.has(id)) s.histories.set(id, h.done());
    // The emulator that had stopped output (XOFF) is gone; its replacement starts with output flowing.
    const stopped = new Map<number, boolean>();
    for (const e of journal) if (e.kind === 'flow') stopped.set(e.term, e.stopped);
    for (const [term, st] of stopped) if (st && s.open.has(term)) rec.submit({ kind: 'flow', term, stopped: false });
    return s;
  }

  start(): void {
    this.driver.start();
    if (this.recorder.pending > 0) this.driver.kick();
  }

  /** The driver stops for good (the page shows another session now). */
  stop(): void {
    this.driver.stop();
  }

  /** Called between scheduler slices while the driver runs (a lesson's command log samples processes there). */
  onSlice(fn: () => void): void {
    this.slice = fn;
  }

  /**
   * Runs `job` at the start of the driver's next tick, alone on the machine: it may drive the kernel itself
   * (a lesson's setup, typed flat out). What it types goes through `send`, into the journal at the kernel's
   * position of the moment, so a reload replays it like keys from the page. Needs a started driver.
   */
  exclusive<T>(job: (send: JournalSend) => Promise<T>): Promise<T> {
    const kernel = this.machine.kernel;
    const send: JournalSend = async (term, data) => {
      this.recorder.submit({ kind: 'keys', term, data });
      await this.recorder.flush();
      // A save in the middle of the job must run its replay up to here: these keys are in the journal.
      this.boundary = positionOf(kernel);
    };
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(async () => {
        try {
          resolve(await job(send));
        } catch (e) {
          reject(e);
        } finally {
          this.boundary = positionOf(kernel);
          this.driver.syncToKernel();
        }
      });
      this.driver.kick();
    });
  }

  /** Open terminals, oldest first. */
  get terminals(): SessionTerminal[] {
    return [...this.open.values()];
  }

  get journal(): readonly JournalEntry[] {
    return this.recorder.entries;
  }

  /**
   * Where a saved session's replay runs on to: the kernel's position now if no tick is in progress, else at
   * the start of the running tick (a position read in the middle of `kernel.run` is not a boundary).
   */
  get head(): Position {
    return this.driver.ticking ? this.boundary : positionOf(this.machine.kernel);
  }

  /** What terminal `id` showed before a restore (once: the emulator that takes it replays it). */
  takeHistory(id: number): ScreenHistory {
    const h = this.histories.get(id) ?? [];
    this.histories.delete(id);
    return h;
  }

  /** Opens another terminal (a new login as `user`); it appears after the next tick. Returns its id. */
  openTerminal(rows = 24, cols = 80): number {
    const id = this.recorder.submitOpen(rows, cols);
    this.driver.kick();
    return id;
  }

  /** Open terminals whose shell has exited (`exit`, `logout`, Ctrl-D): they wait for `respawn`. */
  get ended(): number[] {
    return this.terminals.filter((t) => !t.terminal.alive()).map((t) => t.id);
  }

  /** A new login shell in terminal `id`, whose shell has exited; the window and its screen stay. */
  respawn(id: number): void {
    if (!this.ended.includes(id) || this.respawning.has(id)) return;
    this.respawning.add(id);
    this.recorder.submit({ kind: 'respawn', term: id });
    this.driver.kick();
  }

  /**
   * Saves a file from the editor pane. A write changes the machine, so it is an input like a key: journaled
   * and applied at the start of the next tick (even while time is paused), then replayed on reload.
   */
  writeFile(target: FileTarget, path: string, data: string): Promise<WriteResult> {
    const done = this.recorder.submitWrite({ kind: 'write', target, path, data });
    this.driver.kick();
    return done;
  }

  /**
   * Asks one of the host's ports for a page (the web preview). The server's side changes the machine (it
   * accepts, logs, answers), so the request is an input: journaled, applied at the next tick, replayed on
   * reload; the answer comes back in virtual time.
   */
  request(req: HttpRequest): Promise<HttpOutcome> {
    const done = this.recorder.submitHttp({ kind: 'http', ...req });
    this.driver.kick();
    return done;
  }

  closeTerminal(id: number): void {
    if (!this.open.delete(id)) return;
    this.recorder.submit({ kind: 'close', term: id });
    this.driver.kick();
    this.changed();
  }

  /** Terminals opened or closed, or inputs journaled. */
  onChange(fn: () => void): Disposable {
    this.listeners.add(fn);
    return { dispose: () => this.listeners.delete(fn) };
  }

  private changed(): void {
    this.endedKey = this.ended.join();
    for (const fn of this.listeners) fn();
  }

  private adopt(id: number, terminal: Terminal): void {
    const rec = this.recorder;
    const tty = terminal.tty;
    let size = `${tty.winsize.rows}x${tty.winsize.cols}`;
    const master: MasterTty = {
      onOutput: (listener) => tty.onOutput((data) => listener(data)),
      input: (data) => {
        // Keys for a shell that has exited would go nowhere: Enter asks for a new one, as terminal apps do.
        if (!terminal.alive()) {
          if (/[\r\n]/.test(data)) this.respawn(id);
          return;
        }
        rec.submit({ kind: 'keys', term: id, data });
        this.driver.kick();
      },
      resize: (rows, cols) => {
        // xterm reports the same size again on every fit; only changes are inputs.
        if (`${rows}x${cols}` === size) return;
        size = `${rows}x${cols}`;
        rec.submit({ kind: 'resize', term: id, rows, cols });
        this.driver.kick();
      },
      setFlow: (stopped) => {
        rec.submit({ kind: 'flow', term: id, stopped });
        this.driver.kick();
      },
    };
    this.open.set(id, { id, terminal, master });
    this.respawning.delete(id);
    this.changed();
  }
}
