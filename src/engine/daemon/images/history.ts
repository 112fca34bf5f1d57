/**
 * GET /images/{name}/history (moby daemon/images/image_history.go): the config's history newest first, each
 * entry that made a layer with that layer's size, `<missing>` as its ID unless the image chain names it: the
 * newest entry is the image itself, the next one its parent, and so on while parents are in the store.
 */
import { unixSeconds } from '../../../pkg/timetypes.js';
import type { Image, ImageStore } from './store.js';

export interface HistoryResponseItem {
  readonly Comment: string;
  readonly Created: number;
  readonly CreatedBy: string;
  readonly Id: string;
  readonly Size: number;
  readonly Tags: string[] | null;
}

export function imageHistory(store: ImageStore, img: Image): HistoryResponseItem[] {
  const out: Array<{ -readonly [K in keyof HistoryResponseItem]: HistoryResponseItem[K] }> = [];
  let layer = 0;
  for (const h of img.history) {
    let size = 0;
    if (!h.empty_layer) {
      if (layer >= img.layerSizes.length) throw new Error('too many non-empty layers in History section');
      size = img.layerSizes[layer++];
    }
    out.unshift({
      Comment: h.comment ?? '', Created: unixSeconds(BigInt(Date.parse(h.created)) * 1_000_000n), CreatedBy: h.created_by ?? '',
      Id: '<missing>', Size: size, Tags: null,
    });
  }
  let cur: Image | undefined = img;
  for (const item of out) {
    if (!cur) break;
    item.Id = cur.id;
    const tags = store.repoTags(cur.id);
    item.Tags = tags.length > 0 ? tags : null;
    cur = cur.parent ? store.get(cur.parent) : undefined;
  }
  return out;
}
