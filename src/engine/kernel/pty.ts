/**
 * The two sides of a pseudo-terminal as file descriptors. The master (what a container runtime holds for
 * `docker run -t`): reading it yields what programs wrote to the terminal, writing it types keys. The slave
 * (/dev/pts/N, /dev/tty): programs read and write through the line discipline.
 */
import { Utf8Stream } from './chunks.js';
import type { Data, ReadResult, WriteResult } from './io.js';
import type { OpenFile } from './openfile.js';
import { WaitQueue, type Scheduler } from './scheduler.js';
import type { Tty } from './tty.js';

/** Output held for a slow reader before writers to the terminal are stopped (XOFF). */
const HIGH_WATER = 65536;

export function ptyMaster(tty: Tty, sched: Scheduler, onClose: () => void): OpenFile {
  const chunks: string[] = [];
  let size = 0;
  let closed = false;
  /** Keys typed as bytes: a character split across writes is typed whole. */
  let typed: Utf8Stream | null = null;
  const readWait = new WaitQueue();
  const sub = tty.onOutput((data) => {
    if (closed) return;
    chunks.push(data);
    size += data.length;
    if (size > HIGH_WATER) tty.setFlow(true);
    readWait.wakeAll(sched);
  });
  return {
    kind: 'tty',
    readable: true,
    writable: true,
    refs: 0,
    readWait,
    writeWait: null,
    tryRead(): ReadResult {
      if (size === 0) return undefined;
      const out = chunks.join('');
      chunks.length = 0;
      size = 0;
      tty.setFlow(false);
      return out;
    },
    tryWrite(data: Data): WriteResult {
      tty.input(typeof data === 'string' && !typed ? data : (typed ??= new Utf8Stream()).push(data));
      return 'ok';
    },
    release() {
      closed = true;
      sub.dispose();
      tty.setFlow(false);
      onClose();
    },
    describe: () => '/dev/ptmx',
  };
}

export function ptySlave(tty: Tty): OpenFile {
  return {
    kind: 'tty',
    readable: true,
    writable: true,
    refs: 0,
    tty,
    readWait: tty.readWait,
    writeWait: tty.writeWait,
    tryRead: (max) => tty.tryRead(max),
    tryWrite: (d) => tty.tryWrite(d),
    release: () => {},
    describe: () => `/dev/${tty.name}`,
  };
}
