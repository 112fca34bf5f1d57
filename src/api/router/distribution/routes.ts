/**
 * The registry-facing routes (moby's router/distribution and router/system's /auth, router/image's push):
 * POST /auth, POST /images/{name}/push, GET /distribution/{name}/json.
 */
import { waitFor } from '../../server/types.js';
import { readJSON, streamJSONMessages, writeJSON } from '../httputils.js';
import { route, type Route } from '../types.js';

type Json = Record<string, unknown>;

export interface DistributionBackend {
  /** POST /auth: `{"Status":"Login Succeeded","IdentityToken":""}` or the registry's error. */
  registryLogin(auth: Json): Promise<Json>;
  /** Pushes `name` (`docker.io/you/web`), streaming progress messages; `authHeader` is X-Registry-Auth. */
  imagePush(name: string, tag: string, authHeader: string, progress: (msg: Json) => void): Promise<void>;
  /** GET /distribution/{name}/json: the manifest's descriptor and platforms. */
  distributionInspect(name: string, authHeader: string): Promise<Json>;
}

export function distributionRoutes(b: DistributionBackend): Route[] {
  return [
    route('POST', '/auth', async (ctx) => {
      const body = readJSON<Json>(ctx) ?? {};
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.registryLogin(body)));
    }),
    route('POST', '/images/{name:.*}/push', (ctx) =>
      streamJSONMessages(ctx, (progress) => b.imagePush(ctx.vars.name, ctx.query.get('tag'), ctx.req.headers.get('X-Registry-Auth'), progress))),
    route('GET', '/distribution/{name:.*}/json', async (ctx) => {
      await writeJSON(ctx.w, 200, await waitFor(ctx.waiter, b.distributionInspect(ctx.vars.name, ctx.req.headers.get('X-Registry-Auth'))));
    }),
  ];
}
