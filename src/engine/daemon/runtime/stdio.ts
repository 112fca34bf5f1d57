/**
 * A container's stdout/stderr without a TTY. On Linux they are pipes the shim drains into the log driver and
 * attached clients; here the drain is immediate, so the write end is a file whose writes land straight in the
 * log (nothing buffers, nothing blocks — the json-file driver never pushes back either). `ls -l /proc/1/fd`
 * still shows `pipe:[N]`.
 */
import type { OpenFile } from '../../kernel/openfile.js';
import type { LogStream } from '../logs.js';

export interface StreamSink {
  data(stream: LogStream, text: string): void;
  /** The stream ended: the container (or exec process) exited. */
  close(): void;
}

/** The write end of a drained pipe: `onData` gets each write, `onClose` the moment the last writer closes. */
export function drainedPipe(ino: number, onData: (text: string) => void, onClose: () => void): OpenFile {
  return {
    kind: 'pipe',
    readable: false,
    writable: true,
    refs: 0,
    readWait: null,
    writeWait: null,
    tryRead: () => null,
    tryWrite(data) {
      onData(data);
      return 'ok';
    },
    release: onClose,
    describe: () => `pipe:[${ino}]`,
  };
}

/** The detach sequence (default `ctrl-p,ctrl-q`) in what a client typed: returns the text before it, or null. */
export function splitDetach(data: string, keys = '\x10\x11'): { before: string; detached: boolean } {
  const i = data.indexOf(keys);
  return i < 0 ? { before: data, detached: false } : { before: data.slice(0, i), detached: true };
}
