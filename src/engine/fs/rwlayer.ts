/**
 * A container's writable layer turned into a read-only image layer, as `docker commit` registers the RW layer's
 * tar stream: the upper layer's entries with their metadata, deletions as whiteouts and recreated directories as
 * opaque ones (OCI whiteouts on the way through a Tree, as a layer tar carries them). The new layer owns copies of
 * the bytes, so the container writing on afterwards never changes the image.
 */
import { Layer } from './layer.js';
import type { Overlay } from './overlay.js';

/** The committed layer, or null when the container changed nothing (moby's empty layer: no new diff ID). */
export function layerFromUpper(rootfs: Overlay): Layer | null {
  const tree = rootfs.exportUpper();
  if (Object.keys(tree).every((p) => p === '/')) return null;
  return Layer.fromTree(tree);
}
