/**
 * Images as stacks of layers. Layers are keyed by content (diffId), so a layer two images hold appears once
 * in `layers` with `usedBy` 2 — the panel draws it shared. The store has few images; the whole view is
 * rebuilt on image events and compared as a whole.
 */
import type { DaemonQuery } from '../../../engine/daemon/query.js';
import type { ImagesView, ImageView, LayerView } from './types.js';

export function imagesView(query: DaemonQuery): ImagesView {
  const layers: Record<string, LayerView> = {};
  const images: ImageView[] = [];
  for (const img of query.images()) {
    img.diffIds.forEach((diffId, i) => {
      const prev = layers[diffId];
      // The daemon's own figure (what `docker history` gives the layer), so the stack adds up to the image's
      // SIZE in `docker images`; a layer holds the same content, and so the same size, in every image.
      layers[diffId] = { diffId, size: prev?.size ?? img.layerSizes[i] ?? 0, usedBy: (prev?.usedBy ?? 0) + 1 };
    });
    images.push({ id: img.id, tags: [...img.repoTags].sort(), size: img.size, layers: [...img.diffIds] });
  }
  // Named images first, by name, as `docker images` reads; dangling ones after, by ID.
  images.sort((a, b) => {
    const an = a.tags[0] ?? `~${a.id}`;
    const bn = b.tags[0] ?? `~${b.id}`;
    return an < bn ? -1 : an > bn ? 1 : 0;
  });
  return { images, layers };
}

export function sameImagesView(a: ImagesView, b: ImagesView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The image a highlight or a lesson names: `busybox` means `busybox:latest`; an ID or its prefix works too. */
export function findImage(view: ImagesView, ref: string): ImageView | undefined {
  const tag = ref.includes(':') && !ref.startsWith('sha256:') ? ref : `${ref}:latest`;
  return (
    view.images.find((i) => i.tags.includes(tag)) ??
    view.images.find((i) => i.id === ref || (ref.length >= 4 && i.id.replace('sha256:', '').startsWith(ref.replace('sha256:', ''))))
  );
}
