/**
 * POST /containers/{id}/resize (moby daemon/resize.go ContainerResize): the size of the container's terminal.
 * Only a running container has a task to resize; one without a terminal takes the size and ignores it, as
 * containerd's shim does for a process without a console. Each resize is a `resize` event with the size.
 */
import type { DaemonContext } from './context.js';
import { notRunning } from './kill.js';

export function containerResize(d: DaemonContext, name: string, height: number, width: number): void {
  const c = d.store.getContainer(name);
  if (!c.State.Running) throw notRunning(c.ID);
  d.store.runtime(c).tty?.resize(height, width);
  d.store.containerEvent(c, 'resize', { height: String(height), width: String(width) });
}
