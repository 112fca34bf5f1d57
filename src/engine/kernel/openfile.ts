/**
 * An open file description (what a file descriptor points to). Several descriptors, in one process or
 * many, can share one description; it is closed when the last of them is.
 */
import type { BytesResult, Data, DataResult, ReadResult, WriteResult } from './io.js';
import type { WaitQueue } from './scheduler.js';
import type { Tty } from './tty.js';

export interface OpenFile {
  readonly kind: 'pipe' | 'tty' | 'file' | 'device' | 'socket';
  readonly readable: boolean;
  readonly writable: boolean;
  /** How many descriptors point here; maintained by the kernel. */
  refs: number;
  /** Text: up to `max` characters when given (read(2)'s count), else whatever is there. */
  tryRead(max?: number): ReadResult;
  /** Bytes, up to `max`. Absent: the file holds only text, read as its UTF-8 encoding. */
  tryReadBytes?(max?: number): BytesResult;
  /** What was written, as it was written (text or bytes). Absent: bytes if the file has them, else text. */
  tryReadData?(max?: number): DataResult;
  tryWrite(data: Data): WriteResult;
  readonly readWait: WaitQueue | null;
  readonly writeWait: WaitQueue | null;
  /** The last descriptor was closed. */
  release(): void;
  /** Set when this description is a terminal. */
  readonly tty?: Tty;
  /** For `ls -l /proc/N/fd` and error messages. */
  describe(): string;
}
