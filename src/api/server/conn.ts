/**
 * One HTTP connection on a simulated socket, served inside its own process (a Go server runs a goroutine per
 * connection; here processes are the unit of concurrency). A process can block in only one system call at a
 * time, so the connection has two: this one parses requests, runs handlers and writes responses; a reader
 * thread (a child process with the same argv) reads the socket and drops what arrives in an inbox. Every
 * wake-up, from the reader or from the backend (a container exited), goes through a self-pipe that this
 * process blocks on: the classic self-pipe trick, and the only way to wait for a JS event inside the kernel's
 * scheduler (awaiting any other promise would stall it).
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { sendWire, textToBytes } from '../bytes.js';
import { latin1 } from '../../engine/kernel/chunks.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { HttpParseError, RequestParser } from '../http/parser.js';
import type { HttpRequest } from '../http/request.js';
import { ConnectionClosed, type RawStream, type ResponseWriter, type Waiter } from './types.js';
import { HttpResponseWriter, type Transport } from './writer.js';

export type HttpHandler = (req: HttpRequest, w: ResponseWriter, waiter: Waiter) => Promise<void>;

export interface ConnOptions {
  readonly handler: HttpHandler;
}

/** The self-pipe: `wake()` from anywhere, `until()` only from the owning process. */
export class SelfPipe implements Waiter {
  private readonly r: number;
  private readonly wfd: number;
  private pending = false;
  gone = false;

  constructor(private readonly sys: Sys) {
    [this.r, this.wfd] = sys.pipe();
  }

  wake(): void {
    if (this.pending) return;
    this.pending = true;
    this.sys.write(this.wfd, '.').catch(() => undefined);
  }

  async until(cond: () => boolean): Promise<void> {
    while (!cond()) {
      await this.sys.read(this.r);
      this.pending = false;
    }
  }

  clientGone(): boolean {
    return this.gone;
  }

  close(): void {
    this.sys.close(this.r);
    this.sys.close(this.wfd);
  }
}

/** Serves HTTP on connected socket `fd` until the client closes, a response closes, or a hijack ends. */
export async function serveConnection(sys: Sys, fd: number, opts: ConnOptions): Promise<void> {
  // Go's runtime catches SIGPIPE (a write to a closed socket just fails) with a handler, not SIG_IGN, so the
  // processes dockerd starts from here (a container's PID 1) get the default disposition back at exec.
  sys.signal('SIGPIPE', () => undefined);
  const waiter = new SelfPipe(sys);
  // Binary strings, or bytes as they came off the socket (a large body goes to the parser without a string).
  const inbox: Array<string | Uint8Array> = [];
  let eof = false;
  const reader = sys.spawn({
    argv: [...sys.argv],
    thread: true,
    fds: { 3: fd },
    program: async (s) => {
      for (;;) {
        let data: string | Uint8Array | null = null;
        try {
          const d = await s.readData(3);
          data = typeof d === 'string' ? textToBytes(d) : d;
        } catch (e) {
          if (isProcessEnd(e)) throw e;
        }
        if (data === null) {
          eof = true;
          waiter.gone = true;
        } else inbox.push(data);
        waiter.wake();
        if (data === null) return 0;
      }
    },
  });

  const parser = new RequestParser();
  const send = async (bytes: string | Uint8Array): Promise<void> => {
    try {
      await (typeof bytes === 'string' ? sendWire(sys, fd, bytes) : sys.write(fd, bytes));
    } catch (e) {
      if (isSysError(e) && (e.code === 'EPIPE' || e.code === 'EBADF')) throw new ConnectionClosed();
      throw e;
    }
  };
  const drain = (): string => inbox.splice(0).map((d) => (typeof d === 'string' ? d : latin1(d))).join('');
  const transport: Transport = {
    send,
    raw: (): RawStream => {
      const early = parser.takeBuffered();
      if (early) inbox.unshift(early);
      return {
        write: send,
        read: async () => {
          await waiter.until(() => inbox.length > 0 || eof);
          return inbox.length > 0 ? drain() : null;
        },
        readAvailable: () => (inbox.length > 0 ? drain() : eof ? null : ''),
        hasInput: () => inbox.length > 0 || eof,
        closeWrite: () => {
          try {
            sys.shutdown(fd);
          } catch {
            /* already closed */
          }
        },
      };
    },
  };

  try {
    for (;;) {
      let req: HttpRequest | null;
      try {
        req = parser.next();
      } catch (e) {
        if (!(e instanceof HttpParseError)) throw e;
        await send(e.response).catch(() => undefined);
        break;
      }
      if (!req) {
        if (inbox.length === 0 && eof) break;
        await waiter.until(() => inbox.length > 0 || eof);
        for (const d of inbox.splice(0)) parser.push(d);
        continue;
      }
      const w = new HttpResponseWriter(req, transport, () => sys.now());
      try {
        await opts.handler(req, w, waiter);
        await w.finish();
      } catch (e) {
        if (e instanceof ConnectionClosed) break;
        throw e;
      }
      if (w.hijacked || w.closeAfter) break;
    }
  } finally {
    await stopThread(sys, reader);
    sys.close(fd);
    waiter.close();
  }
}

/** Kills a helper thread of this connection (its reader) and reaps it; one already gone is fine. */
export async function stopThread(sys: Sys, pid: number): Promise<void> {
  try {
    sys.kill(pid, 'SIGKILL');
    await sys.wait(pid);
  } catch (e) {
    if (isProcessEnd(e)) throw e;
  }
}
