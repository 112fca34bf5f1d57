/**
 * The config blob of each image as it was hashed into the image's ID. The store keeps the config's parts, not
 * its bytes; `docker save` and `docker push` must send the very bytes (a loaded or pulled image's ID is their
 * sha256, and a registry checks the digest), so whatever makes an image (commit, build, import, load) records
 * them in the image store (`ImageStore.recordConfig`), which drops them with the image.
 */
import { buildCatalogImage, CATALOG } from '../registry.js';
import type { Image, ImageStore } from './store.js';

/**
 * The config bytes the image's ID was hashed from: recorded, or the catalogue's own; for an image nothing
 * recorded, its config as moby marshals image.Image (then the blob's digest is not the image's ID).
 */
export function configBlob(images: ImageStore, img: Image): string {
  const recorded = images.recordedConfig(img.id);
  if (recorded !== undefined) return recorded;
  const cat = img.catalogKey !== '' ? CATALOG.find((c) => c.key === img.catalogKey) : undefined;
  if (cat) {
    const b = buildCatalogImage(cat);
    if (b.imageId === img.id) return b.config;
  }
  return JSON.stringify({
    architecture: 'amd64',
    ...(img.author ? { author: img.author } : {}),
    config: img.config,
    created: img.created,
    ...(img.dockerVersion ? { docker_version: img.dockerVersion } : {}),
    history: img.history,
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: img.diffIds },
  });
}
