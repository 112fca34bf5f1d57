/**
 * A container's disk use as moby's GetContainerLayerSize reports it: SizeRw is the bytes of file content in its
 * RW layer (the overlay's upper layer), SizeRootFs that plus its image's layers. `docker ps -s`, `inspect -s`,
 * `container prune`'s reclaimed space and `system df` all read it.
 */
import type { Container } from './container.js';
import type { DaemonStore } from './store.js';

export interface ContainerSize {
  readonly SizeRw: number;
  readonly SizeRootFs: number;
}

export function containerSize(engine: DaemonStore, c: Container): ContainerSize {
  const rw = engine.runtimes.get(c.ID)?.rootfs.upperBytes ?? 0;
  return { SizeRw: rw, SizeRootFs: rw + (engine.images.get(c.ImageID)?.size ?? 0) };
}
