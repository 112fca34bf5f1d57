/**
 * Images as stacks of layers. Layers are keyed by content (diffId), so a layer two images hold appears once
 * in `layers` with `usedBy` 2 — the panel draws it shared. Each image knows what it was made from and what was
 * made from it. The store has few images; the whole view is rebuilt on image events and compared as a whole.
 */
import type { DaemonQuery, ImageRecord } from '../../../engine/daemon/query.js';
import type { ImagesView, ImageView, LayerView } from './types.js';

export function imagesView(query: DaemonQuery): ImagesView {
  const layers: Record<string, LayerView> = {};
  const recs = query.images();
  const byId = new Map(recs.map((r) => [r.id, r]));
  // moby's children: what `docker images` calls intermediate (untagged with children) or dangling (without).
  const parents = new Set(recs.map((r) => r.parent).filter((p) => byId.has(p)));
  const direct = new Map<string, string>();
  for (const img of recs) {
    const p = img.parent && byId.has(img.parent) ? img.parent : layerParent(img, recs);
    if (p) direct.set(img.id, p);
  }
  const ancestry = (id: string): string[] => {
    const out: string[] = [];
    for (let p = direct.get(id); p && !out.includes(p) && p !== id; p = direct.get(p)) out.push(p);
    return out;
  };
  const intermediate = (r: ImageRecord): boolean => r.repoTags.length === 0 && parents.has(r.id);
  const children = new Map<string, string[]>();
  const images: ImageView[] = [];
  for (const img of recs) {
    img.diffIds.forEach((diffId, i) => {
      const prev = layers[diffId];
      // The daemon's own figure (what `docker history` gives the layer), so the stack adds up to the image's
      // SIZE in `docker images`; a layer holds the same content, and so the same size, in every image.
      layers[diffId] = { diffId, size: prev?.size ?? img.layerSizes[i] ?? 0, usedBy: (prev?.usedBy ?? 0) + 1 };
    });
    const ancestors = ancestry(img.id);
    const inter = intermediate(img);
    if (!inter) {
      const shown = ancestors.find((a) => !intermediate(byId.get(a)!));
      if (shown) children.set(shown, [...(children.get(shown) ?? []), img.id]);
    }
    images.push({
      id: img.id, tags: [...img.repoTags].sort(), size: img.size, layers: [...img.diffIds], ancestors,
      dangling: img.repoTags.length === 0 && !inter, intermediate: inter, children: [],
    });
  }
  for (let i = 0; i < images.length; i++) {
    const kids = children.get(images[i].id);
    if (kids) images[i] = { ...images[i], children: kids.sort() };
  }
  // Named images first, by name, as `docker images` reads; dangling ones after, by ID.
  images.sort((a, b) => {
    const an = a.tags[0] ?? `~${a.id}`;
    const bn = b.tags[0] ?? `~${b.id}`;
    return an < bn ? -1 : an > bn ? 1 : 0;
  });
  return { images, layers };
}

/**
 * The image another was built on when the daemon keeps no Parent (BuildKit, pull, load): the one whose layers
 * are the longest proper start of its own; a tagged one, then the smaller ID, wins a tie.
 */
function layerParent(img: ImageRecord, all: readonly ImageRecord[]): string {
  let best: ImageRecord | null = null;
  for (const o of all) {
    if (o.diffIds.length === 0 || o.diffIds.length >= img.diffIds.length) continue;
    if (!o.diffIds.every((d, i) => img.diffIds[i] === d)) continue;
    if (best && (o.diffIds.length < best.diffIds.length || (o.diffIds.length === best.diffIds.length && rank(o) >= rank(best)))) continue;
    best = o;
  }
  return best?.id ?? '';
}

const rank = (r: ImageRecord): string => `${r.repoTags.length > 0 ? 0 : 1}${r.id}`;

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
