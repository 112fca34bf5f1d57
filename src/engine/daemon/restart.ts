/** `docker restart` (moby daemon/restart.go): stop if running (with the stop timeout), start, emit `restart`. */
import type { DaemonContext } from './context.js';
import { startContainer } from './start.js';
import { stopContainer, type StopOptions } from './stop.js';

export async function containerRestart(d: DaemonContext, name: string, opts: StopOptions = {}): Promise<void> {
  const c = d.store.getContainer(name);
  const rt = d.store.runtime(c);
  if (c.State.Running) {
    rt.manualRestart = true;
    try {
      await stopContainer(d, c, opts);
    } finally {
      rt.manualRestart = false;
    }
  }
  await startContainer(d, c);
  d.store.containerEvent(c, 'restart');
}
