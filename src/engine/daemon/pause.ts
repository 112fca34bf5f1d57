/** `docker pause` / `unpause` (moby daemon/pause.go, unpause.go): the cgroup freezer, as runc does it. */
import type { DaemonContext } from './context.js';
import { conflict } from '../../pkg/errdefs.js';
import { updateHealthMonitor } from './health.js';
import { notRunning } from './kill.js';

export const containerIsRestarting = (id: string) => conflict(`Container ${id} is restarting, wait until the container is running`);

export function containerPause(d: DaemonContext, name: string): void {
  const c = d.store.getContainer(name);
  if (!c.State.Running) throw notRunning(c.ID);
  if (c.State.Paused) throw conflict(`container ${c.ID} is already paused`);
  if (c.State.Restarting) throw containerIsRestarting(c.ID);
  const rt = d.store.runtime(c);
  if (rt.cgroup) rt.cgroup.frozen = true;
  c.State.Paused = true;
  updateHealthMonitor(d.store, c, rt);
  d.store.containerEvent(c, 'pause');
  d.store.notify();
}

export function containerUnpause(d: DaemonContext, name: string): void {
  const c = d.store.getContainer(name);
  if (!c.State.Paused) throw conflict(`Container ${c.ID} is not paused`);
  const rt = d.store.runtime(c);
  if (rt.cgroup) rt.cgroup.frozen = false;
  d.store.kernel.sched.thaw();
  c.State.Paused = false;
  updateHealthMonitor(d.store, c, rt);
  d.store.containerEvent(c, 'unpause');
  d.store.notify();
}
