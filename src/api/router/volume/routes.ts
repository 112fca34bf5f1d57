/** The volume routes (moby api/server/router/volume): list, create, inspect, remove and prune. */
import { boolValue, checkForJSON, decodeJSON, parseFilters, writeJSON, type Filters } from '../httputils.js';
import { route, type RequestContext, type Route } from '../types.js';
import { waitFor } from '../../server/types.js';
import { invalidParameter } from '../../../pkg/errdefs.js';

type MaybeAsync<T> = T | Promise<T>;
type Json = Record<string, unknown>;

export interface VolumeBackend {
  /** GET /volumes: `{Volumes, Warnings}`. */
  volumeList(filters: Filters): MaybeAsync<Json>;
  /** POST /volumes/create: the volume. */
  volumeCreate(body: Json): MaybeAsync<Json>;
  /** GET /volumes/{name}. */
  volumeInspect(name: string): MaybeAsync<Json>;
  /** DELETE /volumes/{name}. */
  volumeRemove(name: string, force: boolean): MaybeAsync<void>;
  /** POST /volumes/prune: `{VolumesDeleted, SpaceReclaimed}`. */
  volumesPrune(filters: Filters): MaybeAsync<Json>;
}

export function volumeRoutes(b: VolumeBackend): Route[] {
  return [
    route('GET', '/volumes', async (ctx: RequestContext): Promise<void> => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.volumeList(parseFilters(ctx.query.get('filters')))));
    }),
    route('GET', '/volumes/{name:.*}', async (ctx: RequestContext): Promise<void> => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.volumeInspect(ctx.vars.name)));
    }),
    route('POST', '/volumes/create', async (ctx: RequestContext): Promise<void> => {
      checkForJSON(ctx);
      const body = decodeJSON<Json | null>(ctx.req.body);
      if (body !== null && (typeof body !== 'object' || Array.isArray(body))) throw invalidParameter('invalid JSON body');
      await writeJSON(ctx.w, 201, await waitFor(ctx.waiter, b.volumeCreate(body ?? {})));
    }),
    route('POST', '/volumes/prune', async (ctx: RequestContext): Promise<void> => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.volumesPrune(parseFilters(ctx.query.get('filters')))));
    }),
    route('DELETE', '/volumes/{name:.*}', async (ctx: RequestContext): Promise<void> => {
      await waitFor(ctx.waiter, b.volumeRemove(ctx.vars.name, boolValue(ctx, 'force')));
      ctx.w.writeHeader(204);
    }),
  ];
}
