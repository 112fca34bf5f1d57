/**
 * Stream sockets: a listening socket queues connections; a connection is two pipes, one each way.
 * Unix sockets live in the filesystem (permissions on the socket file decide who may connect, which is
 * what the `docker` group is about); TCP sockets live in a network namespace's port table.
 */
import type { ReadResult, WriteResult } from './io.js';
import type { OpenFile } from './openfile.js';
import { Pipe } from './pipe.js';
import { WaitQueue, type Scheduler } from './scheduler.js';

export class Listener {
  readonly pending: OpenFile[] = [];
  readonly acceptWait = new WaitQueue();
  closed = false;

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
    return {
      listener: this,
      kind: 'socket',
      readable: false,
      writable: false,
      refs: 0,
      readWait: this.acceptWait,
      writeWait: null,
      tryRead: () => null,
      tryWrite: () => 'epipe',
      release: () => {
        this.closed = true;
        this.onClose();
        this.acceptWait.wakeAll(this.sched);
      },
      describe: () => `socket:[${this.address}]`,
    };
  }
}

/** One end of a connection: reads what the peer wrote, writes what the peer reads. */
export interface SocketEnd extends OpenFile {
  /** shutdown(SHUT_WR): the peer reads end-of-file, this end can still read. */
  shutdownWrite(): void;
}

function end(inbound: Pipe, outbound: Pipe, label: string): SocketEnd {
  const r = inbound.readEnd();
  const w = outbound.writeEnd();
  let writeOpen = true;
  const closeWrite = (): void => {
    if (writeOpen) {
      writeOpen = false;
      w.release();
    }
  };
  return {
    kind: 'socket',
    readable: true,
    writable: true,
    refs: 0,
    readWait: r.readWait,
    writeWait: w.writeWait,
    tryRead: (max?: number): ReadResult => r.tryRead(max),
    tryWrite: (d: string): WriteResult => (writeOpen ? w.tryWrite(d) : 'epipe'),
    release: () => {
      r.release();
      closeWrite();
    },
    shutdownWrite: closeWrite,
    describe: () => `socket:[${label}]`,
  };
}

/** A connected pair: [client end, server end]. */
export function socketPair(sched: Scheduler, ino: () => number): [SocketEnd, SocketEnd] {
  const up = new Pipe(sched, ino());
  const down = new Pipe(sched, ino());
  return [end(down, up, String(up.ino)), end(up, down, String(down.ino))];
}
