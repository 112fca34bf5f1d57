/** The volume routes dockersim serves (moby's router/volume): only prune, for `docker system prune --volumes`. */
import { parseFilters, writeJSON, type Filters } from '../httputils.js';
import { route, type RequestContext, type Route } from '../types.js';
import { waitFor } from '../../server/types.js';

type MaybeAsync<T> = T | Promise<T>;

export interface VolumeBackend {
  /** POST /volumes/prune: `{VolumesDeleted, SpaceReclaimed}`. */
  volumesPrune(filters: Filters): MaybeAsync<Record<string, unknown>>;
}

export function volumeRoutes(b: VolumeBackend): Route[] {
  return [
    route('POST', '/volumes/prune', async (ctx: RequestContext): Promise<void> => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.volumesPrune(parseFilters(ctx.query.get('filters')))));
    }),
  ];
}
