/**
 * Stream sockets: a listening socket queues connections; a connection is two pipes, one each way.
 * Unix sockets live in the filesystem (permissions on the socket file decide who may connect, which is
 * what the `docker` group is about); TCP sockets live in a network namespace's port table.
 */
import { SysError } from './errno.js';
import type { BytesResult, Data, DataResult, ReadResult, WriteResult } from './io.js';
import type { SockAddr } from './net.js';
import type { OpenFile } from './openfile.js';
import { Pipe } from './pipe.js';
import { WaitQueue, type Scheduler } from './scheduler.js';

export class Listener {
  readonly pending: OpenFile[] = [];
  readonly acceptWait = new WaitQueue();
  closed = false;
  /** The listening socket's open file, once made (ss/netstat find its owner by it). */
  file: OpenFile | undefined;
  /** Where it is bound (TCP). */
  bound: SockAddr | undefined;
  /** listen(2)'s backlog. */
  backlog = 4096;
  /** docker-proxy's socket: a connection accepted here is carried on to this address from the listener's namespace. */
  proxyTo: SockAddr | undefined;

  constructor(
    readonly address: string,
    private readonly sched: Scheduler,
    private readonly onClose: () => void,
  ) {}

  /** Queues the server's end of a new connection. */
  enqueue(serverEnd: OpenFile): void {
    this.pending.push(serverEnd);
    this.acceptWait.wakeAll(this.sched);
  }

  openFile(): OpenFile & { readonly listener: Listener } {
    const f = new ListeningSocket(this);
    this.file = f;
    return f;
  }

  /** Its socket's last descriptor was closed. */
  close(): void {
    this.closed = true;
    this.onClose();
    this.acceptWait.wakeAll(this.sched);
  }
}

/** A listening socket's open file. A class, not closures: two docker-proxies per published port hold one each. */
class ListeningSocket implements OpenFile {
  readonly kind = 'socket';
  readonly readable = false;
  readonly writable = false;
  refs = 0;
  readonly readWait: WaitQueue;
  readonly writeWait = null;

  constructor(readonly listener: Listener) {
    this.readWait = listener.acceptWait;
  }

  tryRead(): null {
    return null;
  }

  tryWrite(): WriteResult {
    return 'epipe';
  }

  release(): void {
    this.listener.close();
  }

  describe(): string {
    return `socket:[${this.listener.address}]`;
  }
}

/** One end of a connection: reads what the peer wrote, writes what the peer reads. */
export interface SocketEnd extends OpenFile {
  /** shutdown(SHUT_WR): the peer reads end-of-file, this end can still read. */
  shutdownWrite(): void;
  /** getsockname / getpeername of a TCP connection (unset for unix sockets). */
  local?: SockAddr;
  peer?: SockAddr;
  /** Runs when the last descriptor closes (a namespace's connection table drops it). */
  onRelease?: () => void;
}

/** A writable sink: what the peer end writes goes to a function (a service inside the kernel). */
export interface Sink {
  tryWrite(d: Data): 'ok' | 'epipe';
  release(): void;
}

function end(inbound: Pipe, outbound: Pipe | Sink, label: string): SocketEnd {
  const r = inbound.readEnd();
  const w: Pick<OpenFile, 'tryWrite' | 'release' | 'writeWait'> =
    outbound instanceof Pipe ? outbound.writeEnd() : { tryWrite: (d) => outbound.tryWrite(d), release: () => outbound.release(), writeWait: null };
  let writeOpen = true;
  const closeWrite = (): void => {
    if (writeOpen) {
      writeOpen = false;
      w.release();
    }
  };
  const self: SocketEnd = {
    kind: 'socket',
    readable: true,
    writable: true,
    refs: 0,
    readWait: r.readWait,
    writeWait: w.writeWait,
    tryRead: (max?: number): ReadResult => r.tryRead(max),
    tryReadBytes: (max?: number): BytesResult => inbound.tryReadBytes(max),
    tryReadData: (max?: number): DataResult => inbound.tryReadData(max),
    tryWrite: (d: Data): WriteResult => (writeOpen ? w.tryWrite(d) : 'epipe'),
    release: () => {
      r.release();
      closeWrite();
      self.onRelease?.();
    },
    shutdownWrite: closeWrite,
    describe: () => `socket:[${label}]`,
  };
  return self;
}

/**
 * A connection the far end reset: what is written is accepted (it left before the reset came back), a read
 * fails with ECONNRESET.
 */
export function resetSocket(ino: () => number): SocketEnd {
  const label = String(ino());
  const refuse = (): never => {
    throw new SysError('ECONNRESET', 'read');
  };
  return {
    kind: 'socket',
    readable: true,
    writable: true,
    refs: 0,
    readWait: new WaitQueue(),
    writeWait: null,
    tryRead: refuse,
    tryReadBytes: refuse,
    tryReadData: refuse,
    tryWrite: () => 'ok',
    release: () => {},
    shutdownWrite: () => {},
    describe: () => `socket:[${label}]`,
  };
}

/** A connected pair: [client end, server end]. */
export function socketPair(sched: Scheduler, ino: () => number): [SocketEnd, SocketEnd] {
  const up = new Pipe(sched, ino());
  const down = new Pipe(sched, ino());
  return [end(down, up, String(up.ino)), end(up, down, String(down.ino))];
}

/**
 * A connection whose far end is a service inside the kernel (a host on the simulated Internet): what the
 * client writes goes to `sink`; what the service says is written into the returned pipe.
 */
export function serviceSocket(sched: Scheduler, ino: () => number, sink: Sink): { client: SocketEnd; toClient: Pipe } {
  const down = new Pipe(sched, ino());
  return { client: end(down, sink, String(down.ino)), toClient: down };
}
