/**
 * `docker rm` (moby daemon/delete.go): refuse a running container unless forced (then kill it), mark it dead,
 * drop its RW layer, names and exec instances, and emit `destroy`.
 */
import type { Container } from './container.js';
import type { DaemonContext } from './context.js';
import type { DaemonStore } from './store.js';
import { conflict, isDaemonError } from '../../pkg/errdefs.js';
import { killContainer } from './kill.js';
import { notSimulated } from './unsimulated.js';
import { releaseMounts } from './volume/mounts.js';
import { dropContainerExecs } from './execStore.js';

export interface RmOptions {
  readonly force?: boolean;
  readonly removeVolumes?: boolean;
  /** `docker rm --link`: remove a link name (`/parent/alias`), never the container. */
  readonly removeLink?: boolean;
}

export async function containerRm(d: DaemonContext, name: string, opts: RmOptions = {}): Promise<void> {
  const engine = d.store;
  // The link's name resolves to the linked container; removing it must never remove that container.
  if (opts.removeLink && name.replace(/^\//, '').includes('/')) throw notSimulated('removing a link (docker rm --link)');
  const c = engine.getContainer(name);
  // moby rmLink: a plain name is the container's own, which is no link to remove (an unclassified error: 500).
  if (opts.removeLink) throw new Error('Conflict, cannot remove the default link name of the container');
  if (c.State.setRemovalInProgress()) throw conflict(`removal of container ${name} is already in progress`);
  try {
    if (!engine.containers.has(c.ID)) return;
    if (c.State.Running) {
      if (!opts.force) {
        const state = c.State.stateString();
        // moby quotes the name as the client sent it (the URL's {name}), not the container's "/name".
        if (state === 'paused') throw conflict(`cannot remove container "${name}": container is paused and must be unpaused first`);
        throw conflict(`cannot remove container "${name}": container is ${state}: stop the container before removing or force remove`);
      }
      try {
        await killContainer(d, c);
      } catch (e) {
        if (!isDaemonError(e, 'Conflict')) throw new Error(`cannot remove container "${name}": could not kill container: ${(e as Error).message}`);
      }
    }
    if (engine.containers.has(c.ID)) removeContainer(engine, c, opts.removeVolumes);
  } finally {
    c.State.resetRemovalInProgress();
  }
}

/** The removal itself, for a container that is not running (also AutoRemove's path). */
export function removeContainer(engine: DaemonStore, c: Container, removeVolumes = false): void {
  c.State.setDead();
  releaseMounts(engine, c, removeVolumes);
  engine.containers.delete(c.ID);
  engine.runtimes.delete(c.ID);
  engine.names.releaseAll(c.ID);
  dropContainerExecs(engine, c);
  c.State.setRemoved();
  engine.containerEvent(c, 'destroy');
  engine.notify();
}
