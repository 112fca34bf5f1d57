/**
 * `docker rmi` (moby daemon/images/image_delete.go, graphdriver store): untag a reference, and delete the image
 * once nothing names it — unless a container uses it or another image was made from it. The records are the
 * API's `[{"Untagged": …}, {"Deleted": …}]`: the image, then each layer no other image holds, by chain ID. With
 * prune (the default; `--no-prune` turns it off) an untagged parent left with nothing to do goes too.
 */
import type { DaemonStore } from '../store.js';
import { conflict } from '../../../pkg/errdefs.js';
import { shortID } from '../ids.js';
import { familiarString, parseNormalizedNamed, referenceString, tagNameOnly, type Reference } from '../../../pkg/reference.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Encode } from '../../kernel/utf8.js';
import type { Image } from './store.js';

export type DeleteRecord = { Untagged: string } | { Deleted: string };

/** isImageIDPrefix. */
function isIdPrefix(id: string, ref: string): boolean {
  return id.startsWith(ref) || id.slice(7).startsWith(ref);
}

const sameRepo = (a: Reference, b: Reference): boolean => a.domain === b.domain && a.path === b.path;

/** Repository references other than digests, across repositories: moby's isSingleReference. */
function isSingleReference(refs: readonly Reference[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const canonical = new Set<string>();
  let single: Reference | undefined;
  for (const r of refs) {
    if (r.digest !== undefined) canonical.add(`${r.domain}/${r.path}`);
    else if (!single) single = r;
    else return false;
  }
  single ??= refs[0];
  return canonical.size === 1 && canonical.has(`${single.domain}/${single.path}`);
}

// checkImageDeleteConflict's mask bits.
const CHILD = 1;
const RUNNING = 2;
const ACTIVE_REF = 4;
const STOPPED = 8;
const HARD = CHILD | RUNNING;
const SOFT = ACTIVE_REF | STOPPED;

interface DeleteConflict {
  readonly error: Error;
  readonly used: boolean;
}

function deleteConflict(id: string, hard: boolean, message: string, used = false): DeleteConflict {
  return { error: conflict(`conflict: unable to delete ${shortID(id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`), used };
}

function checkConflict(engine: DaemonStore, img: Image, mask: number): DeleteConflict | null {
  if (mask & CHILD && engine.images.children(img.id).length > 0) return deleteConflict(img.id, true, 'image has dependent child images');
  const users = [...engine.containers.values()].filter((c) => c.ImageID === img.id);
  const running = users.find((c) => c.State.Running);
  if (mask & RUNNING && running) return deleteConflict(img.id, true, `image is being used by running container ${shortID(running.ID)}`, true);
  if (mask & ACTIVE_REF && engine.images.referencesOf(img.id).length > 0) {
    return deleteConflict(img.id, false, 'image is referenced in multiple repositories');
  }
  const stopped = users.find((c) => !c.State.Running);
  if (mask & STOPPED && stopped) return deleteConflict(img.id, false, `image is being used by stopped container ${shortID(stopped.ID)}`, true);
  return null;
}

/** The chain IDs of an image's layers, bottom first (layer.CreateChainID). */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of diffIds) out.push(out.length === 0 ? d : `sha256:${sha256Hex(utf8Encode(`${out[out.length - 1]} ${d}`))}`);
  return out;
}

export function imageRemove(engine: DaemonStore, refOrId: string, opts: { force?: boolean; prune?: boolean } = {}): DeleteRecord[] {
  const store = engine.images;
  const img = store.resolve(refOrId);
  const force = opts.force ?? false;
  const records: DeleteRecord[] = [];
  const untag = (r: Reference): void => {
    store.untag(r);
    records.push({ Untagged: familiarString(r) });
    engine.events.log('image', 'untag', { ID: img.id, Attributes: { ...img.config.Labels, name: img.id } });
  };
  // The reference store lists an image's references sorted by their full string.
  const refsOf = (id: string): Reference[] => store.referencesOf(id).sort((a, b) => (referenceString(a) < referenceString(b) ? -1 : 1));
  let refs = refsOf(img.id);
  let removedRepositoryRef = false;
  if (!isIdPrefix(img.id, refOrId)) {
    if (!force && isSingleReference(refs)) {
      const user = [...engine.containers.values()].find((c) => c.ImageID === img.id);
      if (user) {
        throw conflict(`conflict: unable to remove repository reference "${refOrId}" (must force) - container ${shortID(user.ID)} is using its referenced image ${shortID(img.id)}`);
      }
    }
    const parsed = tagNameOnly(parseNormalizedNamed(refOrId));
    untag(parsed);
    refs = refsOf(img.id);
    if (parsed.digest === undefined && !refs.some((r) => r.digest === undefined && sameRepo(r, parsed))) {
      // Only digests of that repository remain: they go with its last tag.
      for (const r of refs.filter((x) => x.digest !== undefined && sameRepo(x, parsed))) {
        store.untag(r);
        records.push({ Untagged: familiarString(r) });
      }
      refs = refsOf(img.id);
    }
    if (refs.length > 0) return records;
    removedRepositoryRef = true;
  } else if (isSingleReference(refs)) {
    const c = checkConflict(engine, img, HARD | (force ? 0 : SOFT & ~ACTIVE_REF));
    if (c) throw c.error;
    for (const r of refs) untag(r);
  }
  deleteHelper(engine, img, records, force, opts.prune ?? true, removedRepositoryRef);
  return records;
}

function deleteHelper(engine: DaemonStore, img: Image, records: DeleteRecord[], force: boolean, prune: boolean, quiet: boolean): void {
  const store = engine.images;
  const c = checkConflict(engine, img, HARD | (force ? 0 : SOFT));
  if (c) {
    // A parent reached by pruning, or an image whose last tag just went, stays quietly while it has a use.
    const dangling = store.referencesOf(img.id).length === 0 && store.children(img.id).length === 0;
    if (quiet && (!dangling || c.used)) return;
    throw c.error;
  }
  for (const r of store.referencesOf(img.id).sort((a, b) => (referenceString(a) < referenceString(b) ? -1 : 1))) {
    store.untag(r);
    records.push({ Untagged: familiarString(r) });
    engine.events.log('image', 'untag', { ID: img.id, Attributes: { ...img.config.Labels, name: img.id } });
  }
  store.delete(img.id);
  engine.events.log('image', 'delete', { ID: img.id, Attributes: { name: img.id } });
  records.push({ Deleted: img.id });
  const chains = chainIds(img.diffIds);
  for (let i = img.layers.length - 1; i >= 0; i--) {
    if (!store.layerShared(img.layers[i], img.id)) records.push({ Deleted: chains[i] });
    else break;
  }
  const parent = img.parent ? store.get(img.parent) : undefined;
  if (prune && parent) deleteHelper(engine, parent, records, false, true, true);
}
