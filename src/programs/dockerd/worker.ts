/**
 * Blocking daemon operations run in a process of their own (where moby would start a goroutine): the
 * connection process only ever blocks on its self-pipe, and a process can block on one thing at a time.
 */
import type { DaemonStore } from '../../engine/daemon/store.js';
import { Daemon } from '../../engine/daemon/daemon.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';

export function inWorker<T>(sys: Sys, engine: DaemonStore, op: (d: Daemon, s: Sys) => Promise<T>, started?: (pid: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const pid = sys.spawn({
      argv: [...sys.argv],
      thread: true,
      program: async (s) => {
        try {
          resolve(await op(new Daemon({ store: engine, sys: s }), s));
        } catch (e) {
          if (isProcessEnd(e)) {
            reject(e);
            throw e;
          }
          reject(e);
        }
        return 0;
      },
    });
    started?.(pid);
  });
}
