/** pipe(2): a bounded byte queue with one read end and one write end. */
import type { ReadResult, WriteResult } from './io.js';
import type { OpenFile } from './openfile.js';
import { WaitQueue, type Scheduler } from './scheduler.js';

/** Linux's default pipe capacity. */
export const PIPE_CAPACITY = 65536;

export class Pipe {
  private chunks: string[] = [];
  private buffered = 0;
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
      tryWrite: () => 'epipe',
      release: () => {
        this.readers--;
        if (this.readers === 0) {
          this.chunks = [];
          this.buffered = 0;
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

  tryRead(max?: number): ReadResult {
    if (this.buffered > 0) {
      let data = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
      if (max !== undefined && max > 0 && data.length > max) {
        this.chunks = [data.slice(max)];
        this.buffered = data.length - max;
        data = data.slice(0, max);
      } else {
        this.chunks = [];
        this.buffered = 0;
      }
      this.writeWait.wakeAll(this.sched);
      return data;
    }
    return this.writers === 0 ? null : undefined;
  }

  private tryWrite(data: string): WriteResult {
    if (this.readers === 0) return 'epipe';
    if (this.buffered >= PIPE_CAPACITY) return undefined;
    if (data.length > 0) {
      this.chunks.push(data);
      this.buffered += data.length;
      this.readWait.wakeAll(this.sched);
    }
    return 'ok';
  }
}
