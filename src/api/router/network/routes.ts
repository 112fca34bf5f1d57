/** The network routes dockersim serves (moby's router/network): only prune so far, for `docker system prune`. */
import { parseFilters, writeJSON, type Filters } from '../httputils.js';
import { route, type RequestContext, type Route } from '../types.js';
import { waitFor } from '../../server/types.js';

type MaybeAsync<T> = T | Promise<T>;

export interface NetworkBackend {
  /** POST /networks/prune: `{NetworksDeleted}`. */
  networksPrune(filters: Filters): MaybeAsync<Record<string, unknown>>;
}

export function networkRoutes(b: NetworkBackend): Route[] {
  return [
    route('POST', '/networks/prune', async (ctx: RequestContext): Promise<void> => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.networksPrune(parseFilters(ctx.query.get('filters')))));
    }),
  ];
}
