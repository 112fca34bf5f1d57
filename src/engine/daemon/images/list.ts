/**
 * GET /images/json (moby daemon/images/image_list.go, the overlay2 image store Docker 28 uses by default):
 * newest first, filtered by `dangling`, `label`, `before`, `since`, `reference` and `until`. A `reference`
 * filter also narrows RepoTags and RepoDigests to the references it matched, as moby's does
 * (`docker images --digests ubuntu:latest` shows no digest: only the tag reference matched).
 */
import { systemError } from '../../../pkg/errdefs.js';
import { FilterArgs, type FilterMap } from '../filters.js';
import { familiarName, familiarString, type Reference } from '../../../pkg/reference.js';
import { filterTimestamp } from '../../../pkg/timetypes.js';
import { imageSummaryJSON } from './json.js';
import { BadPattern, pathMatch } from './pathmatch.js';
import type { Image, ImageStore } from './store.js';

type Json = Record<string, unknown>;

export interface ImageListOptions {
  readonly all?: boolean;
  readonly filters?: FilterMap;
}

/** acceptedImageFilterTags. */
export const IMAGE_FILTERS: ReadonlySet<string> = new Set(['dangling', 'label', 'before', 'since', 'reference', 'until']);

const createdMs = (img: Image): number => Date.parse(img.created);

export function imageList(store: ImageStore, nowNs: bigint, opts: ImageListOptions = {}): Json[] {
  const f = new FilterArgs(opts.filters);
  f.validate(IMAGE_FILTERS);
  const danglingOnly = f.getBoolOrDefault('dangling', false);
  // Several values resolve to the oldest `before`/`until` and the newest `since`: all of them hold.
  let beforeMs: number | null = null;
  for (const v of f.get('before')) {
    const t = createdMs(store.resolve(v));
    if (beforeMs === null || t < beforeMs) beforeMs = t;
  }
  for (const v of f.get('until')) {
    const t = Number(filterTimestamp(v, nowNs) / 1_000_000n);
    if (beforeMs === null || t < beforeMs) beforeMs = t;
  }
  let sinceMs: number | null = null;
  for (const v of f.get('since')) {
    const t = createdMs(store.resolve(v));
    if (sinceMs === null || t > sinceMs) sinceMs = t;
  }
  const patterns = f.get('reference');
  const matchRef = (name: string, full: string): boolean => {
    if (!f.contains('reference')) return true;
    try {
      return patterns.some((p) => pathMatch(p, full) || pathMatch(p, name));
    } catch (e) {
      // An unclassified error in moby: the client sees a 500 with Go's text.
      if (e instanceof BadPattern) throw systemError(e.message);
      throw e;
    }
  };

  const out: Array<{ img: Image; json: Json }> = [];
  for (const img of store.all()) {
    const hasChildren = store.children(img.id).length > 0;
    // dangling=true lists only heads (images nothing was made from).
    if (danglingOnly && hasChildren) continue;
    const t = createdMs(img);
    if (beforeMs !== null && !(t < beforeMs)) continue;
    if (sinceMs !== null && !(t > sinceMs)) continue;
    if (f.contains('label') && !f.matchKVList('label', img.config.Labels)) continue;
    const tags = store.referencesOf(img.id).filter((r: Reference) => r.tag !== undefined)
      .filter((r) => matchRef(familiarName(r), familiarString(r))).map(familiarString);
    const digests = store.repoDigests(img.id).filter((d) => matchRef(d.slice(0, d.indexOf('@')), d));
    if (tags.length === 0 && digests.length === 0) {
      // An untagged parent of another image is an intermediate image: listed with `-a` only.
      if (!opts.all && hasChildren) continue;
      if (f.contains('dangling') && !danglingOnly) continue;
      if (f.contains('reference')) continue;
    } else if (danglingOnly && tags.length > 0) continue;
    out.push({ img, json: { ...imageSummaryJSON(store, img), RepoDigests: digests, RepoTags: tags } });
  }
  return out.sort((a, b) => createdMs(b.img) - createdMs(a.img)).map((e) => e.json);
}
