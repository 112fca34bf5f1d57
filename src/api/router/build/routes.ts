/** The build routes dockersim serves (moby's router/build): only the cache prune `docker system prune` calls. */
import { boolValue, parseFilters, writeJSON, type Filters } from '../httputils.js';
import { route, type RequestContext, type Route } from '../types.js';
import { waitFor } from '../../server/types.js';

type MaybeAsync<T> = T | Promise<T>;

export interface BuildBackend {
  /** POST /build/prune: `{CachesDeleted, SpaceReclaimed}`. */
  buildCachePrune(opts: { all: boolean; filters: Filters }): MaybeAsync<Record<string, unknown>>;
}

export function buildRoutes(b: BuildBackend): Route[] {
  return [
    route('POST', '/build/prune', async (ctx: RequestContext): Promise<void> => {
      const opts = { all: boolValue(ctx, 'all'), filters: parseFilters(ctx.query.get('filters')) };
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.buildCachePrune(opts)));
    }),
  ];
}
