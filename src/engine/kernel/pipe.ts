/** pipe(2): a bounded byte queue with one read end and one write end. */
import { ChunkQueue } from './chunks.js';
import type { BytesResult, Data, DataResult, ReadResult, WriteResult } from './io.js';
import type { OpenFile } from './openfile.js';
import { WaitQueue, type Scheduler } from './scheduler.js';

/** Linux's default pipe capacity, in bytes. */
export const PIPE_CAPACITY = 65536;

export class Pipe {
  private readonly buf = new ChunkQueue();
  readers = 0;
  writers = 0;
  readonly readWait = new WaitQueue();
  readonly writeWait = new WaitQueue();

  constructor(
    private readonly sched: Scheduler,
    readonly ino: number,
  ) {}

  readEnd(): OpenFile {
    this.readers++;
    return {
      kind: 'pipe',
      readable: true,
      writable: false,
      refs: 0,
      readWait: this.readWait,
      writeWait: null,
      tryRead: (max) => this.tryRead(max),
      tryReadBytes: (max) => this.tryReadBytes(max),
      tryReadData: (max) => this.tryReadData(max),
      tryWrite: () => 'epipe',
      release: () => {
        this.readers--;
        if (this.readers === 0) {
          this.buf.clear();
          this.writeWait.wakeAll(this.sched);
        }
      },
      describe: () => `pipe:[${this.ino}]`,
    };
  }

  writeEnd(): OpenFile {
    this.writers++;
    return {
      kind: 'pipe',
      readable: false,
      writable: true,
      refs: 0,
      readWait: null,
      writeWait: this.writeWait,
      tryRead: () => null,
      tryWrite: (d) => this.tryWrite(d),
      release: () => {
        this.writers--;
        if (this.writers === 0) this.readWait.wakeAll(this.sched);
      },
      describe: () => `pipe:[${this.ino}]`,
    };
  }

  /** Bytes written and not yet read (a socket's Recv-Q). */
  get buffered(): number {
    return this.buf.bytes;
  }

  tryRead(max?: number): ReadResult {
    if (!this.buf.empty) {
      const text = this.buf.takeText(max, this.writers === 0);
      if (text !== undefined) {
        this.writeWait.wakeAll(this.sched);
        return text;
      }
    }
    return this.writers === 0 ? null : undefined;
  }

  tryReadBytes(max?: number): BytesResult {
    if (!this.buf.empty) {
      const bytes = this.buf.takeBytes(max);
      this.writeWait.wakeAll(this.sched);
      return bytes;
    }
    return this.writers === 0 ? null : undefined;
  }

  tryReadData(max?: number): DataResult {
    if (!this.buf.empty) {
      const data = this.buf.takeData(max);
      this.writeWait.wakeAll(this.sched);
      return data;
    }
    return this.writers === 0 ? null : undefined;
  }

  private tryWrite(data: Data): WriteResult {
    if (this.readers === 0) return 'epipe';
    if (this.buf.bytes >= PIPE_CAPACITY) return undefined;
    if (data.length > 0) {
      this.buf.push(data);
      this.readWait.wakeAll(this.sched);
    }
    return 'ok';
  }
}
