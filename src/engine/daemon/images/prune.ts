/**
 * POST /images/prune (moby daemon/images/image_prune.go): with `dangling=true` (the default) only images
 * without a tag, with `dangling=false` every image; `label`, `label!` and `until` narrow it. Each is removed
 * as `docker rmi` would without force, so an image a container uses stays (its conflict is skipped). The
 * reclaimed space is that of the layers actually deleted; one `prune` event reports it.
 */
import type { DaemonStore } from '../store.js';
import { conflict, isDaemonError } from '../../../pkg/errdefs.js';
import { FilterArgs, type FilterMap } from '../filters.js';
import { matchLabels, pruneUntil } from '../prune.js';
import { familiarString, referenceString } from '../../../pkg/reference.js';
import { chainIds, imageRemove, type DeleteRecord } from './remove.js';

export interface ImagesPruneReport {
  readonly ImagesDeleted: DeleteRecord[] | null;
  readonly SpaceReclaimed: number;
}

const ACCEPTED: ReadonlySet<string> = new Set(['dangling', 'label', 'label!', 'until']);
const running = new WeakSet<DaemonStore>();

export function imagesPrune(engine: DaemonStore, raw: FilterMap = {}): ImagesPruneReport {
  if (running.has(engine)) throw conflict('a prune operation is already running');
  running.add(engine);
  try {
    const f = new FilterArgs(raw);
    f.validate(ACCEPTED);
    const danglingOnly = f.getBoolOrDefault('dangling', true);
    const until = pruneUntil(f, engine.nowNs());
    const store = engine.images;
    // Each layer's size by chain ID (the Deleted records name layers so), before anything goes.
    const layerSize = new Map<string, number>();
    for (const img of store.all()) chainIds(img.diffIds).forEach((c, i) => layerSize.set(c, img.layerSizes[i] ?? 0));
    const deleted: DeleteRecord[] = [];
    // moby walks a Go map (no order); newest first here, so a transcript is the same every time.
    const images = store.all().sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
    for (const img of images) {
      // Heads only when pruning dangling images; an untagged image with children is an intermediate one.
      const hasChildren = store.children(img.id).length > 0;
      if (danglingOnly && hasChildren) continue;
      if (store.referencesOf(img.id).length === 0 && hasChildren) continue;
      if (until !== null && BigInt(Date.parse(img.created)) * 1_000_000n > until) continue;
      if (!matchLabels(f, img.config.Labels)) continue;
      // The reference store lists an image's references sorted by their full string (tags before digests).
      const refs = store.referencesOf(img.id).sort((a, b) => (referenceString(a) < referenceString(b) ? -1 : 1));
      const targets = refs.length > 0
        ? (danglingOnly && refs.some((r) => r.tag !== undefined) ? [] : refs.map(familiarString))
        : [img.id.slice(7)];
      for (const t of targets) {
        try {
          deleted.push(...imageRemove(engine, t, { prune: true }));
        } catch (e) {
          if (!isDaemonError(e)) throw e;
          // imageDeleteFailed: a conflict (a container uses it) or a reference already gone is skipped.
        }
      }
    }
    let reclaimed = 0;
    for (const r of deleted) if ('Deleted' in r) reclaimed += layerSize.get(r.Deleted) ?? 0;
    engine.events.log('image', 'prune', { ID: '', Attributes: { reclaimed: String(reclaimed) } });
    return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
  } finally {
    running.delete(engine);
  }
}
