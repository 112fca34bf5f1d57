/**
 * What a handler writes to and waits with. Implemented over a simulated socket (conn.ts) and, later, over
 * a real Node HTTP server; handlers see only these interfaces.
 */
import type { Headers } from '../http/headers.js';

/** The client went away: a write found nobody reading. Handlers let it propagate. */
export class ConnectionClosed extends Error {
  constructor() {
    super('connection closed by the client');
    this.name = 'ConnectionClosed';
  }
}

/** A hijacked connection: raw bytes both ways, no more HTTP. */
export interface RawStream {
  write(bytes: string): Promise<void>;
  /** The next bytes the client sent, null at end of stream. */
  read(): Promise<string | null>;
  /** Bytes already received and not yet read, without blocking: '' if none, null at end of stream. */
  readAvailable(): string | null;
  /** Data or end of stream is waiting to be read. */
  hasInput(): boolean;
  /** shutdown(SHUT_WR): the client reads end of stream; it may still send. */
  closeWrite(): void;
}

export interface ResponseWriter {
  /** Header fields to send; changes after the header went out are ignored (as in Go). */
  readonly header: Headers;
  writeHeader(status: number): void;
  /**
   * Body bytes: a binary string, or a Uint8Array for bulk data (a tar), which goes to the socket as it is.
   * Resolves once the socket took them, so a slow client holds the writer back. Throws ConnectionClosed when
   * the client has gone.
   */
  write(bytes: string | Uint8Array): Promise<void>;
  /** Sends the header (and anything buffered) now: streaming responses start with this. */
  flush(): Promise<void>;
  /** The header has been sent. */
  readonly started: boolean;
  /** Takes the connection over (attach, exec start). The HTTP layer writes nothing more. */
  hijack(): RawStream;
  readonly hijacked: boolean;
}

/**
 * Blocking inside a simulated process may only happen in system calls; a handler that must wait for the
 * backend (a container exits, a log line arrives) waits here. `wake()` may be called from anywhere.
 */
export interface Waiter {
  wake(): void;
  /** Returns once `cond()` holds, re-checking after each wake. */
  until(cond: () => boolean): Promise<void>;
  /** The client closed its end (moby cancels the request's context). */
  clientGone(): boolean;
}

/**
 * Awaits a backend promise through the waiter. With `abortIfClientGone`, a client hanging up ends the wait
 * with ConnectionClosed (moby cancels the request context the same way).
 */
export async function waitFor<T>(w: Waiter, value: T | Promise<T>, abortIfClientGone = false): Promise<T> {
  if (!(value instanceof Promise)) return value;
  let settled: { ok: true; v: T } | { ok: false; e: unknown } | null = null;
  value.then(
    (v) => {
      settled = { ok: true, v };
      w.wake();
    },
    (e: unknown) => {
      settled = { ok: false, e };
      w.wake();
    },
  );
  await w.until(() => settled !== null || (abortIfClientGone && w.clientGone()));
  if (settled === null) throw new ConnectionClosed();
  const s = settled as unknown as { ok: true; v: T } | { ok: false; e: unknown };
  if (!s.ok) throw s.e;
  return s.v;
}

/**
 * Runs a backend call and reports how it ended, one microtask after it settles. Fewer hops matter: the
 * kernel's run loop may declare itself idle before a longer promise chain gets to wake the connection.
 */
export function track(fn: () => Promise<void> | void, done: (err: unknown) => void): void {
  let r: Promise<void> | void;
  try {
    r = fn();
  } catch (e) {
    done(e);
    return;
  }
  if (r instanceof Promise) r.then(() => done(null), (e: unknown) => done(e ?? new Error('failed')));
  else done(null);
}
