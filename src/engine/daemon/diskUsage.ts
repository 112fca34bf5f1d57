/**
 * GET /system/df (moby daemon/disk_usage.go + the system route): every container with its sizes, every image
 * with SharedSize (bytes of layers another image holds too) and Containers (how many use it), LayersSize (each
 * layer counted once), every local volume with its size and references, and no build cache (nothing builds here).
 */
import type { Layer } from '../fs/layer.js';
import type { DaemonContext } from './context.js';
import { imageList } from './images/list.js';
import { containerList } from './list.js';
import { volumesDiskUsage } from './volume/service.js';

type Json = Record<string, unknown>;

export interface DiskUsageOptions {
  readonly containers: boolean;
  readonly images: boolean;
  readonly volumes: boolean;
  readonly buildCache: boolean;
}

const ALL: DiskUsageOptions = { containers: true, images: true, volumes: true, buildCache: true };

export function systemDiskUsage(d: DaemonContext, o: DiskUsageOptions = ALL): Json {
  const engine = d.store;
  const out: Json = { LayersSize: 0, Images: null, Containers: null, Volumes: null, BuildCache: null };
  if (o.images) {
    // An image's Size is what `docker images` shows; a layer is sized as its share of that (every catalog
    // image is one layer), so LayersSize agrees with the image list.
    const holders = new Map<Layer, number>();
    const sizeOf = new Map<Layer, number>();
    for (const img of engine.images.all()) {
      for (const l of img.layers) {
        holders.set(l, (holders.get(l) ?? 0) + 1);
        sizeOf.set(l, Math.floor(img.size / img.layers.length));
      }
    }
    let layersSize = 0;
    for (const n of sizeOf.values()) layersSize += n;
    const used = new Map<string, number>();
    for (const c of engine.containers.values()) used.set(c.ImageID, (used.get(c.ImageID) ?? 0) + 1);
    out.LayersSize = layersSize;
    out.Images = imageList(engine.images, engine.nowNs()).map((j) => {
      const img = engine.images.get(j.Id as string)!;
      const shared = img.layers.filter((l) => holders.get(l)! > 1).reduce((n, l) => n + sizeOf.get(l)!, 0);
      return { ...j, Containers: used.get(img.id) ?? 0, SharedSize: shared };
    });
  }
  if (o.containers) out.Containers = containerList(d, { all: true, size: true });
  if (o.volumes) out.Volumes = volumesDiskUsage(engine);
  if (o.buildCache) out.BuildCache = [];
  return out;
}
