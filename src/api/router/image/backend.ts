/** What the image routes need (moby's router/image/backend.go and router/distribution). */
import type { Filters } from '../httputils.js';

type MaybeAsync<T> = T | Promise<T>;
type Json = Record<string, unknown>;

export interface ImageBackend {
  images(opts: { all: boolean; filters: Filters; sharedSize: boolean; manifests: boolean }): MaybeAsync<unknown[]>;
  imageInspect(name: string): MaybeAsync<Json>;
  /** `[{"Untagged": …}, {"Deleted": …}]`. */
  imageDelete(name: string, opts: { force: boolean; prune: boolean }): MaybeAsync<Array<Record<string, string>>>;
  /** POST /images/prune: `{ImagesDeleted, SpaceReclaimed}`. */
  imagesPrune(filters: Filters): MaybeAsync<Json>;
  /** GET /images/{name}/history: image.HistoryResponseItem, newest first. */
  imageHistory(name: string): MaybeAsync<unknown[]>;
  /** POST /images/{name}/tag. */
  imageTag(name: string, repo: string, tag: string): MaybeAsync<void>;
  imageSearch(term: string, limit: number, filters: Filters): MaybeAsync<unknown[]>;
  /**
   * Pulls `fromImage:tag`, reporting progress as JSONMessage objects (`{"status":…,"id":…}`) from any process.
   * An error before the first message is an ordinary error reply; after it, it goes in-band.
   */
  /** `authHeader`: X-Registry-Auth, '' without one. */
  imagePull(ref: { fromImage: string; tag: string; platform: string }, progress: (msg: Json) => void, authHeader: string): Promise<void> | void;
}
