/**
 * `docker rmi` (moby daemon/images/image_delete.go): untag a reference, and delete the image once nothing names
 * it — unless a container uses it. The records are the API's `[{"Untagged": …}, {"Deleted": …}]`.
 */
import type { DaemonStore } from '../store.js';
import { conflict } from '../../../pkg/errdefs.js';
import { shortID } from '../ids.js';
import { familiarString, parseNormalizedNamed, tagNameOnly, type Reference } from '../../../pkg/reference.js';
import type { Image } from './store.js';

export type DeleteRecord = { Untagged: string } | { Deleted: string };

function isIdPrefix(id: string, ref: string): boolean {
  const hex = ref.startsWith('sha256:') ? ref.slice(7) : ref;
  return /^[a-f0-9]+$/.test(hex) && id.startsWith(`sha256:${hex}`);
}

function users(engine: DaemonStore, img: Image): { running?: string; stopped?: string } {
  const out: { running?: string; stopped?: string } = {};
  for (const c of engine.containers.values()) {
    if (c.ImageID !== img.id) continue;
    if (c.State.Running) out.running ??= c.ID;
    else out.stopped ??= c.ID;
  }
  return out;
}

/** Repository references other than digests, across repositories: moby's isSingleReference. */
function isSingleReference(refs: readonly Reference[]): boolean {
  const tags = refs.filter((r) => r.digest === undefined);
  if (tags.length > 1) return false;
  const names = new Set(refs.map((r) => `${r.domain}/${r.path}`));
  return names.size <= 1;
}

export function imageRemove(engine: DaemonStore, refOrId: string, opts: { force?: boolean } = {}): DeleteRecord[] {
  const store = engine.images;
  const img = store.resolve(refOrId);
  const force = opts.force ?? false;
  const records: DeleteRecord[] = [];
  const untag = (r: Reference): void => {
    store.untag(r);
    records.push({ Untagged: familiarString(r) });
    engine.events.log('image', 'untag', { ID: img.id, Attributes: { name: img.id } });
  };
  let refs = store.referencesOf(img.id);
  if (!isIdPrefix(img.id, refOrId)) {
    const u = users(engine, img);
    const anyUser = u.running ?? u.stopped;
    if (!force && isSingleReference(refs) && anyUser) {
      throw conflict(`conflict: unable to remove repository reference "${refOrId}" (must force) - container ${shortID(anyUser)} is using its referenced image ${shortID(img.id)}`);
    }
    const parsed = tagNameOnly(parseNormalizedNamed(refOrId));
    untag(parsed);
    refs = store.referencesOf(img.id);
    if (parsed.digest === undefined && !refs.some((r) => r.digest === undefined && r.path === parsed.path && r.domain === parsed.domain)) {
      for (const r of refs.filter((x) => x.digest !== undefined && x.path === parsed.path)) untag(r);
      refs = store.referencesOf(img.id);
    }
    if (refs.length > 0) return records;
    const { running, stopped } = users(engine, img);
    if (running || stopped) return records; // removing the last tag of a used image leaves it dangling
  } else {
    const { running, stopped } = users(engine, img);
    if (running) {
      throw conflict(`conflict: unable to delete ${shortID(img.id)} (cannot be forced) - image is being used by running container ${shortID(running)}`);
    }
    if (!isSingleReference(refs) && !force) {
      throw conflict(`conflict: unable to delete ${shortID(img.id)} (must be forced) - image is referenced in multiple repositories`);
    }
    if (stopped && !force) {
      throw conflict(`conflict: unable to delete ${shortID(img.id)} (must be forced) - image is being used by stopped container ${shortID(stopped)}`);
    }
    for (const r of refs) untag(r);
    if (stopped) return records;
  }
  store.delete(img.id);
  records.push({ Deleted: img.id });
  for (const [i, layer] of img.layers.entries()) {
    if (!store.layerShared(layer, img.id)) records.push({ Deleted: img.diffIds[i] });
  }
  engine.events.log('image', 'delete', { ID: img.id, Attributes: { name: img.id } });
  return records;
}
