/**
 * A container's stdout/stderr without a TTY. On Linux they are pipes the shim drains into the log driver and
 * attached clients; here the drain is immediate, so the write end is a file whose writes land straight in the
 * log (nothing buffers, nothing blocks — the json-file driver never pushes back either). `ls -l /proc/1/fd`
 * still shows `pipe:[N]`.
 */
import type { Data, WriteResult } from '../../kernel/io.js';
import type { OpenFile } from '../../kernel/openfile.js';
import type { LogStream } from '../logs.js';
import { Utf8Stream } from '../../kernel/chunks.js';
import { WaitQueue } from '../../kernel/scheduler.js';

export interface StreamSink {
  data(stream: LogStream, text: string): void;
  /** The stream ended: the container (or exec process) exited. */
  close(): void;
  /**
   * The client holds more unread output than it may (an attached `docker` that cannot keep up): the
   * container's writes wait, as dockerd's attach copier blocks the container's stdio on a slow client.
   */
  congested?(): boolean;
  /** `fn` runs when a congested sink has been read down (or went away). */
  onDrain?(fn: () => void): void;
  /** After `close`: everything has reached the client (or it is gone). Absent: at once. */
  delivered?(): boolean;
}

/** Lets a container's output through while no attached client is congested. */
export interface OutputGate {
  blocked(): boolean;
  /** Runs `wake` once, when the gate opens again. */
  whenOpen(wake: () => void): void;
}

/** The part of a terminal a gate stops and starts (XOFF/XON on the process's side of it). */
interface FlowControlled {
  setFlow(stopped: boolean): void;
}

/**
 * Holds a process's output while one of the clients attached to it is congested, as dockerd's attach copier
 * blocks a container's (or an exec process's) stdio on a slow client: pipe writes wait (`blocked`/`whenOpen`
 * for `drainedPipe`), a terminal is stopped after the write that congested a client (`holdIfCongested`).
 * Everything lets go once every sink has been read down (`reopen`, from the sinks' `onDrain`).
 */
export class SinkGate implements OutputGate {
  private waiters: (() => void)[] = [];
  /** The terminal was stopped here. */
  private ttyHeld = false;

  constructor(
    private readonly sinks: () => Iterable<StreamSink>,
    private readonly tty: () => FlowControlled | null,
  ) {}

  /** Sinks added later call `watch` so their drain reopens the gate. */
  watch(sink: StreamSink): void {
    sink.onDrain?.(() => this.reopen());
  }

  blocked(): boolean {
    for (const s of this.sinks()) if (s.congested?.()) return true;
    return false;
  }

  whenOpen(wake: () => void): void {
    this.waiters.push(wake);
  }

  /** After output was written: a congested client stops the terminal. */
  holdIfCongested(): void {
    if (this.ttyHeld || !this.blocked()) return;
    const tty = this.tty();
    if (!tty) return;
    this.ttyHeld = true;
    tty.setFlow(true);
  }

  reopen(): void {
    if (this.blocked()) return;
    if (this.ttyHeld) {
      this.ttyHeld = false;
      this.tty()?.setFlow(false);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Characters one task may drain in one scheduler slice before its next write waits for the next slice. */
export const DRAIN_PER_SLICE = 2048;

/** What a drained pipe needs of the kernel to pace a writer: the slice count, a timer, the scheduler. */
export interface DrainPacer {
  readonly sched: { readonly slices: number } & Parameters<WaitQueue['wakeAll']>[0];
  now(): number;
  readonly clock: { setTimer(at: number, fire: () => void): unknown };
}

/**
 * The write end of a drained pipe: `onData` gets each write, `onClose` the moment the last writer closes.
 * The drain is immediate, but paced like a real pipe whose reader is another task: after DRAIN_PER_SLICE
 * characters in one slice, the next write waits for the next slice. Without it a flood (`yes`) would push
 * tens of thousands of log lines through one slice and stall the page. Bytes written reach the log decoded
 * from UTF-8 (a character split across writes whole; malformed bytes as U+FFFD, as Go's JSON log writes them).
 */
export function drainedPipe(
  ino: number,
  onData: (text: string) => void,
  onClose: () => void,
  pacer?: DrainPacer,
  gate?: OutputGate,
): OpenFile {
  return new DrainedPipe(ino, onData, onClose, pacer, gate);
}

/** A class, not an object of closures: every running container holds two, and methods are shared. */
class DrainedPipe implements OpenFile {
  readonly kind = 'pipe';
  readonly readable = false;
  readonly writable = true;
  refs = 0;
  readonly readWait = null;
  readonly writeWait: WaitQueue | null;
  private slice = -1;
  private used = 0;
  private bytes: Utf8Stream | null = null;

  constructor(
    private readonly ino: number,
    private readonly onData: (text: string) => void,
    private readonly onClose: () => void,
    private readonly pacer?: DrainPacer,
    private readonly gate?: OutputGate,
  ) {
    this.writeWait = pacer ? new WaitQueue() : null;
  }

  tryRead(): null {
    return null;
  }

  tryWrite(data: Data): WriteResult {
    const { pacer, writeWait, gate } = this;
    if (pacer && writeWait && gate?.blocked()) {
      gate.whenOpen(() => writeWait.wakeAll(pacer.sched));
      return undefined;
    }
    if (pacer && writeWait) {
      if (pacer.sched.slices !== this.slice) {
        this.slice = pacer.sched.slices;
        this.used = 0;
      }
      if (this.used > 0 && this.used + data.length > DRAIN_PER_SLICE) {
        pacer.clock.setTimer(pacer.now(), () => writeWait.wakeAll(pacer.sched));
        return undefined;
      }
      this.used += data.length;
    }
    if (typeof data === 'string' && !this.bytes) this.onData(data);
    else {
      const text = (this.bytes ??= new Utf8Stream()).push(data);
      if (text !== '') this.onData(text);
    }
    return 'ok';
  }

  release(): void {
    const rest = this.bytes?.end();
    if (rest) this.onData(rest);
    this.onClose();
  }

  describe(): string {
    return `pipe:[${this.ino}]`;
  }
}
