/**
 * Streams a client reads from the daemon while a process blocks (attach, exec, logs -f). Items are queued as
 * the container produces them; `next()` parks the calling process until one arrives or the stream ends.
 */
import { WaitQueue } from '../kernel/scheduler.js';
import type { Sys } from '../kernel/sys.js';
import { blockUntil } from './block.js';
import type { DaemonStore } from './store.js';
import type { LogStream } from './logs.js';
import { DEFAULT_DETACH_KEYS, EscapeProxy } from './escape.js';
import type { StreamSink } from './runtime/stdio.js';

export class StreamQueue<T> {
  private items: T[] = [];
  private head = 0;
  private ended = false;
  private readonly wait = new WaitQueue();

  constructor(
    private readonly engine: DaemonStore,
    private readonly sys: Sys,
  ) {}

  get closed(): boolean {
    return this.ended;
  }

  push(item: T): void {
    if (this.ended) return;
    this.items.push(item);
    this.wait.wakeAll(this.engine.kernel.sched);
  }

  close(): void {
    this.ended = true;
    this.wait.wakeAll(this.engine.kernel.sched);
  }

  /** The next item; null once the stream has ended and everything queued was read. */
  async next(): Promise<T | null> {
    await blockUntil(this.engine.kernel, this.sys, this.wait, () => this.head < this.items.length || this.ended);
    if (this.head < this.items.length) {
      const item = this.items[this.head++];
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      }
      return item;
    }
    return null;
  }
}

export interface OutputChunk {
  readonly stream: LogStream;
  readonly data: string;
}

export interface IoHooks {
  /** Keys typed by the client (after detach-key filtering). */
  readonly input?: (data: string) => void;
  /** The client's input ended (it closed its write side). */
  readonly closeInput?: () => void;
  readonly resize?: (rows: number, cols: number) => void;
  /** The session ended before the process did: the client detached, hung up, or its input ended the attach. */
  readonly detach?: () => void;
  /** The client typed the detach keys (dockerd logs `detach` / `exec_detach`). */
  readonly escaped?: () => void;
}

/** Output an attached client may hold unread before the container's writes wait (and when they resume). */
export const SESSION_HIGH_WATER = 64 * 1024;
export const SESSION_LOW_WATER = 16 * 1024;

/** An attach or exec connection: output to read, input to write, a terminal to resize. */
export class IoSession implements StreamSink {
  private readonly queue: StreamQueue<OutputChunk>;
  private readonly engine: DaemonStore;
  private detached = false;
  /** Characters queued and not yet read by the client's pump. */
  private queued = 0;
  /** Went over the high water since it last drained. */
  private wasCongested = false;
  private readonly drainListeners: (() => void)[] = [];
  /** dockerd watches a TTY session's input for the detach keys (moby copyEscapable); other input passes as it is. */
  private readonly escape: EscapeProxy | null;
  /** The reader has had everything, up to the end of the stream. */
  private readEnd = false;
  /** What the reader handed on and its client has not yet received (see `deliveredBy`). */
  private inFlight: () => boolean = () => false;

  constructor(
    engine: DaemonStore,
    sys: Sys,
    readonly tty: boolean,
    private readonly want: { stdout: boolean; stderr: boolean },
    private readonly hooks: IoHooks,
    detachKeys = DEFAULT_DETACH_KEYS,
  ) {
    this.engine = engine;
    this.queue = new StreamQueue(engine, sys);
    this.escape = tty ? new EscapeProxy(detachKeys) : null;
  }

  data(stream: LogStream, text: string): void {
    if (this.queue.closed || !(stream === 'stdout' ? this.want.stdout : this.want.stderr)) return;
    this.queue.push({ stream, data: text });
    this.queued += text.length;
    if (this.queued > SESSION_HIGH_WATER) this.wasCongested = true;
  }

  close(): void {
    this.queue.close();
    this.drained();
  }

  /** Output as it comes; null when the process exited (or the client detached). */
  async read(): Promise<OutputChunk | null> {
    const chunk = await this.queue.next();
    if (chunk) {
      this.queued -= chunk.data.length;
      // Only a session that held the container back has something to let go (reads are a hot path).
      if (this.wasCongested && this.queued <= SESSION_LOW_WATER) this.drained();
    } else if (!this.readEnd) {
      this.readEnd = true;
      this.engine.notify();
    }
    return chunk;
  }

  /**
   * The reader forwards output to a client through a buffer of its own (an API connection): `pending` says
   * whether some of it has not gone out yet, and the reader calls `flushed()` when that may have changed.
   */
  deliveredBy(pending: () => boolean): void {
    this.inFlight = pending;
  }

  flushed(): void {
    this.engine.notify();
  }

  /**
   * Everything the process wrote has reached the client (or the client is gone): what dockerd waits for
   * (StreamConfig.Wait) before it reports the exit.
   */
  delivered(): boolean {
    return this.detached || (this.readEnd && !this.inFlight());
  }

  congested(): boolean {
    return this.queued > SESSION_HIGH_WATER && !this.queue.closed;
  }

  onDrain(fn: () => void): void {
    this.drainListeners.push(fn);
  }

  private drained(): void {
    this.wasCongested = false;
    for (const fn of this.drainListeners) fn();
  }

  /** Returns 'detached' when the input held the detach keys (what came before them is still delivered). */
  write(data: string): 'ok' | 'detached' {
    if (this.detached) return 'detached';
    if (!this.escape) {
      this.hooks.input?.(data);
      return 'ok';
    }
    const { pass, escaped } = this.escape.push(data);
    if (pass) this.hooks.input?.(pass);
    if (!escaped) return 'ok';
    this.detach();
    this.hooks.escaped?.();
    return 'detached';
  }

  closeStdin(): void {
    this.hooks.closeInput?.();
  }

  resize(rows: number, cols: number): void {
    this.hooks.resize?.(rows, cols);
  }

  /** Ends the session before the process does: no more output is queued, the reader gets its end. */
  detach(): void {
    if (this.detached) return;
    this.detached = true;
    this.hooks.detach?.();
    this.queue.close();
    this.drained();
    this.engine.notify();
  }
}
