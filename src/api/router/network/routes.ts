/** The network routes (moby's router/network): list, inspect, create, connect, disconnect, remove, prune. */
import { invalidParameter } from '../../../pkg/errdefs.js';
import { parseFilters, readJSON, writeJSON, type Filters } from '../httputils.js';
import { route, type RequestContext, type Route } from '../types.js';
import { waitFor } from '../../server/types.js';

type MaybeAsync<T> = T | Promise<T>;
type Json = Record<string, unknown>;

export interface NetworkBackend {
  /** GET /networks */
  networkList(filters: Filters): MaybeAsync<Json[]>;
  /** GET /networks/{id} */
  networkInspect(term: string): MaybeAsync<Json>;
  /** POST /networks/create: `{Id, Warning}`. */
  networkCreate(req: Json): MaybeAsync<Json>;
  /** POST /networks/{id}/connect */
  networkConnect(term: string, container: string, endpointConfig: Json | null): MaybeAsync<void>;
  /** POST /networks/{id}/disconnect */
  networkDisconnect(term: string, container: string, force: boolean): MaybeAsync<void>;
  /** DELETE /networks/{id} */
  networkRemove(term: string): MaybeAsync<void>;
  /** POST /networks/prune: `{NetworksDeleted}`. */
  networksPrune(filters: Filters): MaybeAsync<Record<string, unknown>>;
}

export function networkRoutes(b: NetworkBackend): Route[] {
  return [
    route('GET', '/networks', async (ctx: RequestContext): Promise<void> => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.networkList(parseFilters(ctx.query.get('filters')))));
    }),
    route('GET', '/networks/{id:.*}', async (ctx: RequestContext): Promise<void> => {
      const v = ctx.query.get('verbose');
      if (v !== '' && !['1', 't', 'T', 'true', 'TRUE', 'True', '0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) {
        throw invalidParameter(`invalid value for verbose: ${v}`);
      }
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.networkInspect(ctx.vars.id)));
    }),
    route('POST', '/networks/create', async (ctx: RequestContext): Promise<void> => {
      const body = readJSON(ctx) ?? {};
      await writeJSON(ctx.w, 201, await waitFor(ctx.waiter, b.networkCreate(body)));
    }),
    route('POST', '/networks/prune', async (ctx: RequestContext): Promise<void> => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.networksPrune(parseFilters(ctx.query.get('filters')))));
    }),
    route('POST', '/networks/{id:.*}/connect', async (ctx: RequestContext): Promise<void> => {
      const body = readJSON(ctx) ?? {};
      await waitFor(ctx.waiter, b.networkConnect(ctx.vars.id, String(body.Container ?? ''), (body.EndpointConfig as Json | null) ?? null));
      ctx.w.writeHeader(200);
    }),
    route('POST', '/networks/{id:.*}/disconnect', async (ctx: RequestContext): Promise<void> => {
      const body = readJSON(ctx) ?? {};
      await waitFor(ctx.waiter, b.networkDisconnect(ctx.vars.id, String(body.Container ?? ''), body.Force === true));
      ctx.w.writeHeader(200);
    }),
    route('DELETE', '/networks/{id:.*}', async (ctx: RequestContext): Promise<void> => {
      await waitFor(ctx.waiter, b.networkRemove(ctx.vars.id));
      ctx.w.writeHeader(204);
    }),
  ];
}
