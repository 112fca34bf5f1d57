/**
 * The config blob of each image as it was hashed into the image's ID. The store keeps the config's parts, not
 * its bytes; `docker save` must write the very bytes (a loaded image's ID is their sha256), so whatever makes
 * an image (commit, import, load) records them here.
 */
import type { DaemonStore } from '../store.js';

const blobs = new WeakMap<DaemonStore, Map<string, string>>();

export function recordConfig(engine: DaemonStore, id: string, json: string): void {
  let m = blobs.get(engine);
  if (!m) blobs.set(engine, (m = new Map()));
  m.set(id, json);
}

export function recordedConfig(engine: DaemonStore, id: string): string | undefined {
  return blobs.get(engine)?.get(id);
}
