/** `docker pause` / `unpause` (moby daemon/pause.go, unpause.go): the cgroup freezer, as runc does it. */
import type { DaemonContext } from './context.js';
import { conflict } from '../../pkg/errdefs.js';
import { notRunning } from './kill.js';

export const containerIsRestarting = (id: string) => conflict(`Container ${id} is restarting, wait until the container is running`);

export function containerPause(d: DaemonContext, name: string): void {
  const c = d.engine.getContainer(name);
  if (!c.State.Running) throw notRunning(c.ID);
  if (c.State.Paused) throw conflict(`container ${c.ID} is already paused`);
  if (c.State.Restarting) throw containerIsRestarting(c.ID);
  const rt = d.engine.runtime(c);
  if (rt.cgroup) rt.cgroup.frozen = true;
  c.State.Paused = true;
  d.engine.containerEvent(c, 'pause');
  d.engine.notify();
}

export function containerUnpause(d: DaemonContext, name: string): void {
  const c = d.engine.getContainer(name);
  if (!c.State.Paused) throw conflict(`Container ${c.ID} is not paused`);
  const rt = d.engine.runtime(c);
  if (rt.cgroup) rt.cgroup.frozen = false;
  d.engine.kernel.sched.thaw();
  c.State.Paused = false;
  d.engine.containerEvent(c, 'unpause');
  d.engine.notify();
}
